/*
 * Defect 1 of the original rules: `return x;` of a shared local freed x before reading it.
 * Here the value is computed first. Early, nested and void returns, a returned expression
 * using the local, a block-scoped shared local, and a function returning a pointer.
 */
struct req {
	int id;
	int status;
};

int netstack_poll(struct req *r);
void netstack_kick(int *v);

int get_status(int id)
{
	struct req r; struct req *_dss_r = (struct req *)((uintptr_t)&r + STACK_SIZE); *_dss_r = (struct req){ id, 0 };
	int rc;

	if (id < 0)
		return -1;
	flexos_intelpku_gate_r(0, 1, rc, netstack_poll, &(*_dss_r));
	if (rc != 0) {
		return rc;
	}
	return (*_dss_r).status;
}

int twice(void)
{
	int v; int *_dss_v = (int *)((uintptr_t)&v + STACK_SIZE); *_dss_v = 21;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_dss_v));
	return (*_dss_v) * 2;
}

void kick_if(int cond)
{
	if (cond) {
		int v; int *_dss_v = (int *)((uintptr_t)&v + STACK_SIZE); *_dss_v = cond;

		flexos_intelpku_gate(0, 1, netstack_kick, &(*_dss_v));
		if ((*_dss_v) > 10)
			return;
		(*_dss_v)++;
	}
	return;
}

static int table[4];

int *slot(int i)
{
	int idx; int *_dss_idx = (int *)((uintptr_t)&idx + STACK_SIZE); *_dss_idx = i;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_dss_idx));
	return &table[(*_dss_idx) & 3];
}

void no_return_at_end(void)
{
	int v; int *_dss_v = (int *)((uintptr_t)&v + STACK_SIZE); *_dss_v = 0;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_dss_v));
}
