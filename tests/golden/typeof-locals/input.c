/* Shared locals and return types written with typeof: generated declarations keep the type as written. */
void netstack_kick(void *p);

double scale(double d)
{
	__typeof__(d) t __attribute__((flexos_whitelist)) = d * 1.5;
	typeof(d) u __attribute__((flexos_whitelist)) = d;
	__typeof__(d + 1) a __attribute__((flexos_whitelist)) = d, b = 2;

	flexos_gate(libnetstack, netstack_kick, &t);
	return t + u + a + b;
}

__typeof__(1.0) half(double d)
{
	double h __attribute__((flexos_whitelist)) = d / 2;

	flexos_gate(libnetstack, netstack_kick, &h);
	return h;
}
