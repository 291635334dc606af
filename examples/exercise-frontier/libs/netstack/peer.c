/*
 * The simulated client of netstack's loopback: a scripted key-value user.
 *
 * It dials NS_LOOPBACK_PORT once a socket listens there. Then, one step per run of the
 * tcpip thread, it sends its next command a few bytes at a time (so the server sees partial
 * lines), waits for the reply line and compares it with the expected one. It goes through the
 * script ROUNDS times (each round leaves the table as the next one expects it), enough work
 * for the server's request rate to mean something; after the last reply it closes its side
 * of the connection.
 *
 * All of this is netstack-private memory; only the connection queues are shared.
 */
#include <stdio.h>

#include "internal.h"

#define CHUNK 5 /* bytes sent per step */
#define LINE_CAP 48

struct exchange {
	const char *cmd;
	const char *reply;
};

static const struct exchange script[] = {
	{ "SET user:1 ada\n", "OK" },
	{ "SET user:2 grace\n", "OK" },
	{ "SET user:3 linus\n", "OK" },
	{ "GET user:1\n", "VALUE ada" },
	{ "GET user:4\n", "NOT_FOUND" },
	{ "SET user:1 alan\n", "OK" },
	{ "GET user:1\n", "VALUE alan" },
	{ "DEL user:2\n", "DELETED" },
	{ "GET user:2\n", "NOT_FOUND" },
	{ "DEL user:2\n", "NOT_FOUND" },
	{ "GET user:3\n", "VALUE linus" },
	{ "PING\n", "ERR unknown command" },
	{ "SET lonely\n", "ERR usage: SET key value" },
};

#define EXCHANGES (sizeof script / sizeof script[0])
#define ROUNDS 40

static struct {
	int dialed, done, awaiting;
	size_t index; /* current exchange, counted over all rounds */
	size_t sent;  /* bytes of its command already sent */
	char got[LINE_CAP];
	size_t got_len;
	unsigned long ok, wrong;
} peer;

static size_t length(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

static int same(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* Read reply bytes; on a complete line, judge it and move on to the next exchange. */
static void read_reply(struct conn *c)
{
	const struct exchange *x = &script[peer.index % EXCHANGES];
	char ch;

	while (queue_get(&c->tx, &ch, 1) == 1) {
		if (ch != '\n') {
			if (peer.got_len + 1 < LINE_CAP)
				peer.got[peer.got_len++] = ch;
			continue;
		}
		peer.got[peer.got_len] = '\0';
		if (same(peer.got, x->reply)) {
			peer.ok++;
		} else {
			peer.wrong++;
			printf("[netstack] peer: sent %.*s, expected \"%s\", got \"%s\"\n",
			       (int)length(x->cmd) - 1, x->cmd, x->reply, peer.got);
		}
		peer.got_len = 0;
		peer.awaiting = 0;
		peer.sent = 0;
		peer.index++;
		return;
	}
}

void peer_step(void)
{
	struct conn *c;
	size_t len, n;

	if (peer.done)
		return;
	if (!peer.dialed) {
		peer.dialed = conn_dial();
		return;
	}
	c = conn_current();
	if (c == NULL)
		return; /* not accepted yet, or already closed by the server */
	if (peer.awaiting) {
		read_reply(c);
		return;
	}
	if (peer.index == EXCHANGES * ROUNDS) {
		c->peer_closed = 1;
		peer.done = 1;
		return;
	}
	len = length(script[peer.index % EXCHANGES].cmd);
	n = len - peer.sent < CHUNK ? len - peer.sent : CHUNK;
	peer.sent += queue_put(&c->rx, script[peer.index % EXCHANGES].cmd + peer.sent, n);
	if (peer.sent == len)
		peer.awaiting = 1;
}

void peer_summary(void)
{
	printf("[netstack] peer: %zu of %zu commands answered, %lu replies as expected, %lu wrong\n",
	       (size_t)(peer.ok + peer.wrong), (size_t)(EXCHANGES * ROUNDS), peer.ok, peer.wrong);
}
