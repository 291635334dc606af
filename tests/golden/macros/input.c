/* Placeholders inside macro bodies are instantiated in the body; macros used as statements. */
int uk_pr_info(const char *fmt, ...);
int netstack_send(const char *buf, int len);
void sched_yield_now(void);

#define YIELD() flexos_gate(libsched, sched_yield_now)
#define LOG(msg) \
	flexos_gate(libc, uk_pr_info, FLEXOS_SHARED_LITERAL(msg))
#define SEND(rc, b, n) do { flexos_gate_r(libnetstack, rc, netstack_send, b, n); } while (0)
#define SCRATCH(n) flexos_malloc_whitelist(n)
#define RELEASE(p) flexos_free_whitelist(p)

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
