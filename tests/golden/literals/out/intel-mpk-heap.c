/* Shared literals: a static array in .data_shared, or the bare literal under fcalls. */
int uk_pr_info(const char *fmt, ...);
int netstack_send(const char *buf, int len);

void greet(void)
{
	int rc;

	flexos_nop_gate(0, 0, uk_pr_info, ({ static char __attribute__((section(".data_shared"))) _flexos_lit0[] = "Initializing lwip\n"; _flexos_lit0; }));
	flexos_intelpku_gate_r(0, 1, rc, netstack_send, ({ static char __attribute__((section(".data_shared"))) _flexos_lit1[] = "GET / HTTP/1.0\r\n"
	                                                                     "Host: x\r\n\r\n"; _flexos_lit1; }), 30);
	flexos_nop_gate(0, 0, uk_pr_info, "%s %d\n", ({ static char __attribute__((section(".data_shared"))) _flexos_lit2[] = "rc ="; _flexos_lit2; }), rc);
}
