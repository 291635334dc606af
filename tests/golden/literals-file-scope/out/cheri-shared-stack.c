/*
 * Shared literals where a statement expression cannot stand (file scope) or would change the
 * meaning (sizeof measures the array, not a pointer): a static array in .data_shared is
 * declared before the enclosing top-level declaration and named in place.
 */
int netstack_send(const char *buf, int len);

static char _flexos_lit0[] __attribute__((section(".data_shared"))) = "hello";
const char *greeting = _flexos_lit0;
static char _flexos_lit1[] __attribute__((section(".data_shared"))) = "a";
static char _flexos_lit2[] __attribute__((section(".data_shared"))) = "bc";
static const char *words[] = { _flexos_lit1, _flexos_lit2 };

static char _flexos_lit3[] __attribute__((section(".data_shared"))) = "abc";
static char _flexos_lit4[] __attribute__((section(".data_shared"))) = "de";
int measure(void)
{
	return sizeof(_flexos_lit3) + sizeof _flexos_lit4;
}

#ifdef WITH_SEND
static char _flexos_lit6[] __attribute__((section(".data_shared"))) = "xyz";
__attribute__((noinline)) int send_size(void)
{
	int rc;

	flexos_cheri_gate_r(0, 1, rc, netstack_send, ({ static char __attribute__((section(".data_shared"))) _flexos_lit5[] = "x"; _flexos_lit5; }),
		      (int)sizeof(_flexos_lit6));
	return rc;
}
#endif
