/* Gates are statements: used as a value they are an error; malformed gates too. */
int narrow(int a);

int misuse(void)
{
	int r = 0;

	r = flexos_gate(libnetstack, narrow, 1);
	if (r)
		(void)flexos_gate_r(libnetstack, r, narrow, 2);
	flexos_gate(libnetstack);
	flexos_gate_r("libnetstack", r, narrow, 3);
	return r;
}
