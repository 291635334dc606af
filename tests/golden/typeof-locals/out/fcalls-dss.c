/* Shared locals and return types written with typeof: generated declarations keep the type as written. */
void netstack_kick(void *p);

double scale(double d)
{
	__typeof__(d) t = d * 1.5;
	typeof(d) u = d;
	__typeof__(d + 1) a = d, b = 2;

	flexos_nop_gate(0, 1, netstack_kick, &t);
	return t + u + a + b;
}

__typeof__(1.0) half(double d)
{
	double h = d / 2;

	flexos_nop_gate(0, 1, netstack_kick, &h);
	return h;
}
