/* Valid GNU C whose rewrites used to overlap (and throw "overlapping edits"). */
void use_long(long *p);
void use_int(int *p);

/* The attribute twice on one declarator: among the specifiers and after it. */
long twice(void)
{
	long buf; long *_dss_buf = (long *)((uintptr_t)&buf + STACK_SIZE);
	use_long(&(*_dss_buf));
	return 0;
}

/* In heap and dss mode `register` goes (the shared copy's address is taken), right next to
 * the attribute, which goes too. */
long in_register(void)
{
	 long x; long *_dss_x = (long *)((uintptr_t)&x + STACK_SIZE); *_dss_x = 3;
	return (*_dss_x) + 1;
}

/* A GNU nested function with a shared local, inside a function with one: the nested
 * function's return frees its own local only. */
int nested(void)
{
	int outer; int *_dss_outer = (int *)((uintptr_t)&outer + STACK_SIZE); *_dss_outer = 1;
	int inner_fn(int k)
	{
		int in; int *_dss_in = (int *)((uintptr_t)&in + STACK_SIZE); *_dss_in = k;
		use_int(&(*_dss_in));
		use_int(&(*_dss_outer));
		return (*_dss_in);
	}
	use_int(&(*_dss_outer));
	return inner_fn((*_dss_outer));
}

/* A shared global with the attribute twice, once with another item. */
static int counter __attribute__((section(".data_shared"))) __attribute__((aligned(8), section(".data_shared")));
