/* Placeholders inside macro bodies are instantiated in the body; macros used as statements. */
int uk_pr_info(const char *fmt, ...);
int netstack_send(const char *buf, int len);
void sched_yield_now(void);

#define YIELD() flexos_intelpku_gate(0, 1, sched_yield_now)
#define LOG(msg) \
	flexos_nop_gate(0, 0, uk_pr_info, ({ static char __attribute__((section(".data_shared"))) _flexos_lit0[] = msg; _flexos_lit0; }))
#define SEND(rc, b, n) do { flexos_intelpku_gate_r(0, 1, rc, netstack_send, b, n); } while (0)
#define SCRATCH(n) uk_malloc(flexos_shared_alloc, n)
#define RELEASE(p) uk_free(flexos_shared_alloc, p)

int pump(void)
{
	int rc = 0;
	char *b = SCRATCH(32);

	LOG("pumping\n");
	SEND(rc, b, 32);
	YIELD();
	RELEASE(b);
	return rc;
}
