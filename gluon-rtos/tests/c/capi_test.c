/* The C API end to end: a VM created from C with C platform hooks, a
 * module loaded from a byte array, a native written in C, messages from a
 * second thread (100,000 with retry on a full queue: none lost), a burst
 * that overflows the queue by design (counted), a timer driven through
 * gluon_run_until_idle / gluon_next_deadline, and the error codes.
 *
 * Usage: capi_test SINK.beam. Prints the VM's output and its own checks;
 * exits non-zero on the first failed check.
 *
 * Built with -DGLUON_BARE against a library without std (features
 * region-heap, panic-halt, c-critical-section), it also supplies what
 * firmware supplies there: the heap region and the critical section. */
#include "gluon.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                \
            exit(1);                                                       \
        }                                                                  \
    } while (0)
#define CHECK_OK(call)                                                     \
    do {                                                                   \
        gluon_status s_ = (call);                                          \
        if (s_ != GLUON_OK) {                                              \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,   \
                    gluon_strerror(s_));                                   \
            exit(1);                                                       \
        }                                                                  \
    } while (0)

/* ---- platform hooks: a binary semaphore made of a mutex and a condvar */

struct platform {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool pending;
};

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void console_write(void *ctx, const uint8_t *bytes, size_t len) {
    (void)ctx;
    fwrite(bytes, 1, len, stdout);
}

static uint64_t monotonic_ns(void *ctx) {
    (void)ctx;
    return now_ns();
}

static void wait_event(void *ctx, bool has_deadline, uint64_t deadline) {
    struct platform *p = ctx;
    pthread_mutex_lock(&p->lock);
    while (!p->pending) {
        if (!has_deadline) {
            pthread_cond_wait(&p->cond, &p->lock);
            continue;
        }
        /* Our monotonic clock is CLOCK_MONOTONIC; the condvar uses the
         * realtime clock, so convert the remaining time. */
        uint64_t now = now_ns();
        if (now >= deadline) break;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t t = (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec + (deadline - now);
        ts.tv_sec = t / 1000000000u;
        ts.tv_nsec = t % 1000000000u;
        pthread_cond_timedwait(&p->cond, &p->lock, &ts);
    }
    p->pending = false;
    pthread_mutex_unlock(&p->lock);
}

static void wake(void *ctx) {
    struct platform *p = ctx;
    pthread_mutex_lock(&p->lock);
    p->pending = true;
    pthread_cond_signal(&p->cond);
    pthread_mutex_unlock(&p->lock);
}

#ifdef GLUON_BARE
/* ---- what a bare-metal build asks of the firmware */

static uint8_t heap_region[96u << 20];
static pthread_mutex_t critical = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

uint32_t gluon_port_critical_enter(void) {
    pthread_mutex_lock(&critical);
    return 0;
}

void gluon_port_critical_exit(uint32_t state) {
    (void)state;
    pthread_mutex_unlock(&critical);
}

/* Only for this host build: the host's precompiled Rust core library
 * refers to the unwinder's personality routine, which a build that aborts
 * on panic never calls. (Cortex-M targets' core does not refer to it.) */
void rust_eh_personality(void) {}
#endif

/* ---- a native: host:echo(Bin) -> {echo, Bin, byte_size(Bin)} */

static int native_calls;

static gluon_term echo(gluon_env *env, const gluon_term *args, size_t argc, void *user) {
    const uint8_t *data;
    size_t len;
    CHECK(argc == 1);
    *(int *)user += 1;
    if (!gluon_get_binary(args[0], &data, &len)) return gluon_raise_badarg(env);
    gluon_term elems[3] = {
        gluon_make_atom(env, "echo"),
        gluon_make_binary(env, data, len),
        gluon_make_int(env, (int64_t)len),
    };
    return gluon_make_tuple(env, elems, 3);
}

/* ---- a native using the rest of the term API: host:describe(T) */

static gluon_term describe(gluon_env *env, const gluon_term *args, size_t argc, void *user) {
    (void)argc;
    (void)user;
    gluon_term t = args[0];
    char name[32];
    int64_t n;
    const gluon_term *elems;
    size_t arity;
    gluon_term head, tail;
    const uint8_t *data;
    size_t len;
    if (gluon_get_atom(env, t, name, sizeof name)) {
        gluon_term r[2] = {gluon_make_atom(env, "atom"),
                           gluon_make_binary(env, (const uint8_t *)name, strlen(name))};
        return gluon_make_tuple(env, r, 2);
    }
    if (gluon_get_int(t, &n)) {
        gluon_term r[2] = {gluon_make_atom(env, "int"), gluon_make_int(env, n * 2)};
        return gluon_make_tuple(env, r, 2);
    }
    if (gluon_get_tuple(t, &elems, &arity)) {
        gluon_term r[2] = {gluon_make_atom(env, "tuple"), gluon_make_list(env, elems, arity)};
        return gluon_make_tuple(env, r, 2);
    }
    if (gluon_is_nil(t) || gluon_get_list_cell(t, &head, &tail)) {
        int64_t count = 0;
        while (gluon_get_list_cell(t, &head, &tail)) {
            count++;
            t = tail;
        }
        if (!gluon_is_nil(t)) return gluon_raise_badarg(env);
        gluon_term r[2] = {gluon_make_atom(env, "list"), gluon_make_int(env, count)};
        return gluon_make_tuple(env, r, 2);
    }
    if (gluon_get_binary(t, &data, &len)) return gluon_raise_error(env, gluon_make_atom(env, "no_binaries"));
    return gluon_raise_badarg(env);
}

/* ---- the sender thread */

#define MESSAGES 100000

static long refused; /* sends answered GLUON_E_FULL, retried */

static void send_retrying(const gluon_queue *q, const gluon_msg *m) {
    gluon_status s;
    while ((s = gluon_send(q, "sink", m)) == GLUON_E_FULL) {
        refused++;
        sched_yield();
    }
    CHECK(s == GLUON_OK);
}

static void *sender(void *arg) {
    const gluon_queue *q = arg;
    gluon_msg m;
    for (long i = 1; i <= MESSAGES; i++) {
        gluon_msg_init(&m);
        gluon_msg_tuple(&m, 2);
        gluon_msg_atom(&m, "n");
        gluon_msg_int(&m, i);
        send_retrying(q, &m);
    }
    gluon_msg_init(&m);
    gluon_msg_tuple(&m, 2);
    gluon_msg_atom(&m, "ping");
    gluon_msg_binary(&m, (const uint8_t *)"abc", 3);
    send_retrying(q, &m);
    /* {n, 0} as external term format bytes, as term_to_binary makes them */
    static const uint8_t n0[] = {131, 104, 2, 119, 1, 'n', 97, 0};
    while (gluon_send_etf(q, "sink", n0, sizeof n0) == GLUON_E_FULL) {
        refused++;
        sched_yield();
    }
    gluon_msg_init(&m);
    gluon_msg_atom(&m, "stop");
    send_retrying(q, &m);
    return NULL;
}

static uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(*len);
    CHECK(b != NULL && fread(b, 1, *len, f) == *len);
    fclose(f);
    return b;
}

int main(int argc, char **argv) {
    CHECK(argc == 2);
    size_t beam_len;
    uint8_t *beam = read_file(argv[1], &beam_len);

    struct platform plat = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
    gluon_platform hooks = {
        .ctx = &plat,
        .console_write = console_write,
        .monotonic_ns = monotonic_ns,
        .wait_event = wait_event,
        .wake = wake,
    };
    gluon_vm *vm;
    gluon_config cfg;
    gluon_config_default(&cfg);
    cfg.memory_limit = 64u << 20;
    cfg.platform = &hooks;
#ifdef GLUON_BARE
    cfg.heap_region = heap_region;
    cfg.heap_region_len = sizeof heap_region;
#else
    cfg.heap_region = &cfg;
    cfg.heap_region_len = 1;
    CHECK(gluon_vm_new(&cfg, &vm) == GLUON_E_NOTSUP);
    cfg.heap_region = NULL;
    cfg.heap_region_len = 0;
#endif

    /* Hooks without the required console are refused. */
    gluon_platform bad = hooks;
    bad.console_write = NULL;
    cfg.platform = &bad;
    CHECK(gluon_vm_new(&cfg, &vm) == GLUON_E_INVALID);
    cfg.platform = &hooks;
    CHECK_OK(gluon_vm_new(&cfg, &vm));

    static const uint8_t garbage[] = "FOR1 not a beam";
    CHECK(gluon_load_beam(vm, garbage, sizeof garbage) == GLUON_E_LOAD);
    CHECK_OK(gluon_load_beam(vm, beam, beam_len));
    free(beam); /* copied by the loader */
    CHECK_OK(gluon_register_native(vm, "host", "echo", 1, echo, &native_calls));
    CHECK_OK(gluon_register_native(vm, "host", "describe", 1, describe, NULL));
    CHECK(gluon_register_native(vm, NULL, "x", 1, describe, NULL) == GLUON_E_INVALID);
    CHECK(gluon_start(vm, "sink", "nope", false) == GLUON_E_UNDEF);
    CHECK_OK(gluon_start(vm, "sink", "start", true));

    const gluon_queue *q = gluon_queue_of(vm);
    gluon_state st;
    /* The sink registers its name, then waits with no timer. */
    CHECK_OK(gluon_run_until_idle(vm, 0, &st));
    CHECK(st == GLUON_IDLE && !gluon_next_deadline(vm, NULL));

    /* Errors of the builder. */
    gluon_msg m;
    gluon_msg_init(&m);
    gluon_msg_tuple(&m, 2);
    gluon_msg_atom(&m, "n");
    CHECK(gluon_send(q, "sink", &m) == GLUON_E_INCOMPLETE);
    gluon_msg_init(&m);
    static uint8_t big[GLUON_MSG_BYTES];
    gluon_msg_binary(&m, big, sizeof big);
    CHECK(gluon_send(q, "sink", &m) == GLUON_E_TOO_BIG);
    CHECK(gluon_send(NULL, "sink", &m) == GLUON_E_INVALID);

    /* An interrupt-style burst that never retries: the queue takes what
     * fits and counts the rest. */
    gluon_msg_init(&m);
    gluon_msg_tuple(&m, 2);
    gluon_msg_atom(&m, "n");
    gluon_msg_int(&m, 0);
    int accepted = 0, full = 0;
    for (int i = 0; i < GLUON_QUEUE_SLOTS + 8; i++) {
        gluon_status s = gluon_send(q, "sink", &m);
        if (s == GLUON_OK) accepted++;
        else if (s == GLUON_E_FULL) full++;
    }
    CHECK(accepted == GLUON_QUEUE_SLOTS && full == 8);
    gluon_queue_stats stats;
    CHECK_OK(gluon_queue_get_stats(q, &stats));
    CHECK(stats.overflowed == 8 && stats.high_water == GLUON_QUEUE_SLOTS);

    /* Natives answering with each kind of term, and raising. */
    CHECK_OK(gluon_run_until_idle(vm, 0, &st)); /* make room */
    for (int k = 0; k < 7; k++) {
        gluon_msg_init(&m);
        gluon_msg_tuple(&m, 2);
        gluon_msg_atom(&m, "describe");
        switch (k) {
        case 0: gluon_msg_atom(&m, "foo"); break;
        case 1: gluon_msg_int(&m, -7); break;
        case 2: gluon_msg_tuple(&m, 2); gluon_msg_atom(&m, "a"); gluon_msg_int(&m, 1); break;
        case 3: gluon_msg_list(&m, 3); gluon_msg_int(&m, 1); gluon_msg_int(&m, 2);
                gluon_msg_int(&m, 3); gluon_msg_nil(&m); break;
        case 4: gluon_msg_binary(&m, (const uint8_t *)"x", 1); break;
        case 5: gluon_msg_float(&m, 1.5); break;
        case 6: gluon_msg_int(&m, 1LL << 40); break;
        }
        CHECK_OK(gluon_send(q, "sink", &m));
    }
    CHECK_OK(gluon_run_until_idle(vm, 0, &st));
    CHECK(st == GLUON_IDLE);

    /* A timer, driven by hand: idle with a deadline, sleep, run again. */
    gluon_msg_init(&m);
    gluon_msg_tuple(&m, 2);
    gluon_msg_atom(&m, "wait");
    gluon_msg_int(&m, 20);
    CHECK_OK(gluon_send(q, "sink", &m));
    CHECK_OK(gluon_run_until_idle(vm, 0, &st));
    uint64_t deadline;
    CHECK(st == GLUON_IDLE && gluon_next_deadline(vm, &deadline));
    CHECK(deadline > gluon_monotonic_ns(vm));
    while (st == GLUON_IDLE && gluon_next_deadline(vm, &deadline)) {
        uint64_t now = gluon_monotonic_ns(vm);
        if (deadline > now) {
            struct timespec ts = {0, (long)(deadline - now)};
            nanosleep(&ts, NULL);
        }
        CHECK_OK(gluon_run_until_idle(vm, 0, &st));
    }
    CHECK(st == GLUON_IDLE);

    /* The stress: a second thread sends while the VM runs as a task. */
    pthread_t t;
    CHECK(pthread_create(&t, NULL, sender, (void *)q) == 0);
    CHECK_OK(gluon_run(vm, &st));
    pthread_join(t, NULL);
    fflush(stdout);
    CHECK(st == GLUON_FINISHED && gluon_exit_status(vm) == 0);
    CHECK(native_calls == 1);

    CHECK_OK(gluon_queue_get_stats(q, &stats));
    long sent = GLUON_QUEUE_SLOTS + 7 + 1 + MESSAGES + 3;
    printf("c: posted %u, delivered %u, undeliverable %u\n", stats.posted,
           stats.delivered, stats.undeliverable);
    CHECK(stats.posted == sent && stats.delivered == sent && stats.undeliverable == 0);
    CHECK(stats.overflowed == 8 + refused);
    size_t peak;
    CHECK(gluon_memory_used(&peak) <= peak && peak > 0);
#ifdef GLUON_BARE
    CHECK(gluon_heap_free() > 0 && gluon_heap_free() < sizeof heap_region);
#else
    CHECK(gluon_heap_free() == 0);
#endif
    printf("c: %s\n", gluon_strerror(GLUON_E_FULL));
    gluon_vm_destroy(vm);
    printf("c: ok\n");
    return 0;
}
