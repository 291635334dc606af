/*
 * Attribute-like macros of Unikraft's uk/essentials.h in the places ported libraries write
 * them (after a declarator, among the specifiers, on parameters, on types and prototypes).
 */
#include <flexos/isolation.h>

int netstack_send(const void *buf, int len);
int netstack_log(const char *fmt, ...) __printf(1, 2);

struct __packed hdr {
	unsigned char kind;
	unsigned int len;
};

static struct hdr queued[4] __section(".data_shared");
static char scratch[64] __align(64) __attribute__((flexos_whitelist));
static int __used seen __attribute__((flexos_whitelist));

int send_hdr(int kind, int __unused flags, char __maybe_unused *tag)
{
	struct hdr h __attribute__((flexos_whitelist)) = { .kind = kind, .len = sizeof(h) };
	int __maybe_unused rc __attribute__((flexos_whitelist));

	queued[0] = h;
	seen++;
	flexos_gate_r(libnetstack, rc, netstack_send, &h, sizeof(h));
	flexos_gate(libnetstack, netstack_log, FLEXOS_SHARED_LITERAL("sent %d\n"), rc);
	flexos_gate(libnetstack, netstack_send, scratch, sizeof(scratch));
	return rc;
}
