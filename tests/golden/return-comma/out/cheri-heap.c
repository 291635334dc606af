/* A returned comma expression with a live shared local: the value is one expression, evaluated before the free. */
int g;
void netstack_kick(int *v);

int comma(int n)
{
	int *x = uk_malloc(flexos_shared_alloc, sizeof(int)); *x = n;

	flexos_cheri_gate(0, 1, netstack_kick, &(*x));
	if (n > 3)
		{ int _flexos_ret = (g = (*x), n); uk_free(flexos_shared_alloc, x); return _flexos_ret; }
	{ int _flexos_ret = ((g = (*x)), (*x) + n); uk_free(flexos_shared_alloc, x); return _flexos_ret; }
}
