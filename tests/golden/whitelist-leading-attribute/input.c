/*
 * flexos_whitelist written before the specifiers inside a function applies to every
 * declarator of the declaration, like the usual spelling after a declarator.
 */
void netstack_kick(int *v);

int leading(int n)
{
	__attribute__((flexos_whitelist)) int a = n;
	__attribute__((flexos_whitelist)) static int calls;
	__attribute__((flexos_whitelist)) int b, c = 2;

	b = 1;
	flexos_gate(libnetstack, netstack_kick, &a);
	if (n > 0) {
		__attribute__((flexos_whitelist, unused)) int d = a;

		flexos_gate(libnetstack, netstack_kick, &d);
		a += d;
	}
	calls++;
	return a + b + c + calls;
}
