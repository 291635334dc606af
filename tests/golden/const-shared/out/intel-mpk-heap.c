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
	const char **p = uk_malloc(flexos_shared_alloc, sizeof(const char *)); *p = in;
	const char **q = uk_malloc(flexos_shared_alloc, sizeof(const char *)); *q = msg;
	int *n = uk_malloc(flexos_shared_alloc, sizeof(int)); *n = 2; int m = 3;
	char const **r = uk_malloc(flexos_shared_alloc, sizeof(char const *)); *r = in; char const *s = in;
	const char *(*list)[2] = uk_malloc(flexos_shared_alloc, sizeof(const char *[2])); __builtin_memcpy(*list, (const char *[2]){ "a", "b" }, sizeof(const char *[2]));

	flexos_intelpku_gate(0, 1, netstack_k, &(*p));
	flexos_intelpku_gate(0, 1, netstack_k, &(*q));
	{ int _flexos_ret = (*p)[0] + (*q)[1] + (*n) + m + (*r)[0] + s[0] + (*list)[1][0] + g_name[0] + g_fixed[0] + !g_slots[0]; uk_free(flexos_shared_alloc, list); uk_free(flexos_shared_alloc, r); uk_free(flexos_shared_alloc, n); uk_free(flexos_shared_alloc, q); uk_free(flexos_shared_alloc, p); return _flexos_ret; }
}
