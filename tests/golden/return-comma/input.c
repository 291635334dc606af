/* A returned comma expression with a live shared local: the value is one expression, evaluated before the free. */
int g;
void netstack_kick(int *v);

int comma(int n)
{
	int x __attribute__((flexos_whitelist)) = n;

	flexos_gate(libnetstack, netstack_kick, &x);
	if (n > 3)
		return g = x, n;
	return (g = x), x + n;
}
