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
	int k = ns_a(1), m = ns_a(k);
	static const int z = 0;
	const int p = ns_a(2), *q = &p, r = ns_a(*q + ns_a(p));

	for (int i = ns_a(0), j = ns_a(i); i < j; i++)
		m += i;
	struct q { int v; } s = { ns_a(1) }, t = { ns_a(s.v) };

	return m + r + z + t.v;
}

int generic(int x)
{
	int k = _Generic(x, int: ns_a(1), default: ns_b(2));

	return k + _Generic(ns_a(x), int: 1, default: 2);
}
