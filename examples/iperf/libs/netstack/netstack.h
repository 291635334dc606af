/*
 * netstack: a socket API over an in-memory loopback, for the iperf example.
 *
 * There is no real network: as soon as a socket listens on NS_LOOPBACK_PORT, a client
 * simulated inside netstack connects to it and streams a test pattern, which netstack
 * delivers in MSS-sized segments through a ring buffer (the loopback "wire").
 *
 * The calls look like BSD sockets but report errors as negative codes (-NS_EAGAIN, ...)
 * instead of -1 and errno. Buffers passed to recv() and send() are accessed inside netstack's
 * compartment and must therefore be shared by the caller.
 */
#ifndef NETSTACK_H
#define NETSTACK_H

#include <stddef.h>
#include <stdint.h>

#define NS_AF_INET 2
#define NS_SOCK_STREAM 1

/* Error codes, returned negated. */
#define NS_EBADF 9
#define NS_EAGAIN 11
#define NS_EINVAL 22
#define NS_EMFILE 24
#define NS_EADDRINUSE 98
#define NS_ENOTCONN 107

/* The port the simulated client connects to, and its stream format:
 * an 8-byte header "IPF1" + total payload length (32-bit big-endian), then the payload,
 * whose byte at offset o is (o ^ (o >> 8) ^ (o >> 16) ^ 0x5a) & 0xff. */
#define NS_LOOPBACK_PORT 5201

struct ns_sockaddr {
	uint32_t addr; /* IPv4 address, host byte order; 0 = any */
	uint16_t port;
};

int socket(int domain, int type, int protocol);
int bind(int fd, const struct ns_sockaddr *addr);
int listen(int fd, int backlog);
/* Returns a connected socket, or -NS_EAGAIN when no client is waiting. */
int accept(int fd, struct ns_sockaddr *peer);
/* Returns bytes received (at most len), 0 once the peer has closed and everything was read. */
long recv(int fd, void *buf, size_t len, int flags);
/* Returns bytes accepted (at most len). */
long send(int fd, const void *buf, size_t len, int flags);
int close(int fd);

#endif /* NETSTACK_H */
