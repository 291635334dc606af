/* Valid GNU C whose rewrites used to overlap (and throw "overlapping edits"). */
void use_long(long *p);
void use_int(int *p);

/* The attribute twice on one declarator: among the specifiers and after it. */
long twice(void)
{
	long __attribute__((flexos_whitelist)) buf __attribute__((flexos_whitelist));
	use_long(&buf);
	return 0;
}

/* In heap and dss mode `register` goes (the shared copy's address is taken), right next to
 * the attribute, which goes too. */
long in_register(void)
{
	register __attribute__((flexos_whitelist)) long x = 3;
	return x + 1;
}

/* A GNU nested function with a shared local, inside a function with one: the nested
 * function's return frees its own local only. */
int nested(void)
{
	int outer __attribute__((flexos_whitelist)) = 1;
	int inner_fn(int k)
	{
		int in __attribute__((flexos_whitelist)) = k;
		use_int(&in);
		use_int(&outer);
		return in;
	}
	use_int(&outer);
	return inner_fn(outer);
}

/* A shared global with the attribute twice, once with another item. */
static int counter __attribute__((flexos_whitelist)) __attribute__((aligned(8), flexos_whitelist));
