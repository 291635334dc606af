/* Gates: plain and _r, inside and across compartments, odd layouts. */
#include <stddef.h>

int recv(int fd, char *buf, size_t len);
void sched_yield_now(void);
int sched_six(int a, long b, char c, void *d, size_t e, unsigned f);
size_t strlen(const char *s);
void app_tick(void);

extern char *net_buffer;

int poll_once(int fd)
{
	int n = 0;

	flexos_intelpku_gate(0, 1, sched_yield_now);
	flexos_intelpku_gate_r(0, 1, n, recv, fd, net_buffer, 64);
	flexos_nop_gate(0, 0, app_tick); /* same compartment: a nop gate */
	flexos_nop_gate_r(0, 0, n, strlen, net_buffer); // alias of newlib
	if (n > 0) {
		flexos_intelpku_gate_r(0, 1, n, sched_six, 1, 2L, 'c', NULL, (size_t)4, 5u);
	}
	flexos_intelpku_gate_r( 0, 1 ,n,recv,
	               fd,   /* the socket */
	               net_buffer,
	               (size_t) 32 );
	flexos_intelpku_gate   (  0, 1  ,   sched_yield_now  )  ;
#ifdef CONFIG_EXTRA_YIELD
	flexos_intelpku_gate(0, 1, sched_yield_now);
#endif
	return n;
}
