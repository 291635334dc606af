/*
 * kv: a tiny key-value server, shaped like the Redis image of the FlexOS paper.
 *
 * It listens on netstack, reads newline-terminated commands
 *     SET key value      -> OK
 *     GET key            -> VALUE value | NOT_FOUND
 *     DEL key            -> DELETED | NOT_FOUND
 * and answers each with one line. Sockets never block: when nothing has arrived, kv calls
 * sched's yield(), which lets netstack's tcpip thread deliver more bytes.
 *
 * Gates: netstack (sockets), sched (yield), libc (string routines here, memory in table.c).
 *
 * At the end it prints its request rate as a `FLEXOS-METRIC` line, which the runner reports
 * as a measurement (`flexos explore --labels runner` labels configurations with it).
 */
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "table.h"
#include "../libc/libc.h"
#include "../netstack/netstack.h"
#include "../sched/sched.h"

#define LINE_CAP 96
#define MAX_WORDS 4
#define MAX_IDLE_YIELDS 10000

/* Shared with netstack: received bytes and the reply being sent. */
static char rxbuf[256] __attribute__((flexos_whitelist));
static char txbuf[LINE_CAP + 16] __attribute__((flexos_whitelist));

/* Private: the command being assembled, and statistics. */
static char line[LINE_CAP];
static size_t line_len;
static int line_overflow;
static size_t reply_len;
static unsigned long commands, yields;

static void reply(const char *s)
{
	while (*s != '\0' && reply_len + 2 < sizeof txbuf)
		txbuf[reply_len++] = *s++;
}

/* Split s in place at spaces; returns the number of words. */
static size_t split(char *s, char *words[])
{
	size_t n = 0;

	while (*s != '\0' && n < MAX_WORDS) {
		while (*s == ' ')
			*s++ = '\0';
		if (*s == '\0')
			break;
		words[n++] = s;
		while (*s != '\0' && *s != ' ')
			s++;
	}
	return n;
}

/* Which command word is w: 1 SET, 2 GET, 3 DEL, 0 none. */
static int command_of(const char *w)
{
	int cmp = 1;

	flexos_gate_r(liblibc, cmp, mini_strcmp, w, FLEXOS_SHARED_LITERAL("SET"));
	if (cmp == 0)
		return 1;
	flexos_gate_r(liblibc, cmp, mini_strcmp, w, FLEXOS_SHARED_LITERAL("GET"));
	if (cmp == 0)
		return 2;
	flexos_gate_r(liblibc, cmp, mini_strcmp, w, FLEXOS_SHARED_LITERAL("DEL"));
	return cmp == 0 ? 3 : 0;
}

/* Run one command line; the reply (with its newline) is left in txbuf[0..reply_len). */
static void execute(char *cmd)
{
	char *w[MAX_WORDS];
	size_t n = split(cmd, w);
	const char *value;

	reply_len = 0;
	commands++;
	switch (n == 0 ? 0 : command_of(w[0])) {
	case 1:
		if (n != 3)
			reply("ERR usage: SET key value");
		else
			reply(table_set(w[1], w[2]) == 0 ? "OK" : "ERR out of memory");
		break;
	case 2:
		value = n == 2 ? table_get(w[1]) : NULL;
		if (n != 2) {
			reply("ERR usage: GET key");
		} else if (value != NULL) {
			reply("VALUE ");
			reply(value);
		} else {
			reply("NOT_FOUND");
		}
		break;
	case 3:
		if (n != 2)
			reply("ERR usage: DEL key");
		else
			reply(table_del(w[1]) ? "DELETED" : "NOT_FOUND");
		break;
	default:
		reply("ERR unknown command");
	}
	txbuf[reply_len++] = '\n';
}

/* Send txbuf[0..reply_len), yielding while netstack's queue is full. Returns 0 or -1. */
static int send_reply(int fd)
{
	size_t done = 0;
	long r = 0;
	int idle = 0;

	while (done < reply_len) {
		flexos_gate_r(libnetstack, r, send, fd, txbuf + done, reply_len - done, 0);
		if (r == -NS_EAGAIN && idle++ < MAX_IDLE_YIELDS) {
			flexos_gate(libsched, yield);
			yields++;
			continue;
		}
		if (r <= 0)
			return -1;
		done += (size_t)r;
	}
	return 0;
}

/* Feed received bytes into the line assembler, executing every complete line. */
static int consume(int fd, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = bytes[i];

		if (c == '\r')
			continue;
		if (c != '\n') {
			if (line_len + 1 < LINE_CAP)
				line[line_len++] = c;
			else
				line_overflow = 1;
			continue;
		}
		line[line_len] = '\0';
		if (line_overflow) {
			reply_len = 0;
			reply("ERR line too long");
			txbuf[reply_len++] = '\n';
		} else {
			execute(line);
		}
		line_len = 0;
		line_overflow = 0;
		if (send_reply(fd) != 0)
			return -1;
	}
	return 0;
}

int main(void)
{
	struct ns_sockaddr addr __attribute__((flexos_whitelist));
	int lfd = -1, cfd = -NS_EAGAIN, rc = -1, idle = 0;
	long r = 0;
	int ok;
	struct timespec t0, t1;
	double secs;

	timespec_get(&t0, TIME_UTC); /* C11: no POSIX needed */
	flexos_gate_r(libnetstack, lfd, socket, NS_AF_INET, NS_SOCK_STREAM, 0);
	addr.addr = 0;
	addr.port = NS_LOOPBACK_PORT;
	if (lfd >= 0) {
		flexos_gate_r(libnetstack, rc, bind, lfd, &addr);
	}
	if (rc == 0) {
		flexos_gate_r(libnetstack, rc, listen, lfd, 1);
	}
	if (rc != 0) {
		printf("kv: cannot listen on port %d\n", NS_LOOPBACK_PORT);
		return 1;
	}
	printf("kv: listening on port %d\n", NS_LOOPBACK_PORT);

	while (cfd == -NS_EAGAIN && idle++ < MAX_IDLE_YIELDS) {
		flexos_gate(libsched, yield);
		yields++;
		flexos_gate_r(libnetstack, cfd, accept, lfd, NULL);
	}
	idle = 0;
	while (cfd >= 0) {
		flexos_gate_r(libnetstack, r, recv, cfd, rxbuf, sizeof rxbuf, 0);
		if (r == -NS_EAGAIN && idle++ < MAX_IDLE_YIELDS) {
			flexos_gate(libsched, yield);
			yields++;
			continue;
		}
		if (r <= 0 || consume(cfd, rxbuf, (size_t)r) != 0)
			break;
		idle = 0;
	}
	if (cfd >= 0) {
		flexos_gate(libnetstack, close, cfd);
	}
	flexos_gate(libnetstack, close, lfd);

	timespec_get(&t1, TIME_UTC);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ok = cfd >= 0 && r == 0;
	printf("kv: %lu commands served, %zu keys stored, %lu yields: %s\n", commands, table_size(),
	       yields, ok ? "clean shutdown" : "ERROR");
	if (ok && secs > 0)
		printf("FLEXOS-METRIC requests_per_s=%.0f req/s\n", (double)commands / secs);
	return ok ? 0 : 1;
}
