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
	struct sockaddr_x *sa = uk_malloc(flexos_shared_alloc, sizeof(struct sockaddr_x)); *sa = (struct sockaddr_x){ 2, 0, 0 };
	int *err = uk_malloc(flexos_shared_alloc, sizeof(int));
	int rc; int *tries = uk_malloc(flexos_shared_alloc, sizeof(int)); *tries = 3; int spare = 0;
	char **name = uk_malloc(flexos_shared_alloc, sizeof(char *)); *name = 0;
	long *limit = uk_malloc(flexos_shared_alloc, sizeof(long)); *limit = 10;
	int *fast = uk_malloc(flexos_shared_alloc, sizeof(int)); *fast = 1;

	(*sa).port = port;
	(*err) = 0;
	flexos_cheri_gate_r(0, 1, rc, netstack_bind, fd, &(*sa), &(*err));
	flexos_cheri_gate_r(0, 1, rc, netstack_peer, fd, &(*name));
	if (rc < 0 || (*err) != 0)
		(*tries)--;
	rc += (int)sizeof((*sa)) + (int)sizeof (*err) + (*tries) + spare + (int)(*limit) + (*fast);
	(void)(*name);
	{ int _flexos_ret = rc; uk_free(flexos_shared_alloc, fast); uk_free(flexos_shared_alloc, limit); uk_free(flexos_shared_alloc, name); uk_free(flexos_shared_alloc, tries); uk_free(flexos_shared_alloc, err); uk_free(flexos_shared_alloc, sa); return _flexos_ret; }
}
