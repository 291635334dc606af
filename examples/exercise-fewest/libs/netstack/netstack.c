/*
 * netstack: sockets over an in-memory loopback, driven by a scheduler thread.
 *
 * Socket table, connection state and the peer are private to netstack. The two byte queues
 * of the connection live in libc's shared arena, because the bytes in them are copied to and
 * from the application's shared buffers with libc's mini_memcpy.
 *
 * Cross-library calls: libc (allocation, memcpy) and sched (thread_add, thread_rm). The
 * scheduler calls back into tcpip_thread().
 */
#include <stddef.h>

#include "netstack.h"
#include "internal.h"
#include "../libc/libc.h"
#include "../sched/sched.h"

#define MAX_SOCKETS 4
#define QUEUE_CAP 512

enum sock_kind { SOCK_FREE, SOCK_OPEN, SOCK_BOUND, SOCK_LISTEN, SOCK_CONNECTED };

struct sock {
	enum sock_kind kind;
	struct ns_sockaddr local;
	int pending; /* listener: a dialled connection waiting for accept() */
};

static struct sock socks[MAX_SOCKETS];
static struct conn conn;
static int tcpip_tid;
static unsigned long tcpip_steps;

/* The scheduler runs this once per yield(); it is where "packets arrive". */
__attribute__((libsched_callback))
static int tcpip_thread(void *arg)
{
	(void)arg;
	tcpip_steps++;
	peer_step();
	return THREAD_RUNNING;
}

static struct sock *lookup(int fd)
{
	if (fd < 0 || fd >= MAX_SOCKETS || socks[fd].kind == SOCK_FREE)
		return NULL;
	return &socks[fd];
}

size_t queue_put(struct queue *q, const void *src, size_t n)
{
	const unsigned char *s = src;
	size_t done = 0;

	while (done < n && q->len < q->cap) {
		q->data[(q->head + q->len) % q->cap] = s[done++];
		q->len++;
	}
	return done;
}

size_t queue_get(struct queue *q, void *dst, size_t n)
{
	unsigned char *d = dst;
	size_t done = 0;

	while (done < n && q->len > 0) {
		d[done++] = q->data[q->head];
		q->head = (q->head + 1) % q->cap;
		q->len--;
	}
	return done;
}

static int queue_alloc(struct queue *q)
{
	unsigned char *mem = NULL;

	flexos_gate_r(liblibc, mem, mini_malloc, QUEUE_CAP);
	q->data = mem;
	q->cap = QUEUE_CAP;
	q->head = q->len = 0;
	return mem != NULL ? 0 : -1;
}

static void queue_release(struct queue *q)
{
	flexos_gate(liblibc, mini_free, q->data);
	q->data = NULL;
	q->cap = q->head = q->len = 0;
}

int conn_dial(void)
{
	for (int i = 0; i < MAX_SOCKETS; i++) {
		if (socks[i].kind == SOCK_LISTEN && socks[i].local.port == NS_LOOPBACK_PORT) {
			if (queue_alloc(&conn.rx) != 0 || queue_alloc(&conn.tx) != 0)
				return 0;
			socks[i].pending = 1;
			return 1;
		}
	}
	return 0;
}

struct conn *conn_current(void)
{
	return conn.open ? &conn : NULL;
}

int socket(int domain, int type, int protocol)
{
	int tid = -1;

	if (domain != NS_AF_INET || type != NS_SOCK_STREAM || protocol != 0)
		return -NS_EINVAL;
	if (tcpip_tid <= 0) {
		flexos_gate_r(libsched, tid, thread_add, FLEXOS_SHARED_LITERAL("tcpip"), tcpip_thread, NULL);
		if (tid < 0)
			return -NS_ENOMEM;
		tcpip_tid = tid;
	}
	for (int fd = 0; fd < MAX_SOCKETS; fd++) {
		if (socks[fd].kind == SOCK_FREE) {
			socks[fd] = (struct sock){ .kind = SOCK_OPEN };
			return fd;
		}
	}
	return -NS_EMFILE;
}

int bind(int fd, const struct ns_sockaddr *addr)
{
	struct sock *s = lookup(fd);

	if (s == NULL)
		return -NS_EBADF;
	if (s->kind != SOCK_OPEN || addr->port == 0)
		return -NS_EINVAL;
	for (int i = 0; i < MAX_SOCKETS; i++)
		if (socks[i].kind >= SOCK_BOUND && socks[i].local.port == addr->port)
			return -NS_EADDRINUSE;
	s->local = *addr;
	s->kind = SOCK_BOUND;
	return 0;
}

int listen(int fd, int backlog)
{
	struct sock *s = lookup(fd);

	if (s == NULL)
		return -NS_EBADF;
	if (s->kind != SOCK_BOUND || backlog < 1)
		return -NS_EINVAL;
	s->kind = SOCK_LISTEN;
	return 0;
}

int accept(int fd, struct ns_sockaddr *peer)
{
	struct sock *s = lookup(fd);
	int cfd;

	if (s == NULL)
		return -NS_EBADF;
	if (s->kind != SOCK_LISTEN)
		return -NS_EINVAL;
	if (!s->pending)
		return -NS_EAGAIN;
	cfd = socket(NS_AF_INET, NS_SOCK_STREAM, 0);
	if (cfd < 0)
		return cfd;
	s->pending = 0;
	socks[cfd].kind = SOCK_CONNECTED;
	socks[cfd].local = s->local;
	conn.open = 1;
	if (peer != NULL)
		*peer = (struct ns_sockaddr){ .addr = 0x7f000002u, .port = 50000 };
	return cfd;
}

long recv(int fd, void *buf, size_t len, int flags)
{
	struct sock *s = lookup(fd);
	unsigned char *dst = buf;
	size_t n, done = 0;

	(void)flags;
	if (s == NULL)
		return -NS_EBADF;
	if (s->kind != SOCK_CONNECTED)
		return -NS_ENOTCONN;
	if (conn.rx.len == 0)
		return conn.peer_closed ? 0 : -NS_EAGAIN;
	n = len < conn.rx.len ? len : conn.rx.len;
	while (done < n) { /* at most two pieces: up to the end of the ring, then from its start */
		size_t piece = conn.rx.cap - conn.rx.head;

		if (piece > n - done)
			piece = n - done;
		flexos_gate(liblibc, mini_memcpy, dst + done, conn.rx.data + conn.rx.head, piece);
		conn.rx.head = (conn.rx.head + piece) % conn.rx.cap;
		conn.rx.len -= piece;
		done += piece;
	}
	return (long)n;
}

long send(int fd, const void *buf, size_t len, int flags)
{
	struct sock *s = lookup(fd);
	const unsigned char *src = buf;
	size_t room, n, done = 0;

	(void)flags;
	if (s == NULL)
		return -NS_EBADF;
	if (s->kind != SOCK_CONNECTED || !conn.open)
		return -NS_ENOTCONN;
	room = conn.tx.cap - conn.tx.len;
	if (room == 0)
		return -NS_EAGAIN;
	n = len < room ? len : room;
	while (done < n) {
		size_t tail = (conn.tx.head + conn.tx.len) % conn.tx.cap;
		size_t piece = conn.tx.cap - tail;

		if (piece > n - done)
			piece = n - done;
		flexos_gate(liblibc, mini_memcpy, conn.tx.data + tail, src + done, piece);
		conn.tx.len += piece;
		done += piece;
	}
	return (long)n;
}

int close(int fd)
{
	struct sock *s = lookup(fd);
	int left = 0;

	if (s == NULL)
		return -NS_EBADF;
	if (s->kind == SOCK_CONNECTED && conn.open) {
		peer_summary();
		conn.open = 0;
		queue_release(&conn.rx);
		queue_release(&conn.tx);
	}
	s->kind = SOCK_FREE;
	for (int i = 0; i < MAX_SOCKETS; i++)
		left += socks[i].kind != SOCK_FREE;
	if (left == 0 && tcpip_tid > 0) {
		/* Last socket gone: stop the tcpip thread. */
		flexos_gate(libsched, thread_rm, tcpip_tid);
		tcpip_tid = 0;
	}
	return 0;
}
