/*
 * Shared literals where a statement expression cannot stand (file scope) or would change the
 * meaning (sizeof measures the array, not a pointer): a static array in .data_shared is
 * declared before the enclosing top-level declaration and named in place.
 */
int netstack_send(const char *buf, int len);

const char *greeting = "hello";
static const char *words[] = { "a", "bc" };

int measure(void)
{
	return sizeof("abc") + sizeof "de";
}

#ifdef WITH_SEND
__attribute__((noinline)) int send_size(void)
{
	int rc;

	flexos_nop_gate_r(0, 1, rc, netstack_send, "x",
		      (int)sizeof("xyz"));
	return rc;
}
#endif
