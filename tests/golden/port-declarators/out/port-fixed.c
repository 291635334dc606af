/*
 * port: a later declarator's initializer reads an earlier one, so its gate must come after
 * that declarator (the declaration is split); calls in _Generic associations are evaluated
 * only when selected, so they stay in place, and the controlling expression is never evaluated.
 * A for header, or a declaration defining a type, cannot be split: later calls stay in place.
 */
int ns_a(int x);
long ns_b(long x);

int chain(void)
{
	int _flexos_r0;
	flexos_gate_r(libnetstack, _flexos_r0, ns_a, 1);
	int k = _flexos_r0;
	int _flexos_r1;
	flexos_gate_r(libnetstack, _flexos_r1, ns_a, k);
	int m = _flexos_r1;
	static const int z = 0;
	int _flexos_r2;
	flexos_gate_r(libnetstack, _flexos_r2, ns_a, 2);
	const int p = _flexos_r2, *q = &p;
	int _flexos_r3;
	flexos_gate_r(libnetstack, _flexos_r3, ns_a, p);
	int _flexos_r4;
	flexos_gate_r(libnetstack, _flexos_r4, ns_a, *q + _flexos_r3);
	const int r = _flexos_r4;

	int _flexos_r5;
	flexos_gate_r(libnetstack, _flexos_r5, ns_a, 0);
	for (int i = _flexos_r5, j = ({ int _flexos_r6; flexos_gate_r(libnetstack, _flexos_r6, ns_a, i); _flexos_r6; }); i < j; i++)
		m += i;
	int _flexos_r7;
	flexos_gate_r(libnetstack, _flexos_r7, ns_a, 1);
	struct q { int v; } s = { _flexos_r7 }, t = { ({ int _flexos_r8; flexos_gate_r(libnetstack, _flexos_r8, ns_a, s.v); _flexos_r8; }) };

	return m + r + z + t.v;
}

int generic(int x)
{
	int k = _Generic(x, int: ({ int _flexos_r9; flexos_gate_r(libnetstack, _flexos_r9, ns_a, 1); _flexos_r9; }), default: ({ long _flexos_r10; flexos_gate_r(libnetstack, _flexos_r10, ns_b, 2); _flexos_r10; }));

	return k + _Generic(ns_a(x), int: 1, default: 2);
}
