/*
 * flexos_whitelist written before the specifiers inside a function applies to every
 * declarator of the declaration, like the usual spelling after a declarator.
 */
void netstack_kick(int *v);

int leading(int n)
{
	int a = n;
	static int calls;
	int b, c = 2;

	b = 1;
	flexos_nop_gate(0, 1, netstack_kick, &a);
	if (n > 0) {
		__attribute__((unused)) int d = a;

		flexos_nop_gate(0, 1, netstack_kick, &d);
		a += d;
	}
	calls++;
	return a + b + c + calls;
}
