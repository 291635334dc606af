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
	struct sockaddr_x sa; struct sockaddr_x *_dss_sa = (struct sockaddr_x *)((uintptr_t)&sa + STACK_SIZE); *_dss_sa = (struct sockaddr_x){ 2, 0, 0 };
	int err; int *_dss_err = (int *)((uintptr_t)&err + STACK_SIZE);
	int rc; int tries; int *_dss_tries = (int *)((uintptr_t)&tries + STACK_SIZE); *_dss_tries = 3; int spare = 0;
	char *name; char **_dss_name = (char **)((uintptr_t)&name + STACK_SIZE); *_dss_name = 0;
	long limit; long *_dss_limit = (long *)((uintptr_t)&limit + STACK_SIZE); *_dss_limit = 10;
	int fast; int *_dss_fast = (int *)((uintptr_t)&fast + STACK_SIZE); *_dss_fast = 1;

	(*_dss_sa).port = port;
	(*_dss_err) = 0;
	flexos_intelpku_gate_r(0, 1, rc, netstack_bind, fd, &(*_dss_sa), &(*_dss_err));
	flexos_intelpku_gate_r(0, 1, rc, netstack_peer, fd, &(*_dss_name));
	if (rc < 0 || (*_dss_err) != 0)
		(*_dss_tries)--;
	rc += (int)sizeof((*_dss_sa)) + (int)sizeof (*_dss_err) + (*_dss_tries) + spare + (int)(*_dss_limit) + (*_dss_fast);
	(void)(*_dss_name);
	return rc;
}
