/* Whitelisted locals: scalars, pointers, structs, several declarators, const, register. */
struct sockaddr_x {
	unsigned short family;
	unsigned short port;
	unsigned int addr;
};

int netstack_bind(int fd, struct sockaddr_x *sa, int *err);
int netstack_peer(int fd, char **name);

int bind_any(int fd, unsigned short port)
{
	struct sockaddr_x sa = { 2, 0, 0 };
	int err;
	int rc, tries = 3, spare = 0;
	char *name = 0;
	const long limit = 10;
	register int fast = 1;

	sa.port = port;
	err = 0;
	flexos_nop_gate_r(0, 1, rc, netstack_bind, fd, &sa, &err);
	flexos_nop_gate_r(0, 1, rc, netstack_peer, fd, &name);
	if (rc < 0 || err != 0)
		tries--;
	rc += (int)sizeof(sa) + (int)sizeof err + tries + spare + (int)limit + fast;
	(void)name;
	return rc;
}
