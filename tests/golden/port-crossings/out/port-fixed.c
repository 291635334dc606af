/*
 * port: what crosses a gate. Addresses of locals and globals of this file (fix: whitelist
 * them), a parameter's address (no fix), string literals (fix: FLEXOS_SHARED_LITERAL), an
 * already whitelisted local and an already shared literal (nothing), and existing gates.
 */
#include <stddef.h>

struct stats {
	long rx;
	long tx;
};

int netstack_stats(struct stats *s, int *err);
int netstack_name(char *buf, size_t len);
int uk_pr_info(const char *fmt, ...);

static struct stats last __attribute__((flexos_whitelist));
static char hostname[32] __attribute__((flexos_whitelist));

int report(int verbose)
{
	struct stats s __attribute__((flexos_whitelist));
	int err __attribute__((flexos_whitelist)) = 0;
	int done __attribute__((flexos_whitelist)) = 0;
	char name[16] __attribute__((flexos_whitelist));
	int rc;
	flexos_gate_r(libnetstack, rc, netstack_stats, &s, &err);

	int _flexos_r0;
	flexos_gate_r(libnetstack, _flexos_r0, netstack_stats, &last, &done);
	rc += _flexos_r0;
	int _flexos_r1;
	flexos_gate_r(libnetstack, _flexos_r1, netstack_name, name, sizeof(name));
	rc += _flexos_r1;
	int _flexos_r2;
	flexos_gate_r(libnetstack, _flexos_r2, netstack_name, hostname + 1, sizeof(hostname) - 1);
	rc += _flexos_r2;
	int _flexos_r3;
	flexos_gate_r(libnetstack, _flexos_r3, netstack_name, &name[2], 4);
	rc += _flexos_r3;
	if (verbose)
		flexos_gate(libnewlib, uk_pr_info, FLEXOS_SHARED_LITERAL("rx=%ld tx=%ld\n"), s.rx, s.tx);
	flexos_gate(libnewlib, uk_pr_info, FLEXOS_SHARED_LITERAL("done\n"));
	flexos_gate(libnewlib, uk_pr_info, FLEXOS_SHARED_LITERAL("gated already: %d\n"), err);
	flexos_gate_r(libnetstack, rc, netstack_stats, &s, &verbose);
	return rc;
}
