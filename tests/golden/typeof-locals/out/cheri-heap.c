/* Shared locals and return types written with typeof: generated declarations keep the type as written. */
void netstack_kick(void *p);

double scale(double d)
{
	__typeof__(d) *t = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*t))); *t = d * 1.5;
	typeof(d) *u = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*u))); *u = d;
	__typeof__(d + 1) *a = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*a))); *a = d; __typeof__(d + 1) b = 2;

	flexos_cheri_gate(0, 1, netstack_kick, &(*t));
	{ double _flexos_ret = (*t) + (*u) + (*a) + b; uk_free(flexos_shared_alloc, a); uk_free(flexos_shared_alloc, u); uk_free(flexos_shared_alloc, t); return _flexos_ret; }
}

__typeof__(1.0) half(double d)
{
	double *h = uk_malloc(flexos_shared_alloc, sizeof(double)); *h = d / 2;

	flexos_cheri_gate(0, 1, netstack_kick, &(*h));
	{ __typeof__(1.0) _flexos_ret = (*h); uk_free(flexos_shared_alloc, h); return _flexos_ret; }
}
