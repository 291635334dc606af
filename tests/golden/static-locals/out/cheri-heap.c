/*
 * Defect 3 of the original rules: a function-local static shared variable became invalid C
 * (a static pointer initialized with a call). Here it is placed in .data_shared like a global,
 * in every sharing mode.
 */
int recv(int fd, char *buf, int len);

int next_packet(int fd)
{
	static char scratch[128] __attribute__((section(".data_shared")));
	static int calls __attribute__((section(".data_shared"))) = 0;
	int n;

	calls++;
	flexos_cheri_gate_r(0, 1, n, recv, fd, scratch, (int)sizeof(scratch));
	return n + calls;
}
