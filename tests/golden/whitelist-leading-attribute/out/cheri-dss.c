/*
 * flexos_whitelist written before the specifiers inside a function applies to every
 * declarator of the declaration, like the usual spelling after a declarator.
 */
void netstack_kick(int *v);

int leading(int n)
{
	int a; int *_dss_a = (int *)((uintptr_t)&a + STACK_SIZE); *_dss_a = n;
	__attribute__((section(".data_shared"))) static int calls;
	int b; int *_dss_b = (int *)((uintptr_t)&b + STACK_SIZE); int c; int *_dss_c = (int *)((uintptr_t)&c + STACK_SIZE); *_dss_c = 2;

	(*_dss_b) = 1;
	flexos_cheri_gate(0, 1, netstack_kick, &(*_dss_a));
	if (n > 0) {
		__attribute__((unused)) int d; int *_dss_d = (int *)((uintptr_t)&d + STACK_SIZE); *_dss_d = (*_dss_a);

		flexos_cheri_gate(0, 1, netstack_kick, &(*_dss_d));
		(*_dss_a) += (*_dss_d);
	}
	calls++;
	return (*_dss_a) + (*_dss_b) + (*_dss_c) + calls;
}
