/*
 * A callback returning a function pointer: its name and parameters are those of the
 * innermost function declarator (`pick(int i)`), not of the returned pointer's type (`(int)`).
 */
static int twice(int x) { return 2 * x; }
static int thrice(int x) { return 3 * x; }

int (*pick(int i))(int);

int use(void)
{
	return pick(1)(5);
}

__attribute__((libsched_callback)) int (*pick(int i))(int)
{
	return i ? twice : thrice;
}
