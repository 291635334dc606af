/*
 * netstack: a socket API over an in-memory loopback, for the minikv example.
 *
 * There is no real network. The first socket() starts netstack's "tcpip" thread on the
 * scheduler; as that thread runs (whenever the application calls yield()), a client
 * simulated inside netstack connects to NS_LOOPBACK_PORT, sends it a script of GET/SET/DEL
 * commands a few bytes at a time, checks every reply and finally closes the connection.
 *
 * Sockets never block: accept() and recv() return -NS_EAGAIN when nothing has arrived yet,
 * and the caller is expected to yield() and try again. Errors are negative codes instead
 * of -1 and errno. Buffers passed to recv() and send() must be shared memory.
 */
#ifndef NETSTACK_H
#define NETSTACK_H

#include <stddef.h>
#include <stdint.h>

#define NS_AF_INET 2
#define NS_SOCK_STREAM 1

#define NS_EBADF 9
#define NS_EAGAIN 11
#define NS_ENOMEM 12
#define NS_EINVAL 22
#define NS_EMFILE 24
#define NS_EADDRINUSE 98
#define NS_ENOTCONN 107

#define NS_LOOPBACK_PORT 6379

struct ns_sockaddr {
	uint32_t addr; /* IPv4 address, host byte order; 0 = any */
	uint16_t port;
};

int socket(int domain, int type, int protocol);
int bind(int fd, const struct ns_sockaddr *addr);
int listen(int fd, int backlog);
int accept(int fd, struct ns_sockaddr *peer);
/* Bytes received, -NS_EAGAIN when none yet, 0 once the peer closed and all was read. */
long recv(int fd, void *buf, size_t len, int flags);
/* Bytes queued for the peer (at most len), -NS_EAGAIN when the send queue is full. */
long send(int fd, const void *buf, size_t len, int flags);
int close(int fd);

#endif /* NETSTACK_H */
