/*
 * A return hidden in a macro leaves the function without the frees heap mode puts before
 * each return it sees: a warning (as for goto) where such a macro is used in the scope of a
 * shared local.
 */
void netstack_kick(int *v);

#define FAIL return -7
#define RET(v) return (v)
#define CHECK(c) do { if (!(c)) return -1; } while (0)

int check(int n)
{
	int x; int *_dss_x = (int *)((uintptr_t)&x + STACK_SIZE); *_dss_x = n;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_dss_x));
	if ((*_dss_x) == 2)
		FAIL;
	RET((*_dss_x));
}

int unaffected(int n)
{
	CHECK(n > 0);
	return n;
}
