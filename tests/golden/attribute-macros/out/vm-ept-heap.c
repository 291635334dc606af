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
static char scratch[64] __align(64) __attribute__((section(".data_shared")));
static int __used seen __attribute__((section(".data_shared")));

int send_hdr(int kind, int __unused flags, char __maybe_unused *tag)
{
	struct hdr *h = uk_malloc(flexos_shared_alloc, sizeof(struct hdr)); *h = (struct hdr){ .kind = kind, .len = sizeof((*h)) };
	int __maybe_unused *rc = uk_malloc(flexos_shared_alloc, sizeof(int));

	queued[0] = (*h);
	seen++;
	flexos_vmept_gate_r(0, 1, (*rc), netstack_send, &(*h), sizeof((*h)));
	flexos_vmept_gate(0, 1, netstack_log, ({ static char __attribute__((section(".data_shared"))) _flexos_lit0[] = "sent %d\n"; _flexos_lit0; }), (*rc));
	flexos_vmept_gate(0, 1, netstack_send, scratch, sizeof(scratch));
	{ int _flexos_ret = (*rc); uk_free(flexos_shared_alloc, rc); uk_free(flexos_shared_alloc, h); return _flexos_ret; }
}
