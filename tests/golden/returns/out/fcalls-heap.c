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
	struct req r = { id, 0 };
	int rc;

	if (id < 0)
		return -1;
	flexos_nop_gate_r(0, 1, rc, netstack_poll, &r);
	if (rc != 0) {
		return rc;
	}
	return r.status;
}

int twice(void)
{
	int v = 21;

	flexos_nop_gate(0, 1, netstack_kick, &v);
	return v * 2;
}

void kick_if(int cond)
{
	if (cond) {
		int v = cond;

		flexos_nop_gate(0, 1, netstack_kick, &v);
		if (v > 10)
			return;
		v++;
	}
	return;
}

static int table[4];

int *slot(int i)
{
	int idx = i;

	flexos_nop_gate(0, 1, netstack_kick, &idx);
	return &table[idx & 3];
}

void no_return_at_end(void)
{
	int v = 0;

	flexos_nop_gate(0, 1, netstack_kick, &v);
}
