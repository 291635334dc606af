/*
 * iperf: a small throughput server in the spirit of `iperf -s`.
 *
 * It accepts one connection, reads the client's 8-byte header (magic "IPF1" and the payload
 * length), then receives the payload until the client closes, checking every byte against
 * the agreed test pattern. It reports bytes, recv() calls and throughput, and sends a
 * one-line summary back to the client.
 *
 * Every netstack call is a gate. The receive loop makes one gate crossing per recv(), so
 * RX_BUF_SIZE decides how many crossings a mebibyte costs: try 1448 (one segment) or 65536.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../netstack/netstack.h"

#define IPERF_PORT NS_LOOPBACK_PORT
#define RX_BUF_SIZE (16 * 1024)
#define ACCEPT_TRIES 3

/* Shared with netstack: it writes received bytes here and reads the report from here. */
static unsigned char rxbuf[RX_BUF_SIZE] __attribute__((flexos_whitelist));
static char report[128] __attribute__((flexos_whitelist));

/* Private statistics. */
static unsigned long recv_calls;
static uint64_t pattern_errors;

/* The payload byte at offset `o`, as the client generates it (see netstack.h). */
static unsigned char expected_byte(uint64_t o)
{
	return (unsigned char)((o ^ (o >> 8) ^ (o >> 16) ^ 0x5au) & 0xffu);
}

/* Receive exactly n bytes (n <= RX_BUF_SIZE) into rxbuf. Returns 0, or -1 on error or EOF. */
static int recv_exact(int fd, size_t n)
{
	size_t got = 0;
	long r = 0;

	while (got < n) {
		flexos_gate_r(libnetstack, r, recv, fd, rxbuf + got, n - got, 0);
		recv_calls++;
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

static double mib(uint64_t bytes)
{
	return (double)bytes / (1024.0 * 1024.0);
}

int main(void)
{
	struct ns_sockaddr addr __attribute__((flexos_whitelist));
	struct ns_sockaddr peer __attribute__((flexos_whitelist));
	int lfd = -1, cfd = -1, rc = -1;
	uint64_t announced = 0, received = 0;
	long r = 0;
	clock_t start, stop;
	double secs;
	int ok;

	flexos_gate_r(libnetstack, lfd, socket, NS_AF_INET, NS_SOCK_STREAM, 0);
	if (lfd < 0) {
		printf("iperf: socket failed (%d)\n", lfd);
		return 1;
	}
	addr.addr = 0;
	addr.port = IPERF_PORT;
	flexos_gate_r(libnetstack, rc, bind, lfd, &addr);
	if (rc == 0) {
		flexos_gate_r(libnetstack, rc, listen, lfd, 1);
	}
	if (rc != 0) {
		printf("iperf: cannot listen on port %d (%d)\n", IPERF_PORT, rc);
		return 1;
	}
	printf("iperf: server listening on port %d\n", IPERF_PORT);

	for (int i = 0; i < ACCEPT_TRIES && cfd < 0; i++) {
		flexos_gate_r(libnetstack, cfd, accept, lfd, &peer);
	}
	if (cfd < 0) {
		printf("iperf: no client connected (%d)\n", cfd);
		return 1;
	}
	printf("iperf: accepted %u.%u.%u.%u port %u\n", (unsigned)(peer.addr >> 24),
	       (unsigned)(peer.addr >> 16) & 0xffu, (unsigned)(peer.addr >> 8) & 0xffu,
	       (unsigned)peer.addr & 0xffu, (unsigned)peer.port);

	if (recv_exact(cfd, 8) != 0 || memcmp(rxbuf, "IPF1", 4) != 0) {
		printf("iperf: bad stream header\n");
		return 1;
	}
	for (int i = 4; i < 8; i++)
		announced = (announced << 8) | rxbuf[i];

	start = clock();
	for (;;) {
		flexos_gate_r(libnetstack, r, recv, cfd, rxbuf, sizeof rxbuf, 0);
		recv_calls++;
		if (r <= 0)
			break;
		for (long i = 0; i < r; i++)
			if (rxbuf[i] != expected_byte(received + (uint64_t)i))
				pattern_errors++;
		received += (uint64_t)r;
	}
	stop = clock();
	secs = (double)(stop - start) / CLOCKS_PER_SEC;
	if (r < 0)
		printf("iperf: recv failed (%ld)\n", r);

	snprintf(report, sizeof report, "received %llu bytes, %llu bad", (unsigned long long)received,
		 (unsigned long long)pattern_errors);
	flexos_gate_r(libnetstack, r, send, cfd, report, strlen(report), 0);
	flexos_gate(libnetstack, close, cfd);
	flexos_gate(libnetstack, close, lfd);

	printf("iperf: %.2f MiB in %lu recv calls (%.0f bytes per call, buffer %d)\n", mib(received),
	       recv_calls, recv_calls ? (double)received / (double)recv_calls : 0.0, RX_BUF_SIZE);
	if (secs > 0) {
		printf("iperf: %.1f MiB/s (CPU time %.3f s)\n", mib(received) / secs, secs);
		printf("FLEXOS-METRIC throughput=%.1f MiB/s\n", mib(received) / secs);
	}
	ok = received == announced && pattern_errors == 0;
	printf("iperf: %s\n", ok ? "transfer complete, data verified" : "TRANSFER FAILED");
	return ok ? 0 : 1;
}
