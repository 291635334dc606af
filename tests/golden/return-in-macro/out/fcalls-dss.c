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
	int x = n;

	flexos_nop_gate(0, 1, netstack_kick, &x);
	if (x == 2)
		FAIL;
	RET(x);
}

int unaffected(int n)
{
	CHECK(n > 0);
	return n;
}
