/*
 * A callback attribute on a prototype of a function defined elsewhere: no wrapper can be
 * written here, so the attribute is dropped with a warning (not silently).
 */
void netstack_set_rx(int (*fn)(int));

int on_rx(int n);

void setup(void)
{
	flexos_intelpku_gate(0, 1, netstack_set_rx, on_rx);
}
