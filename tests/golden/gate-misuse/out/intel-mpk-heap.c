/* Gates are statements: used as a value they are an error; malformed gates too. */
int narrow(int a);

int misuse(void)
{
	int r = 0;

	r = flexos_intelpku_gate(0, 1, narrow, 1);
	if (r)
		(void)flexos_intelpku_gate_r(0, 1, r, narrow, 2);
	flexos_gate(libnetstack);
	flexos_gate_r("libnetstack", r, narrow, 3);
	return r;
}
