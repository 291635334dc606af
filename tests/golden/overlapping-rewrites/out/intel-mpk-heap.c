/* Valid GNU C whose rewrites used to overlap (and throw "overlapping edits"). */
void use_long(long *p);
void use_int(int *p);

/* The attribute twice on one declarator: among the specifiers and after it. */
long twice(void)
{
	long *buf = uk_malloc(flexos_shared_alloc, sizeof(long));
	use_long(&(*buf));
	{ uk_free(flexos_shared_alloc, buf); return 0; }
}

/* In heap and dss mode `register` goes (the shared copy's address is taken), right next to
 * the attribute, which goes too. */
long in_register(void)
{
	 long *x = uk_malloc(flexos_shared_alloc, sizeof(long)); *x = 3;
	{ long _flexos_ret = (*x) + 1; uk_free(flexos_shared_alloc, x); return _flexos_ret; }
}

/* A GNU nested function with a shared local, inside a function with one: the nested
 * function's return frees its own local only. */
int nested(void)
{
	int *outer = uk_malloc(flexos_shared_alloc, sizeof(int)); *outer = 1;
	int inner_fn(int k)
	{
		int *in = uk_malloc(flexos_shared_alloc, sizeof(int)); *in = k;
		use_int(&(*in));
		use_int(&(*outer));
		{ int _flexos_ret = (*in); uk_free(flexos_shared_alloc, in); return _flexos_ret; }
	}
	use_int(&(*outer));
	{ int _flexos_ret = inner_fn((*outer)); uk_free(flexos_shared_alloc, outer); return _flexos_ret; }
}

/* A shared global with the attribute twice, once with another item. */
static int counter __attribute__((section(".data_shared"))) __attribute__((aligned(8), section(".data_shared")));
