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
static char scratch[64] __align(64);
static int __used seen;

int send_hdr(int kind, int __unused flags, char __maybe_unused *tag)
{
	struct hdr h = { .kind = kind, .len = sizeof(h) };
	int __maybe_unused rc;

	queued[0] = h;
	seen++;
	flexos_nop_gate_r(0, 1, rc, netstack_send, &h, sizeof(h));
	flexos_nop_gate(0, 1, netstack_log, "sent %d\n", rc);
	flexos_nop_gate(0, 1, netstack_send, scratch, sizeof(scratch));
	return rc;
}
