/*
 * A shared local whose name an inner block declares again: every free must still reach the
 * right allocation (the outer pointer gets a name the inner declaration cannot hide).
 */
void netstack_kick(int *v);

int nested(int n)
{
	int x = n;

	flexos_nop_gate(0, 1, netstack_kick, &x);
	if (n > 0) {
		int x = 10;

		flexos_nop_gate(0, 1, netstack_kick, &x);
		if (x == 11)
			return x;
	}
	return x;
}

int private_inner(int n)
{
	int x = n;

	flexos_nop_gate(0, 1, netstack_kick, &x);
	for (int i = 0; i < 2; i++) {
		char buf[4];
		char *x = buf;

		x[0] = 1;
		if (i == n)
			break;
		if (n > 5)
			return x[0];
	}
	for (int x = 0; x < n; x++)
		if (x == 3)
			return x;
	return x;
}
