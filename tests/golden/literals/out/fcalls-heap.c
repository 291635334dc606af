/* Shared literals: a static array in .data_shared, or the bare literal under fcalls. */
int uk_pr_info(const char *fmt, ...);
int netstack_send(const char *buf, int len);

void greet(void)
{
	int rc;

	flexos_nop_gate(0, 0, uk_pr_info, "Initializing lwip\n");
	flexos_nop_gate_r(0, 1, rc, netstack_send, "GET / HTTP/1.0\r\n"
	                                                                     "Host: x\r\n\r\n", 30);
	flexos_nop_gate(0, 0, uk_pr_info, "%s %d\n", "rc =", rc);
}
