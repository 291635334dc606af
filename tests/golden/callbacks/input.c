/*
 * Callbacks: functions the network stack and the scheduler call back through pointers. With
 * and without parameters, void and not, a prototype before the definition, and a direct call
 * from this file (which goes to the renamed body, not through the wrapper).
 */
struct pkt;

typedef int (*rx_fn)(struct pkt *p, unsigned len);
void netstack_set_rx(rx_fn fn);
void sched_at_exit(void (*fn)(void));

__attribute__((libnetstack_callback)) static int on_packet(struct pkt *p, unsigned len);

static unsigned seen;

static int on_packet(struct pkt *p, unsigned len)
{
	(void)p;
	seen += len;
	return seen > 1000 ? -1 : 0;
}

__attribute__((libsched_callback))
void on_exit_hook(void)
{
	seen = 0;
}

__attribute__((libapp_callback)) long local_cb(long x)
{
	return x + 1;
}

void setup(void)
{
	flexos_gate(libnetstack, netstack_set_rx, on_packet);
	flexos_gate(libsched, sched_at_exit, on_exit_hook);
	on_packet(0, 0);
	(void)local_cb(1);
}
