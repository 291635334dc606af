/* A file that does not parse: each ERROR is a rewrite/parse-error; placeholders elsewhere are still instantiated. */
int netstack_send(const char *buf, int len);

int broken(void)
{
	int rc = (1 + ;
	flexos_intelpku_gate_r(0, 1, rc, netstack_send, 0, 0);
	return rc;
}
