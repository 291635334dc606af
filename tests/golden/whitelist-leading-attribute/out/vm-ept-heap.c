/*
 * flexos_whitelist written before the specifiers inside a function applies to every
 * declarator of the declaration, like the usual spelling after a declarator.
 */
void netstack_kick(int *v);

int leading(int n)
{
	int *a = uk_malloc(flexos_shared_alloc, sizeof(int)); *a = n;
	__attribute__((section(".data_shared"))) static int calls;
	int *b = uk_malloc(flexos_shared_alloc, sizeof(int)); int *c = uk_malloc(flexos_shared_alloc, sizeof(int)); *c = 2;

	(*b) = 1;
	flexos_vmept_gate(0, 1, netstack_kick, &(*a));
	if (n > 0) {
		__attribute__((unused)) int *d = uk_malloc(flexos_shared_alloc, sizeof(int)); *d = (*a);

		flexos_vmept_gate(0, 1, netstack_kick, &(*d));
		(*a) += (*d);
		uk_free(flexos_shared_alloc, d);
	}
	calls++;
	{ int _flexos_ret = (*a) + (*b) + (*c) + calls; uk_free(flexos_shared_alloc, c); uk_free(flexos_shared_alloc, b); uk_free(flexos_shared_alloc, a); return _flexos_ret; }
}
