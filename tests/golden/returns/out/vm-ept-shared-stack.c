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
	struct req *r = uk_malloc(flexos_shared_alloc, sizeof(struct req)); *r = (struct req){ id, 0 };
	int rc;

	if (id < 0)
		{ uk_free(flexos_shared_alloc, r); return -1; }
	flexos_vmept_gate_r(0, 1, rc, netstack_poll, &(*r));
	if (rc != 0) {
		{ int _flexos_ret = rc; uk_free(flexos_shared_alloc, r); return _flexos_ret; }
	}
	{ int _flexos_ret = (*r).status; uk_free(flexos_shared_alloc, r); return _flexos_ret; }
}

int twice(void)
{
	int *v = uk_malloc(flexos_shared_alloc, sizeof(int)); *v = 21;

	flexos_vmept_gate(0, 1, netstack_kick, &(*v));
	{ int _flexos_ret = (*v) * 2; uk_free(flexos_shared_alloc, v); return _flexos_ret; }
}

void kick_if(int cond)
{
	if (cond) {
		int *v = uk_malloc(flexos_shared_alloc, sizeof(int)); *v = cond;

		flexos_vmept_gate(0, 1, netstack_kick, &(*v));
		if ((*v) > 10)
			{ uk_free(flexos_shared_alloc, v); return; }
		(*v)++;
		uk_free(flexos_shared_alloc, v);
	}
	return;
}

static int table[4];

int *slot(int i)
{
	int *idx = uk_malloc(flexos_shared_alloc, sizeof(int)); *idx = i;

	flexos_vmept_gate(0, 1, netstack_kick, &(*idx));
	{ int *_flexos_ret = &table[(*idx) & 3]; uk_free(flexos_shared_alloc, idx); return _flexos_ret; }
}

void no_return_at_end(void)
{
	int *v = uk_malloc(flexos_shared_alloc, sizeof(int)); *v = 0;

	flexos_vmept_gate(0, 1, netstack_kick, &(*v));
	uk_free(flexos_shared_alloc, v);
}
