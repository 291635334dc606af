/* A gate passes at most six arguments: seven is an error (instantiated all the same). */
int wide(int a, int b, int c, int d, int e, int f, int g);

int call_wide(void)
{
	int r;

	flexos_nop_gate_r(0, 1, r, wide, 1, 2, 3, 4, 5, 6, 7);
	return r;
}
