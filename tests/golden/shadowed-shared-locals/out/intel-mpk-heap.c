/*
 * A shared local whose name an inner block declares again: every free must still reach the
 * right allocation (the outer pointer gets a name the inner declaration cannot hide).
 */
void netstack_kick(int *v);

int nested(int n)
{
	int *_flexos_x_0 = uk_malloc(flexos_shared_alloc, sizeof(int)); *_flexos_x_0 = n;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_flexos_x_0));
	if (n > 0) {
		int *x = uk_malloc(flexos_shared_alloc, sizeof(int)); *x = 10;

		flexos_intelpku_gate(0, 1, netstack_kick, &(*x));
		if ((*x) == 11)
			{ int _flexos_ret = (*x); uk_free(flexos_shared_alloc, x); uk_free(flexos_shared_alloc, _flexos_x_0); return _flexos_ret; }
		uk_free(flexos_shared_alloc, x);
	}
	{ int _flexos_ret = (*_flexos_x_0); uk_free(flexos_shared_alloc, _flexos_x_0); return _flexos_ret; }
}

int private_inner(int n)
{
	int *_flexos_x_1 = uk_malloc(flexos_shared_alloc, sizeof(int)); *_flexos_x_1 = n;

	flexos_intelpku_gate(0, 1, netstack_kick, &(*_flexos_x_1));
	for (int i = 0; i < 2; i++) {
		char buf[4];
		char *x = buf;

		x[0] = 1;
		if (i == n)
			break;
		if (n > 5)
			{ int _flexos_ret = x[0]; uk_free(flexos_shared_alloc, _flexos_x_1); return _flexos_ret; }
	}
	for (int x = 0; x < n; x++)
		if (x == 3)
			{ int _flexos_ret = x; uk_free(flexos_shared_alloc, _flexos_x_1); return _flexos_ret; }
	{ int _flexos_ret = (*_flexos_x_1); uk_free(flexos_shared_alloc, _flexos_x_1); return _flexos_ret; }
}
