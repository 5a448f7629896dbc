/* The sockets group over Zephyr's BSD sockets (zsock_*), non-blocking:
 * gen_tcp, gen_udp and inet (CONFIG_GLUON_SOCKETS). A handle is the
 * socket's descriptor. */

#include <errno.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/net/socket.h>
#include <zephyr/posix/fcntl.h> /* Zephyr's O_NONBLOCK, not the host libc's */

#include "gluon_zephyr_caps.h"

static int open_count;

int gluon_zephyr_sockets_open(void)
{
	return open_count;
}

/* The result of a zsock_* call that returned -1 with errno. */
static int32_t failed(void)
{
	return gluon_zephyr_status(-errno);
}

static socklen_t to_zephyr(const gluon_sockaddr *a, struct sockaddr_storage *out)
{
	memset(out, 0, sizeof(*out));
	if (a->family == 4) {
		struct sockaddr_in *in = (struct sockaddr_in *)out;

		in->sin_family = AF_INET;
		in->sin_port = htons(a->port);
		memcpy(&in->sin_addr, a->addr, 4);
		return sizeof(*in);
	}
#ifdef CONFIG_NET_IPV6
	if (a->family == 6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)out;

		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(a->port);
		memcpy(&in6->sin6_addr, a->addr, 16);
		return sizeof(*in6);
	}
#endif
	return 0;
}

static void from_zephyr(const struct sockaddr_storage *s, gluon_sockaddr *out)
{
	memset(out, 0, sizeof(*out));
	if (s->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)s;

		out->family = 4;
		out->port = ntohs(in->sin_port);
		memcpy(out->addr, &in->sin_addr, 4);
	}
#ifdef CONFIG_NET_IPV6
	else if (s->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)s;

		out->family = 6;
		out->port = ntohs(in6->sin6_port);
		memcpy(out->addr, &in6->sin6_addr, 16);
	}
#endif
}

/* A non-blocking socket for `a`'s family; its descriptor or a hook error. */
static int32_t new_socket(const gluon_sockaddr *a, int type, int proto, int *fd)
{
	int family = a->family == 6 ? AF_INET6 : AF_INET;

	*fd = zsock_socket(family, type, proto);
	if (*fd < 0) {
		return failed();
	}
	int flags = zsock_fcntl(*fd, F_GETFL, 0);

	if (flags < 0 || zsock_fcntl(*fd, F_SETFL, flags | O_NONBLOCK) < 0) {
		int32_t e = failed();

		(void)zsock_close(*fd);
		return e;
	}
	open_count++;
	return 0;
}

static int32_t give_up(int fd)
{
	int32_t e = failed();

	(void)zsock_close(fd);
	open_count--;
	return e;
}

static int32_t tcp_connect(void *ctx, const gluon_sockaddr *to, uint32_t *handle)
{
	struct sockaddr_storage sa;
	socklen_t len = to_zephyr(to, &sa);
	int fd;

	ARG_UNUSED(ctx);
	if (len == 0) {
		return -GLUON_EINVAL;
	}
	int32_t e = new_socket(to, SOCK_STREAM, IPPROTO_TCP, &fd);

	if (e < 0) {
		return e;
	}
	/* In progress is success: poll says when it is done. */
	if (zsock_connect(fd, (struct sockaddr *)&sa, len) < 0 && errno != EINPROGRESS) {
		return give_up(fd);
	}
	*handle = (uint32_t)fd;
	return 0;
}

static int32_t tcp_listen(void *ctx, const gluon_sockaddr *at, uint32_t backlog,
			  uint32_t *handle)
{
	struct sockaddr_storage sa;
	socklen_t len = to_zephyr(at, &sa);
	int fd, one = 1;

	ARG_UNUSED(ctx);
	if (len == 0) {
		return -GLUON_EINVAL;
	}
	int32_t e = new_socket(at, SOCK_STREAM, IPPROTO_TCP, &fd);

	if (e < 0) {
		return e;
	}
	(void)zsock_setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (zsock_bind(fd, (struct sockaddr *)&sa, len) < 0 ||
	    zsock_listen(fd, backlog ? (int)backlog : 1) < 0) {
		return give_up(fd);
	}
	*handle = (uint32_t)fd;
	return 0;
}

static int32_t tcp_accept(void *ctx, uint32_t listener, uint32_t *handle)
{
	ARG_UNUSED(ctx);
	int fd = zsock_accept((int)listener, NULL, NULL);

	if (fd < 0) {
		return failed();
	}
	int flags = zsock_fcntl(fd, F_GETFL, 0);

	open_count++;
	if (flags < 0 || zsock_fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
		return give_up(fd);
	}
	*handle = (uint32_t)fd;
	return 0;
}

static int32_t udp_open(void *ctx, const gluon_sockaddr *at, uint32_t *handle)
{
	struct sockaddr_storage sa;
	socklen_t len = to_zephyr(at, &sa);
	int fd;

	ARG_UNUSED(ctx);
	if (len == 0) {
		return -GLUON_EINVAL;
	}
	int32_t e = new_socket(at, SOCK_DGRAM, IPPROTO_UDP, &fd);

	if (e < 0) {
		return e;
	}
	if (zsock_bind(fd, (struct sockaddr *)&sa, len) < 0) {
		return give_up(fd);
	}
	*handle = (uint32_t)fd;
	return 0;
}

static intptr_t sock_send(void *ctx, uint32_t h, const uint8_t *data, size_t len,
			  const gluon_sockaddr *to)
{
	ssize_t n;

	ARG_UNUSED(ctx);
	if (to != NULL) {
		struct sockaddr_storage sa;
		socklen_t salen = to_zephyr(to, &sa);

		if (salen == 0) {
			return -GLUON_EINVAL;
		}
		n = zsock_sendto((int)h, data, len, ZSOCK_MSG_DONTWAIT, (struct sockaddr *)&sa,
				 salen);
	} else {
		n = zsock_send((int)h, data, len, ZSOCK_MSG_DONTWAIT);
	}
	return n < 0 ? failed() : (intptr_t)n;
}

static intptr_t sock_recv(void *ctx, uint32_t h, uint8_t *buf, size_t len, gluon_sockaddr *from)
{
	struct sockaddr_storage sa;
	socklen_t salen = sizeof(sa);

	ARG_UNUSED(ctx);
	sa.ss_family = AF_UNSPEC;
	ssize_t n = zsock_recvfrom((int)h, buf, len, ZSOCK_MSG_DONTWAIT, (struct sockaddr *)&sa,
				   &salen);

	if (n < 0) {
		return failed();
	}
	from_zephyr(&sa, from);
	return (intptr_t)n;
}

static int32_t sock_close(void *ctx, uint32_t h)
{
	ARG_UNUSED(ctx);
	if (zsock_close((int)h) < 0) {
		return failed();
	}
	open_count--;
	return 0;
}

static int32_t sock_poll(void *ctx, uint32_t h, gluon_readiness *out)
{
	struct zsock_pollfd p = {.fd = (int)h, .events = ZSOCK_POLLIN | ZSOCK_POLLOUT};

	ARG_UNUSED(ctx);
	if (zsock_poll(&p, 1, 0) < 0) {
		return failed();
	}
	out->readable = (p.revents & (ZSOCK_POLLIN | ZSOCK_POLLHUP)) != 0;
	out->writable = (p.revents & ZSOCK_POLLOUT) != 0;
	out->error = 0;
	if (p.revents & (ZSOCK_POLLERR | ZSOCK_POLLNVAL)) {
		int err = 0;
		socklen_t len = sizeof(err);

		(void)zsock_getsockopt((int)h, SOL_SOCKET, SO_ERROR, &err, &len);
		out->error = gluon_zephyr_status(-(err ? err : EIO));
	}
	return 0;
}

static int32_t local_addr(void *ctx, uint32_t h, gluon_sockaddr *out)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof(sa);

	ARG_UNUSED(ctx);
	if (zsock_getsockname((int)h, (struct sockaddr *)&sa, &len) < 0) {
		return failed();
	}
	from_zephyr(&sa, out);
	return 0;
}

static int32_t peer_addr(void *ctx, uint32_t h, gluon_sockaddr *out)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof(sa);

	ARG_UNUSED(ctx);
	if (zsock_getpeername((int)h, (struct sockaddr *)&sa, &len) < 0) {
		return failed();
	}
	from_zephyr(&sa, out);
	return 0;
}

static int32_t shutdown_write(void *ctx, uint32_t h)
{
	ARG_UNUSED(ctx);
	return zsock_shutdown((int)h, ZSOCK_SHUT_WR) < 0 ? failed() : 0;
}

const gluon_sockets gluon_zephyr_sockets = {
	.tcp_connect = tcp_connect,
	.tcp_listen = tcp_listen,
	.tcp_accept = tcp_accept,
	.udp_open = udp_open,
	.send = sock_send,
	.recv = sock_recv,
	.close = sock_close,
	.poll = sock_poll,
	.local_addr = local_addr,
	.peer_addr = peer_addr,
	.shutdown_write = shutdown_write,
};
