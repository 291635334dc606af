/* Shared locals and return types written with typeof: generated declarations keep the type as written. */
void netstack_kick(void *p);

double scale(double d)
{
	__typeof__(d) t; __typeof__(t) *_dss_t = (__typeof__(t) *)((uintptr_t)&t + STACK_SIZE); *_dss_t = d * 1.5;
	typeof(d) u; __typeof__(u) *_dss_u = (__typeof__(u) *)((uintptr_t)&u + STACK_SIZE); *_dss_u = d;
	__typeof__(d + 1) a; __typeof__(a) *_dss_a = (__typeof__(a) *)((uintptr_t)&a + STACK_SIZE); *_dss_a = d; __typeof__(d + 1) b = 2;

	flexos_cheri_gate(0, 1, netstack_kick, &(*_dss_t));
	return (*_dss_t) + (*_dss_u) + (*_dss_a) + b;
}

__typeof__(1.0) half(double d)
{
	double h; double *_dss_h = (double *)((uintptr_t)&h + STACK_SIZE); *_dss_h = d / 2;

	flexos_cheri_gate(0, 1, netstack_kick, &(*_dss_h));
	return (*_dss_h);
}
