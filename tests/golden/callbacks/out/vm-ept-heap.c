/*
 * Callbacks: functions the network stack and the scheduler call back through pointers. With
 * and without parameters, void and not, a prototype before the definition, and a direct call
 * from this file (which goes to the renamed body, not through the wrapper).
 */
struct pkt;

typedef int (*rx_fn)(struct pkt *p, unsigned len);
void netstack_set_rx(rx_fn fn);
void sched_at_exit(void (*fn)(void));

static int on_packet(struct pkt *p, unsigned len);
static int _on_packet(struct pkt *p, unsigned len);

static unsigned seen;

static int _on_packet(struct pkt *p, unsigned len)
{
	(void)p;
	seen += len;
	return seen > 1000 ? -1 : 0;
}

__attribute__((section(".text_shared"))) static int on_packet(struct pkt *p, unsigned len)
{
	int _flexos_ret;

	flexos_vmept_gate_r(1, 0, _flexos_ret, _on_packet, p, len);
	return _flexos_ret;
}

void _on_exit_hook(void)
{
	seen = 0;
}

__attribute__((section(".text_shared"))) void on_exit_hook(void)
{
	flexos_vmept_gate(1, 0, _on_exit_hook);
}

long _local_cb(long x)
{
	return x + 1;
}

__attribute__((section(".text_shared"))) long local_cb(long x)
{
	long _flexos_ret;

	flexos_nop_gate_r(0, 0, _flexos_ret, _local_cb, x);
	return _flexos_ret;
}

void setup(void)
{
	flexos_vmept_gate(0, 1, netstack_set_rx, on_packet);
	flexos_vmept_gate(0, 1, sched_at_exit, on_exit_hook);
	_on_packet(0, 0);
	(void)_local_cb(1);
}
