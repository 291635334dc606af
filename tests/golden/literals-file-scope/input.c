/*
 * Shared literals where a statement expression cannot stand (file scope) or would change the
 * meaning (sizeof measures the array, not a pointer): a static array in .data_shared is
 * declared before the enclosing top-level declaration and named in place.
 */
int netstack_send(const char *buf, int len);

const char *greeting = FLEXOS_SHARED_LITERAL("hello");
static const char *words[] = { FLEXOS_SHARED_LITERAL("a"), FLEXOS_SHARED_LITERAL("bc") };

int measure(void)
{
	return sizeof(FLEXOS_SHARED_LITERAL("abc")) + sizeof FLEXOS_SHARED_LITERAL("de");
}

#ifdef WITH_SEND
__attribute__((noinline)) int send_size(void)
{
	int rc;

	flexos_gate_r(libnetstack, rc, netstack_send, FLEXOS_SHARED_LITERAL("x"),
		      (int)sizeof(FLEXOS_SHARED_LITERAL("xyz")));
	return rc;
}
#endif
