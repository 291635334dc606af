/*
 * netstack: sockets over an in-memory loopback.
 *
 * The "network" is one ring buffer. A client simulated inside netstack (the peer) connects
 * to NS_LOOPBACK_PORT when a socket listens there, and whenever the server asks for data and
 * the ring is empty, the peer transmits MSS-sized segments into it, as a NIC would deliver
 * packets. What the server sends back lands in the peer's small inbox.
 *
 * All of this state is private to netstack: only the buffers the caller passes to recv() and
 * send() are shared with the application.
 */
#include <stdio.h>

#include "netstack.h"

#define MAX_SOCKETS 8
#define RING_SIZE 65536u /* a power of two */
#define MSS 1448u
#define PEER_PAYLOAD (8u << 20) /* 8 MiB */
#define PEER_ADDR 0x7f000002u   /* 127.0.0.2 */
#define PEER_PORT 40123u

enum sock_state { SOCK_FREE, SOCK_OPEN, SOCK_BOUND, SOCK_LISTEN, SOCK_CONNECTED };

struct sock {
	enum sock_state state;
	struct ns_sockaddr local;
	struct ns_sockaddr peer;
	int pending; /* listener: connections waiting in accept() */
};

/* The loopback wire, client -> server. head and tail only grow; index with & (RING_SIZE - 1). */
static struct {
	unsigned char data[RING_SIZE];
	uint64_t head; /* next byte the server reads */
	uint64_t tail; /* next byte the peer writes */
} wire;

/* The simulated client. */
static struct {
	int connected;
	int fin;              /* the peer has sent everything and closed its side */
	uint64_t sent;        /* stream bytes sent, header included */
	uint64_t total;       /* header + payload */
	unsigned long segments;
	char inbox[160];      /* what the server sent back */
	size_t inbox_len;
} client;

static struct sock socks[MAX_SOCKETS];

static struct sock *lookup(int fd)
{
	if (fd < 0 || fd >= MAX_SOCKETS || socks[fd].state == SOCK_FREE)
		return NULL;
	return &socks[fd];
}

/* Byte number `off` of the stream the peer sends: the header, then the test pattern. */
static unsigned char stream_byte(uint64_t off)
{
	static const unsigned char magic[4] = { 'I', 'P', 'F', '1' };
	uint64_t o;

	if (off < 4)
		return magic[off];
	if (off < 8)
		return (unsigned char)(PEER_PAYLOAD >> (8 * (7 - off)));
	o = off - 8;
	return (unsigned char)((o ^ (o >> 8) ^ (o >> 16) ^ 0x5au) & 0xffu);
}

/* The peer transmits as many whole segments as fit on the wire. */
static void peer_transmit(void)
{
	while (client.connected && client.sent < client.total) {
		uint64_t room = RING_SIZE - (wire.tail - wire.head);
		uint64_t seg = client.total - client.sent;

		if (seg > MSS)
			seg = MSS;
		if (room < seg)
			break;
		for (uint64_t i = 0; i < seg; i++)
			wire.data[(wire.tail + i) & (RING_SIZE - 1)] = stream_byte(client.sent + i);
		wire.tail += seg;
		client.sent += seg;
		client.segments++;
	}
	if (client.connected && client.sent == client.total)
		client.fin = 1;
}

int socket(int domain, int type, int protocol)
{
	if (domain != NS_AF_INET || type != NS_SOCK_STREAM || protocol != 0)
		return -NS_EINVAL;
	for (int fd = 0; fd < MAX_SOCKETS; fd++) {
		if (socks[fd].state == SOCK_FREE) {
			socks[fd] = (struct sock){ .state = SOCK_OPEN };
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
	if (s->state != SOCK_OPEN || addr->port == 0)
		return -NS_EINVAL;
	for (int i = 0; i < MAX_SOCKETS; i++)
		if (i != fd && socks[i].state >= SOCK_BOUND && socks[i].local.port == addr->port)
			return -NS_EADDRINUSE;
	s->local = *addr;
	s->state = SOCK_BOUND;
	return 0;
}

int listen(int fd, int backlog)
{
	struct sock *s = lookup(fd);

	if (s == NULL)
		return -NS_EBADF;
	if (s->state != SOCK_BOUND || backlog < 1)
		return -NS_EINVAL;
	s->state = SOCK_LISTEN;
	/* The simulated client dials as soon as its port is open. */
	if (s->local.port == NS_LOOPBACK_PORT && !client.connected) {
		client.total = 8 + (uint64_t)PEER_PAYLOAD;
		s->pending = 1;
	}
	return 0;
}

int accept(int fd, struct ns_sockaddr *peer)
{
	struct sock *s = lookup(fd);
	int cfd;

	if (s == NULL)
		return -NS_EBADF;
	if (s->state != SOCK_LISTEN)
		return -NS_EINVAL;
	if (s->pending == 0)
		return -NS_EAGAIN;
	cfd = socket(NS_AF_INET, NS_SOCK_STREAM, 0);
	if (cfd < 0)
		return cfd;
	s->pending--;
	socks[cfd].state = SOCK_CONNECTED;
	socks[cfd].local = s->local;
	socks[cfd].peer = (struct ns_sockaddr){ .addr = PEER_ADDR, .port = PEER_PORT };
	client.connected = 1;
	if (peer != NULL)
		*peer = socks[cfd].peer;
	return cfd;
}

long recv(int fd, void *buf, size_t len, int flags)
{
	struct sock *s = lookup(fd);
	unsigned char *dst = buf;
	uint64_t avail;
	size_t n;

	(void)flags;
	if (s == NULL)
		return -NS_EBADF;
	if (s->state != SOCK_CONNECTED)
		return -NS_ENOTCONN;
	if (wire.tail == wire.head)
		peer_transmit();
	avail = wire.tail - wire.head;
	if (avail == 0)
		return client.fin ? 0 : -NS_EAGAIN;
	n = avail < len ? (size_t)avail : len;
	for (size_t i = 0; i < n; i++)
		dst[i] = wire.data[(wire.head + i) & (RING_SIZE - 1)];
	wire.head += n;
	return (long)n;
}

long send(int fd, const void *buf, size_t len, int flags)
{
	struct sock *s = lookup(fd);
	const unsigned char *src = buf;
	size_t n = 0;

	(void)flags;
	if (s == NULL)
		return -NS_EBADF;
	if (s->state != SOCK_CONNECTED)
		return -NS_ENOTCONN;
	while (n < len && client.inbox_len + 1 < sizeof client.inbox)
		client.inbox[client.inbox_len++] = (char)src[n++];
	client.inbox[client.inbox_len] = '\0';
	return (long)n;
}

int close(int fd)
{
	struct sock *s = lookup(fd);

	if (s == NULL)
		return -NS_EBADF;
	if (s->state == SOCK_CONNECTED && client.connected) {
		printf("[netstack] loopback client sent %llu bytes in %lu segments; server replied: %s\n",
		       (unsigned long long)client.sent, client.segments,
		       client.inbox_len > 0 ? client.inbox : "(nothing)");
		client.connected = 0;
	}
	s->state = SOCK_FREE;
	return 0;
}
