/* Unknown gate tokens go to compartment 0 with a warning; a missing lib prefix gets a fix. */
int recv(int fd, char *buf, int len);
void fs_sync(void);

extern char shared_buf[16];

void sync_all(int fd)
{
	int n;

	flexos_gate(libvfscore, fs_sync);
	flexos_gate_r(netstack, n, recv, fd, shared_buf, 16);
	flexos_gate_r(libnetstak, n, recv, fd, shared_buf, 16);
}
