/*
 * const on shared data: only the object's own const goes (it is stored through a pointer,
 * or shares .data_shared with writable data); what a pointer points to stays const.
 */
void netstack_k(const char **p);
static const char msg[] = "hi";

const char *g_name __attribute__((section(".data_shared"))) = msg;
const char *g_fixed __attribute__((section(".data_shared"))) = msg;
char *g_slots[2] __attribute__((section(".data_shared"))) = { 0, 0 };

int f(const char *in)
{
	const char *p; const char **_dss_p = (const char **)((uintptr_t)&p + STACK_SIZE); *_dss_p = in;
	const char *q; const char **_dss_q = (const char **)((uintptr_t)&q + STACK_SIZE); *_dss_q = msg;
	int n; int *_dss_n = (int *)((uintptr_t)&n + STACK_SIZE); *_dss_n = 2; int m = 3;
	char const *r; char const **_dss_r = (char const **)((uintptr_t)&r + STACK_SIZE); *_dss_r = in; char const *s = in;
	const char *list[2] = { "a", "b" }; const char *(*_dss_list)[2] = (const char *(*)[2])((uintptr_t)&list + STACK_SIZE); __builtin_memcpy(*_dss_list, list, sizeof(list));

	flexos_intelpku_gate(0, 1, netstack_k, &(*_dss_p));
	flexos_intelpku_gate(0, 1, netstack_k, &(*_dss_q));
	return (*_dss_p)[0] + (*_dss_q)[1] + (*_dss_n) + m + (*_dss_r)[0] + s[0] + (*_dss_list)[1][0] + g_name[0] + g_fixed[0] + !g_slots[0];
}
