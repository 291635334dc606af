/*
 * const on shared data: only the object's own const goes (it is stored through a pointer,
 * or shares .data_shared with writable data); what a pointer points to stays const.
 */
void netstack_k(const char **p);
static const char msg[] = "hi";

const char *g_name __attribute__((flexos_whitelist)) = msg;
const char *const g_fixed __attribute__((flexos_whitelist)) = msg;
char *const g_slots[2] __attribute__((flexos_whitelist)) = { 0, 0 };

int f(const char *in)
{
	const char *p __attribute__((flexos_whitelist)) = in;
	const char *const q __attribute__((flexos_whitelist)) = msg;
	const int n __attribute__((flexos_whitelist)) = 2, m = 3;
	char const *const r __attribute__((flexos_whitelist)) = in, *s = in;
	const char *const list[2] __attribute__((flexos_whitelist)) = { "a", "b" };

	flexos_gate(libnetstack, netstack_k, &p);
	flexos_gate(libnetstack, netstack_k, &q);
	return p[0] + q[1] + n + m + r[0] + s[0] + list[1][0] + g_name[0] + g_fixed[0] + !g_slots[0];
}
