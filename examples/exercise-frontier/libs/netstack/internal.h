/* netstack-private declarations shared by netstack.c and peer.c (no gates between them). */
#ifndef NETSTACK_INTERNAL_H
#define NETSTACK_INTERNAL_H

#include <stddef.h>

/* A byte queue whose storage comes from the shared arena of libc. */
struct queue {
	unsigned char *data;
	size_t cap, head, len;
};

/* The one loopback connection between the simulated peer and the server. */
struct conn {
	int open;         /* accepted by the server and not yet closed by it */
	int peer_closed;  /* the peer sent its last byte and closed its side */
	struct queue rx;  /* peer -> server */
	struct queue tx;  /* server -> peer */
};

/* Queue primitives, in netstack.c. put/get copy byte by byte, so the peer may use them on
 * its private memory. They return the number of bytes moved. */
size_t queue_put(struct queue *q, const void *src, size_t n);
size_t queue_get(struct queue *q, void *dst, size_t n);

/* Dial a socket listening on NS_LOOPBACK_PORT: returns 1 once one was found (accept() will
 * then succeed), 0 otherwise. The open connection, or NULL before accept() and after close(). */
int conn_dial(void);
struct conn *conn_current(void);

/* The simulated client, in peer.c: one step per run of the tcpip thread. */
void peer_step(void);
void peer_summary(void);

#endif /* NETSTACK_INTERNAL_H */
