/*
 * Shared locals whose type hides its shape: a typedef'd array (cannot be assigned: copied in),
 * an anonymous struct (writing it again makes another type: __typeof__ names it), a struct
 * defined in the declaration (named by its tag), typedef'd and typeof'd initializers.
 */
void netstack_k(void *p);
typedef int quad[4];
typedef char name_t[8];
typedef struct { int a, b; } pair_t;

int shapes(void)
{
	quad q = { 1, 2, 3, 4 }; quad *_dss_q = (quad *)((uintptr_t)&q + STACK_SIZE); __builtin_memcpy(_dss_q, &q, sizeof(q));
	name_t nm = "abc"; name_t *_dss_nm = (name_t *)((uintptr_t)&nm + STACK_SIZE); __builtin_memcpy(_dss_nm, &nm, sizeof(nm));
	pair_t pr = { 7, 8 }; pair_t *_dss_pr = (pair_t *)((uintptr_t)&pr + STACK_SIZE); __builtin_memcpy(_dss_pr, &pr, sizeof(pr));
	struct { int a, b; } anon; __typeof__(anon) *_dss_anon = (__typeof__(anon) *)((uintptr_t)&anon + STACK_SIZE); *_dss_anon = (__typeof__(anon)){ 5, 6 };
	struct { int a, b; } plain; __typeof__(plain) *_dss_plain = (__typeof__(plain) *)((uintptr_t)&plain + STACK_SIZE);
	union { int i; char c; } un[2] = { { 1 }, { 2 } }; __typeof__(un) *_dss_un = (__typeof__(un) *)((uintptr_t)&un + STACK_SIZE); __builtin_memcpy(*_dss_un, un, sizeof(un));
	struct pt { int x, y; } p; struct pt *_dss_p = (struct pt *)((uintptr_t)&p + STACK_SIZE); *_dss_p = (struct pt){ .x = 1, .y = 2 };
	__typeof__((*_dss_q)) q2 = { 9 }; __typeof__(q2) *_dss_q2 = (__typeof__(q2) *)((uintptr_t)&q2 + STACK_SIZE); __builtin_memcpy(_dss_q2, &q2, sizeof(q2));

	(*_dss_plain).a = 3;
	flexos_intelpku_gate(0, 1, netstack_k, &(*_dss_q));
	flexos_intelpku_gate(0, 1, netstack_k, &(*_dss_anon));
	flexos_intelpku_gate(0, 1, netstack_k, &(*_dss_un));
	return (*_dss_q)[2] + (int)sizeof (*_dss_q) + (*_dss_nm)[1] + (*_dss_pr).b + (*_dss_anon).b + (*_dss_plain).a + (*_dss_un)[1].i + (*_dss_p).y + (*_dss_q2)[0] +
	       (int)sizeof(struct pt);
}
