/* The Erlang modules a firmware embeds with gluon_add_app (CMake). */
#ifndef GLUON_APP_H
#define GLUON_APP_H

#include "gluon.h"

/* Makes the embedded modules loadable on first use (in place, in flash). */
gluon_status gluon_app_add(gluon_vm *vm);

/* The name of the first module given to gluon_add_app. */
extern const char gluon_app_start[];

/* The embedded modules, in the order given. */
typedef struct gluon_app_module {
    const char *name;
    const uint8_t *beam;
    size_t len;
} gluon_app_module;
extern const gluon_app_module gluon_app_modules[];
extern const size_t gluon_app_module_count;

#endif /* GLUON_APP_H */
