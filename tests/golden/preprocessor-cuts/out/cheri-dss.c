/*
 * Preprocessor conditionals that cut through C syntax: the compiler sees one branch, the
 * rewriter parses the first (or the #else of an #if 0) and reads the others as text: their
 * gates are instantiated, and a shared local used there is a warning.
 */
int netstack_send(int v);
int netstack_poll(void);

/* The configuration the golden test compiles: the branches the rewriter reads. */
#define CONFIG_FAST_PATH 1
#define DECLARE_PROBE(fn) int (*fn##_hook)(int) = fn;

#ifndef CONFIG_NO_STATIC
static
#endif
int probe(int a)
{
	int v; int *_dss_v = (int *)((uintptr_t)&v + STACK_SIZE); *_dss_v = a;
#if CONFIG_FAST_PATH
	if (a > 0 && (*_dss_v) > 1) {
#else
	if (v > 0) {
		flexos_cheri_gate(0, 1, netstack_send, -1);
#endif
		flexos_cheri_gate(0, 1, netstack_send, (*_dss_v));
	}
#if 0
	if (a) {
#else
	if ((*_dss_v)) {
#endif
		flexos_cheri_gate_r(0, 1, (*_dss_v), netstack_poll);
	}
	return (*_dss_v);
}

DECLARE_PROBE(probe)

int after(void)
{
	int rc;

	flexos_cheri_gate_r(0, 1, rc, netstack_poll);
	return rc;
}
