/* A returned comma expression with a live shared local: the value is one expression, evaluated before the free. */
int g;
void netstack_kick(int *v);

int comma(int n)
{
	int x; int *_dss_x = (int *)((uintptr_t)&x + STACK_SIZE); *_dss_x = n;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_dss_x));
	if (n > 3)
		return g = (*_dss_x), n;
	return (g = (*_dss_x)), (*_dss_x) + n;
}
