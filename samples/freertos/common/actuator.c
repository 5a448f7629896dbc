/* actuator:set/2 (see actuator.h). */
#include "actuator.h"

#include <string.h>

/* actuator:set(Channel, off) switches a channel off;
 * actuator:set(done, Count) is the server's last word. */
static gluon_term actuator_set(gluon_env *env, const gluon_term *args, size_t argc, void *user) {
    (void)argc;
    actuator_log *log = user;
    char what[8];
    int64_t n;
    if (gluon_get_int(args[0], &n) && gluon_get_atom(env, args[1], what, sizeof what) &&
        strcmp(what, "off") == 0 && n >= 0 && n < ACTUATOR_CHANNELS) {
        log->offs++;
        return gluon_make_atom(env, "ok");
    }
    if (gluon_get_atom(env, args[0], what, sizeof what) && strcmp(what, "done") == 0 &&
        gluon_get_int(args[1], &n)) {
        log->done = 1;
        log->done_count = (unsigned long)n;
        return gluon_make_atom(env, "ok");
    }
    return gluon_raise_badarg(env);
}

gluon_status actuator_register(gluon_vm *vm, actuator_log *log) {
    memset(log, 0, sizeof *log);
    return gluon_register_native(vm, "actuator", "set", 2, actuator_set, log);
}
