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
	quad q = { 1, 2, 3, 4 };
	name_t nm = "abc";
	pair_t pr = { 7, 8 };
	struct { int a, b; } anon = { 5, 6 };
	struct { int a, b; } plain;
	union { int i; char c; } un[2] = { { 1 }, { 2 } };
	struct pt { int x, y; } p = { .x = 1, .y = 2 };
	__typeof__(q) q2 = { 9 };

	plain.a = 3;
	flexos_nop_gate(0, 1, netstack_k, &q);
	flexos_nop_gate(0, 1, netstack_k, &anon);
	flexos_nop_gate(0, 1, netstack_k, &un);
	return q[2] + (int)sizeof q + nm[1] + pr.b + anon.b + plain.a + un[1].i + p.y + q2[0] +
	       (int)sizeof(struct pt);
}
