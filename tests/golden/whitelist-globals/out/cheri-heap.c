/* Whitelisted globals in every attribute position GCC accepts. */
struct conn {
	int fd;
	char name[8];
};

static char rx_buf[256] __attribute__((section(".data_shared")));
int __attribute__((section(".data_shared"))) rx_len = 0;
__attribute__((section(".data_shared"))) struct conn conns[4];
static char banner[] __attribute__((section(".data_shared"), aligned(8))) = "hello";
extern int shared_counter __attribute__((section(".data_shared")));
static int private_counter; /* not shared: untouched */
unsigned long a __attribute__((section(".data_shared"))), b;

int recv(int fd, char *buf, int len);

int pump(void)
{
	int n;

	flexos_cheri_gate_r(0, 1, n, recv, conns[0].fd, rx_buf, (int)sizeof(rx_buf));
	rx_len += n;
	private_counter++;
	return rx_len + (int)banner[0] + shared_counter + (int)a + (int)b;
}
