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
	struct sockaddr_x sa __attribute__((flexos_whitelist)) = { 2, 0, 0 };
	int err __attribute__((flexos_whitelist));
	int rc, tries __attribute__((flexos_whitelist)) = 3, spare = 0;
	char *name __attribute__((flexos_whitelist)) = 0;
	const long limit __attribute__((flexos_whitelist)) = 10;
	register int fast __attribute__((flexos_whitelist)) = 1;

	sa.port = port;
	err = 0;
	flexos_gate_r(libnetstack, rc, netstack_bind, fd, &sa, &err);
	flexos_gate_r(libnetstack, rc, netstack_peer, fd, &name);
	if (rc < 0 || err != 0)
		tries--;
	rc += (int)sizeof(sa) + (int)sizeof err + tries + spare + (int)limit + fast;
	(void)name;
	return rc;
}
