/* Unknown gate tokens go to compartment 0 with a warning; a missing lib prefix gets a fix. */
int recv(int fd, char *buf, int len);
void fs_sync(void);

extern char shared_buf[16];

void sync_all(int fd)
{
	int n;

	flexos_nop_gate(0, 0, fs_sync);
	flexos_nop_gate_r(0, 0, n, recv, fd, shared_buf, 16);
	flexos_nop_gate_r(0, 0, n, recv, fd, shared_buf, 16);
}
