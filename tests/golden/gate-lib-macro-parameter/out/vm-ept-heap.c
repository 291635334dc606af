/*
 * A gate whose library token is a macro parameter cannot be instantiated once for the body:
 * each use may name another compartment. It is an error and the placeholder stays (and does
 * not compile); a gate with a fixed library in the same body is instantiated.
 */
int netstack_poll(int fd);
void sched_yield_now(void);

#define CALL_LIB(lib, r, f, a) flexos_gate_r(lib, r, f, a)
#define POLL_AND_YIELD(r, fd) do { flexos_vmept_gate_r(0, 1, r, netstack_poll, fd); flexos_vmept_gate(0, 1, sched_yield_now); } while (0)

int poll(int fd)
{
	int r;

	CALL_LIB(libnetstack, r, netstack_poll, fd);
	POLL_AND_YIELD(r, fd);
	return r;
}
