/*
 * const on shared data: only the object's own const goes (it is stored through a pointer,
 * or shares .data_shared with writable data); what a pointer points to stays const.
 */
void netstack_k(const char **p);
static const char msg[] = "hi";

const char *g_name = msg;
const char *const g_fixed = msg;
char *const g_slots[2] = { 0, 0 };

int f(const char *in)
{
	const char *p = in;
	const char *const q = msg;
	const int n = 2, m = 3;
	char const *const r = in, *s = in;
	const char *const list[2] = { "a", "b" };

	flexos_nop_gate(0, 1, netstack_k, &p);
	flexos_nop_gate(0, 1, netstack_k, &q);
	return p[0] + q[1] + n + m + r[0] + s[0] + list[1][0] + g_name[0] + g_fixed[0] + !g_slots[0];
}
