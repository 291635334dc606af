/*
 * A callback returning a function pointer: its name and parameters are those of the
 * innermost function declarator (`pick(int i)`), not of the returned pointer's type (`(int)`).
 */
static int twice(int x) { return 2 * x; }
static int thrice(int x) { return 3 * x; }

int (*pick(int i))(int);
int (*_pick(int i))(int);

int use(void)
{
	return _pick(1)(5);
}

int (*_pick(int i))(int)
{
	return i ? twice : thrice;
}

int (*pick(int i))(int)
{
	int (*_flexos_ret)(int);

	flexos_nop_gate_r(1, 0, _flexos_ret, _pick, i);
	return _flexos_ret;
}
