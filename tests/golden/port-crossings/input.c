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

static struct stats last;
static char hostname[32];

int report(int verbose)
{
	struct stats s;
	int err = 0;
	int done __attribute__((flexos_whitelist)) = 0;
	char name[16];
	int rc = netstack_stats(&s, &err);

	rc += netstack_stats(&last, &done);
	rc += netstack_name(name, sizeof(name));
	rc += netstack_name(hostname + 1, sizeof(hostname) - 1);
	rc += netstack_name(&name[2], 4);
	if (verbose)
		uk_pr_info("rx=%ld tx=%ld\n", s.rx, s.tx);
	uk_pr_info(FLEXOS_SHARED_LITERAL("done\n"));
	flexos_gate(libnewlib, uk_pr_info, "gated already: %d\n", err);
	flexos_gate_r(libnetstack, rc, netstack_stats, &s, &verbose);
	return rc;
}
