/*
 * port: calls through function pointers cannot be gated, however the pointer is declared
 * (a typedef, a pointer declarator, a global); a function returning a function pointer is
 * not a pointer, and its direct calls are ported.
 */
typedef int (*fn_t)(int);
int ns_a(int x);
int (*ns_pick(int i))(int);
int (*global_fp)(int) = ns_a;

int through_pointers(void)
{
	fn_t tf = ns_a;
	int (*fp)(int) = ns_a;
	int (*table[2])(int) = { ns_a, ns_a };
	int r = tf(1);

	r += fp(3);
	r += global_fp(4);
	r += table[1](5);
	int (*_flexos_r0)(int);
	flexos_gate_r(libnetstack, _flexos_r0, ns_pick, 0);
	return r + (_flexos_r0 == ns_a);
}
