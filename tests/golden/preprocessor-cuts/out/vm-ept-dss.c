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
	int *v = uk_malloc(flexos_shared_alloc, sizeof(int)); *v = a;
#if CONFIG_FAST_PATH
	if (a > 0 && (*v) > 1) {
#else
	if (v > 0) {
		flexos_vmept_gate(0, 1, netstack_send, -1);
#endif
		flexos_vmept_gate(0, 1, netstack_send, (*v));
	}
#if 0
	if (a) {
#else
	if ((*v)) {
#endif
		flexos_vmept_gate_r(0, 1, (*v), netstack_poll);
	}
	{ int _flexos_ret = (*v); uk_free(flexos_shared_alloc, v); return _flexos_ret; }
}

DECLARE_PROBE(probe)

int after(void)
{
	int rc;

	flexos_vmept_gate_r(0, 1, rc, netstack_poll);
	return rc;
}
