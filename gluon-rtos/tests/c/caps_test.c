/* The capability groups of a C platform: an in-memory file system, a
 * loopback TCP network and four GPIO pins, written as a firmware would
 * write them over its RTOS, driven from Erlang (tests/erlang/caps.erl)
 * through file, gen_tcp and gpio. Entries left NULL (make_dir, udp_open,
 * the I2C hook) must answer {error, enotsup}.
 *
 * Usage: caps_test CAPS.beam. Prints the VM's output and the GPIO
 * changes; exits non-zero on a failed check. */
#include "gluon.h"

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

static void console_write(void *ctx, const uint8_t *bytes, size_t len) {
    (void)ctx;
    fwrite(bytes, 1, len, stdout);
}

static uint64_t monotonic_ns(void *ctx) {
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- files: up to 8 files in the root directory, "/name" */

#define MAX_FILES 8
#define MAX_OPEN 4

struct file {
    char name[32];
    uint8_t *data;
    size_t len;
    bool used;
};

struct open_file {
    struct file *f;
    size_t pos;
    bool used, append;
};

static struct file files[MAX_FILES];
static struct open_file open_files[MAX_OPEN];

static struct file *find(const char *path) {
    if (path[0] != '/') return NULL;
    for (int i = 0; i < MAX_FILES; i++)
        if (files[i].used && strcmp(files[i].name, path + 1) == 0) return &files[i];
    return NULL;
}

static int32_t fs_open(void *ctx, const char *path, gluon_open_mode mode, uint32_t *handle) {
    (void)ctx;
    if (strcmp(path, "/") == 0) return -GLUON_EISDIR;
    struct file *f = find(path);
    if (!f && mode == GLUON_OPEN_READ) return -GLUON_ENOENT;
    if (!f) {
        if (path[0] != '/' || strchr(path + 1, '/') || strlen(path + 1) >= sizeof f->name)
            return -GLUON_ENOENT;
        for (int i = 0; i < MAX_FILES && !f; i++)
            if (!files[i].used) f = &files[i];
        if (!f) return -GLUON_ENOSPC;
        memset(f, 0, sizeof *f);
        strcpy(f->name, path + 1);
        f->used = true;
    }
    if (mode == GLUON_OPEN_WRITE) f->len = 0;
    for (uint32_t h = 0; h < MAX_OPEN; h++) {
        if (!open_files[h].used) {
            open_files[h] = (struct open_file){f, 0, true, mode == GLUON_OPEN_APPEND};
            *handle = h;
            return 0;
        }
    }
    return -GLUON_EMFILE;
}

static struct open_file *handle_of(uint32_t h) {
    return h < MAX_OPEN && open_files[h].used ? &open_files[h] : NULL;
}

static intptr_t fs_read(void *ctx, uint32_t h, uint8_t *buf, size_t len) {
    (void)ctx;
    struct open_file *o = handle_of(h);
    if (!o) return -GLUON_EBADF;
    size_t n = o->pos >= o->f->len ? 0 : o->f->len - o->pos;
    if (n > len) n = len;
    memcpy(buf, o->f->data + o->pos, n);
    o->pos += n;
    return (intptr_t)n;
}

static intptr_t fs_write(void *ctx, uint32_t h, const uint8_t *data, size_t len) {
    (void)ctx;
    struct open_file *o = handle_of(h);
    if (!o) return -GLUON_EBADF;
    if (o->append) o->pos = o->f->len;
    if (o->pos + len > o->f->len) {
        uint8_t *d = realloc(o->f->data, o->pos + len);
        if (!d) return -GLUON_ENOSPC;
        o->f->data = d;
        o->f->len = o->pos + len;
    }
    memcpy(o->f->data + o->pos, data, len);
    o->pos += len;
    return (intptr_t)len;
}

static int32_t fs_close(void *ctx, uint32_t h) {
    (void)ctx;
    struct open_file *o = handle_of(h);
    if (!o) return -GLUON_EBADF;
    o->used = false;
    return 0;
}

static int32_t fs_seek(void *ctx, uint32_t h, int64_t offset, gluon_whence whence, uint64_t *pos) {
    (void)ctx;
    struct open_file *o = handle_of(h);
    if (!o) return -GLUON_EBADF;
    int64_t base = whence == GLUON_SEEK_SET ? 0
                   : whence == GLUON_SEEK_CUR ? (int64_t)o->pos
                                              : (int64_t)o->f->len;
    if (base + offset < 0) return -GLUON_EINVAL;
    o->pos = (size_t)(base + offset);
    *pos = o->pos;
    return 0;
}

static int32_t fs_list_dir(void *ctx, const char *path, gluon_dir_entry_fn each, void *each_ctx) {
    (void)ctx;
    if (strcmp(path, "/") != 0) return find(path) ? -GLUON_ENOTDIR : -GLUON_ENOENT;
    for (int i = 0; i < MAX_FILES; i++)
        if (files[i].used) each(each_ctx, (const uint8_t *)files[i].name, strlen(files[i].name));
    return 0;
}

static int32_t fs_delete(void *ctx, const char *path) {
    (void)ctx;
    struct file *f = find(path);
    if (!f) return strcmp(path, "/") == 0 ? -GLUON_EPERM : -GLUON_ENOENT;
    free(f->data);
    memset(f, 0, sizeof *f);
    return 0;
}

static int32_t fs_info(void *ctx, const char *path, gluon_file_info *info) {
    (void)ctx;
    if (strcmp(path, "/") == 0) {
        info->is_dir = true;
        return 0;
    }
    struct file *f = find(path);
    if (!f) return -GLUON_ENOENT;
    info->size = f->len;
    info->mode = 0100644;
    return 0;
}

static const gluon_files file_hooks = {
    .open = fs_open,
    .read = fs_read,
    .write = fs_write,
    .close = fs_close,
    .seek = fs_seek,
    .list_dir = fs_list_dir,
    .remove = fs_delete,
    .info = fs_info,
    /* make_dir, del_dir, rename: NULL, so {error, enotsup} */
};

/* ---- sockets: TCP over loopback inside this program */

#define MAX_SOCKETS 8
#define BUF 256

enum kind { FREE, LISTENER, STREAM };

struct sock {
    enum kind kind;
    uint16_t port;
    int peer;            /* the other end of a stream, -1 once closed */
    bool peer_closed;    /* the other end closed or shut down writing */
    int backlog[4];      /* a listener's connections not yet accepted */
    int pending;
    uint8_t in[BUF];     /* bytes received, not yet read */
    size_t in_len;
};

static struct sock socks[MAX_SOCKETS];
static int sockets_polled;

static int new_sock(enum kind k) {
    for (int i = 0; i < MAX_SOCKETS; i++) {
        if (socks[i].kind == FREE) {
            memset(&socks[i], 0, sizeof socks[i]);
            socks[i].kind = k;
            socks[i].peer = -1;
            return i;
        }
    }
    return -1;
}

static struct sock *sock_of(uint32_t h, enum kind k) {
    return h < MAX_SOCKETS && socks[h].kind == k ? &socks[h] : NULL;
}

static bool loopback(const gluon_sockaddr *a) {
    return a->family == 4 && a->addr[0] == 127;
}

static int32_t tcp_listen(void *ctx, const gluon_sockaddr *at, uint32_t backlog, uint32_t *h) {
    (void)ctx;
    (void)backlog;
    uint16_t port = at->port ? at->port : 40000;
    for (int i = 0; i < MAX_SOCKETS; i++)
        if (socks[i].kind == LISTENER && socks[i].port == port) return -GLUON_EADDRINUSE;
    int s = new_sock(LISTENER);
    if (s < 0) return -GLUON_EMFILE;
    socks[s].port = port;
    *h = (uint32_t)s;
    return 0;
}

/* Connects at once: both ends exist when this returns, the server's end
 * waits in the listener's backlog. */
static int32_t tcp_connect(void *ctx, const gluon_sockaddr *to, uint32_t *h) {
    (void)ctx;
    if (!loopback(to)) return -GLUON_ENETUNREACH;
    for (int i = 0; i < MAX_SOCKETS; i++) {
        struct sock *l = &socks[i];
        if (l->kind != LISTENER || l->port != to->port) continue;
        if (l->pending == 4) return -GLUON_ECONNREFUSED;
        int c = new_sock(STREAM), s = c < 0 ? -1 : new_sock(STREAM);
        if (s < 0) return -GLUON_EMFILE;
        socks[c].peer = s;
        socks[c].port = (uint16_t)(50000 + c);
        socks[s].peer = c;
        socks[s].port = l->port;
        l->backlog[l->pending++] = s;
        *h = (uint32_t)c;
        return 0;
    }
    return -GLUON_ECONNREFUSED;
}

static int32_t tcp_accept(void *ctx, uint32_t listener, uint32_t *h) {
    (void)ctx;
    struct sock *l = sock_of(listener, LISTENER);
    if (!l) return -GLUON_EBADF;
    if (l->pending == 0) return -GLUON_EAGAIN;
    *h = (uint32_t)l->backlog[0];
    memmove(l->backlog, l->backlog + 1, sizeof(int) * (size_t)--l->pending);
    return 0;
}

static intptr_t sock_send(void *ctx, uint32_t h, const uint8_t *data, size_t len,
                          const gluon_sockaddr *to) {
    (void)ctx;
    struct sock *s = sock_of(h, STREAM);
    if (!s || to) return -GLUON_EBADF;
    if (s->peer < 0) return -GLUON_EPIPE;
    struct sock *p = &socks[s->peer];
    size_t n = BUF - p->in_len < len ? BUF - p->in_len : len;
    if (n == 0) return -GLUON_EAGAIN;
    memcpy(p->in + p->in_len, data, n);
    p->in_len += n;
    return (intptr_t)n;
}

static intptr_t sock_recv(void *ctx, uint32_t h, uint8_t *buf, size_t len, gluon_sockaddr *from) {
    (void)ctx;
    (void)from;
    struct sock *s = sock_of(h, STREAM);
    if (!s) return -GLUON_EBADF;
    if (s->in_len == 0) return s->peer_closed ? 0 : -GLUON_EAGAIN;
    size_t n = s->in_len < len ? s->in_len : len;
    memcpy(buf, s->in, n);
    memmove(s->in, s->in + n, s->in_len - n);
    s->in_len -= n;
    return (intptr_t)n;
}

static int32_t sock_close(void *ctx, uint32_t h) {
    (void)ctx;
    if (h >= MAX_SOCKETS || socks[h].kind == FREE) return -GLUON_EBADF;
    if (socks[h].kind == STREAM && socks[h].peer >= 0) {
        socks[socks[h].peer].peer_closed = true;
        socks[socks[h].peer].peer = -1;
    }
    socks[h].kind = FREE;
    return 0;
}

static int32_t sock_poll(void *ctx, uint32_t h, gluon_readiness *out) {
    (void)ctx;
    sockets_polled++;
    if (h >= MAX_SOCKETS || socks[h].kind == FREE) return -GLUON_EBADF;
    struct sock *s = &socks[h];
    out->readable = s->kind == LISTENER ? s->pending > 0 : s->in_len > 0 || s->peer_closed;
    out->writable = s->kind == STREAM;
    return 0;
}

static int32_t local_addr(void *ctx, uint32_t h, gluon_sockaddr *out) {
    (void)ctx;
    if (h >= MAX_SOCKETS || socks[h].kind == FREE) return -GLUON_EBADF;
    *out = (gluon_sockaddr){.family = 4, .port = socks[h].port, .addr = {127, 0, 0, 1}};
    return 0;
}

static const gluon_sockets socket_hooks = {
    .tcp_connect = tcp_connect,
    .tcp_listen = tcp_listen,
    .tcp_accept = tcp_accept,
    .send = sock_send,
    .recv = sock_recv,
    .close = sock_close,
    .poll = sock_poll,
    .local_addr = local_addr,
    /* udp_open, peer_addr, shutdown_write: NULL */
};

/* ---- peripherals: GPIO pins 0-3 that read back what they drive */

static bool pin_level[4], pin_output[4];

static int32_t gpio_set_mode(void *ctx, uint32_t pin, gluon_pin_mode mode) {
    (void)ctx;
    if (pin >= 4) return -GLUON_ENOENT;
    pin_output[pin] = mode == GLUON_PIN_OUTPUT;
    return 0;
}

static int32_t gpio_write(void *ctx, uint32_t pin, bool high) {
    (void)ctx;
    if (pin >= 4) return -GLUON_ENOENT;
    if (!pin_output[pin]) return -GLUON_EINVAL;
    pin_level[pin] = high;
    printf("c: pin %u %s\n", (unsigned)pin, high ? "high" : "low");
    return 0;
}

static int32_t gpio_read(void *ctx, uint32_t pin, bool *high) {
    (void)ctx;
    if (pin >= 4) return -GLUON_ENOENT;
    *high = pin_level[pin];
    return 0;
}

static const gluon_peripherals peripheral_hooks = {
    .gpio_set_mode = gpio_set_mode,
    .gpio_write = gpio_write,
    .gpio_read = gpio_read,
};

static uint8_t *read_beam(const char *path, size_t *len) {
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
    setvbuf(stdout, NULL, _IONBF, 0); /* C and Erlang lines in order */
    size_t len;
    uint8_t *beam = read_beam(argv[1], &len);
    gluon_platform hooks = {
        .console_write = console_write,
        .monotonic_ns = monotonic_ns,
        .files = &file_hooks,
        .sockets = &socket_hooks,
        .peripherals = &peripheral_hooks,
    };
    gluon_config cfg;
    gluon_config_default(&cfg);
    cfg.platform = &hooks;
    gluon_vm *vm;
    CHECK(gluon_vm_new(&cfg, &vm) == GLUON_OK);
    CHECK(gluon_load_beam(vm, beam, len) == GLUON_OK);
    free(beam);
    CHECK(gluon_start(vm, "caps", "start", true) == GLUON_OK);
    gluon_state st;
    CHECK(gluon_run(vm, &st) == GLUON_OK);
    CHECK(st == GLUON_FINISHED && gluon_exit_status(vm) == 0);
    gluon_vm_destroy(vm);
    /* Every file closed, every socket closed, and the VM asked. */
    for (int i = 0; i < MAX_OPEN; i++) CHECK(!open_files[i].used);
    for (int i = 0; i < MAX_SOCKETS; i++) CHECK(socks[i].kind == FREE);
    CHECK(sockets_polled > 0);
    printf("c: ok\n");
    return 0;
}
