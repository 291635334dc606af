/* Valid GNU C whose rewrites used to overlap (and throw "overlapping edits"). */
void use_long(long *p);
void use_int(int *p);

/* The attribute twice on one declarator: among the specifiers and after it. */
long twice(void)
{
	long buf;
	use_long(&buf);
	return 0;
}

/* In heap and dss mode `register` goes (the shared copy's address is taken), right next to
 * the attribute, which goes too. */
long in_register(void)
{
	register long x = 3;
	return x + 1;
}

/* A GNU nested function with a shared local, inside a function with one: the nested
 * function's return frees its own local only. */
int nested(void)
{
	int outer = 1;
	int inner_fn(int k)
	{
		int in = k;
		use_int(&in);
		use_int(&outer);
		return in;
	}
	use_int(&outer);
	return inner_fn(outer);
}

/* A shared global with the attribute twice, once with another item. */
static int counter __attribute__((section(".data_shared"))) __attribute__((aligned(8), section(".data_shared")));
