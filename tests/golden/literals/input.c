/* Shared literals: a static array in .data_shared, or the bare literal under fcalls. */
int uk_pr_info(const char *fmt, ...);
int netstack_send(const char *buf, int len);

void greet(void)
{
	int rc;

	flexos_gate(libc, uk_pr_info, FLEXOS_SHARED_LITERAL("Initializing lwip\n"));
	flexos_gate_r(libnetstack, rc, netstack_send, FLEXOS_SHARED_LITERAL("GET / HTTP/1.0\r\n"
	                                                                     "Host: x\r\n\r\n"), 30);
	flexos_gate(libc, uk_pr_info, "%s %d\n", FLEXOS_SHARED_LITERAL("rc ="), rc);
}
