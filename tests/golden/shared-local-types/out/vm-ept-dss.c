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
	quad *q = uk_malloc(flexos_shared_alloc, sizeof(quad)); __builtin_memcpy(q, &(quad){ 1, 2, 3, 4 }, sizeof(quad));
	name_t *nm = uk_malloc(flexos_shared_alloc, sizeof(name_t)); __builtin_memcpy(nm, &(name_t){"abc"}, sizeof(name_t));
	pair_t *pr = uk_malloc(flexos_shared_alloc, sizeof(pair_t)); __builtin_memcpy(pr, &(pair_t){ 7, 8 }, sizeof(pair_t));
	struct { int a, b; } *anon = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*anon))); *anon = (__typeof__(*anon)){ 5, 6 };
	struct { int a, b; } *plain = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*plain)));
	union { int i; char c; } (*un)[2] = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*un))); __builtin_memcpy(*un, (__typeof__(*un)){ { 1 }, { 2 } }, sizeof(__typeof__(*un)));
	struct pt { int x, y; } *p = uk_malloc(flexos_shared_alloc, sizeof(struct pt)); *p = (struct pt){ .x = 1, .y = 2 };
	__typeof__((*q)) *q2 = uk_malloc(flexos_shared_alloc, sizeof(__typeof__(*q2))); __builtin_memcpy(q2, &(__typeof__(*q2)){ 9 }, sizeof(__typeof__(*q2)));

	(*plain).a = 3;
	flexos_vmept_gate(0, 1, netstack_k, &(*q));
	flexos_vmept_gate(0, 1, netstack_k, &(*anon));
	flexos_vmept_gate(0, 1, netstack_k, &(*un));
	{ int _flexos_ret = (*q)[2] + (int)sizeof (*q) + (*nm)[1] + (*pr).b + (*anon).b + (*plain).a + (*un)[1].i + (*p).y + (*q2)[0] +
	       (int)sizeof(struct pt); uk_free(flexos_shared_alloc, q2); uk_free(flexos_shared_alloc, p); uk_free(flexos_shared_alloc, un); uk_free(flexos_shared_alloc, plain); uk_free(flexos_shared_alloc, anon); uk_free(flexos_shared_alloc, pr); uk_free(flexos_shared_alloc, nm); uk_free(flexos_shared_alloc, q); return _flexos_ret; }
}
