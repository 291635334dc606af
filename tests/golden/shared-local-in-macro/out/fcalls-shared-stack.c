/*
 * Macro bodies are text: a shared local named in a macro used in its scope cannot be
 * rewritten there, so it is an error (in heap and dss mode, where uses are rewritten).
 * A macro parameter, a member or a string of the same name is not the local.
 */
void netstack_kick(int *v);
struct s { int len; };

#define BUMP() (len += 1)
#define TWICE(len) ((len) * 2)
#define FIELD(p) ((p)->len + sizeof("len"))
#define UNUSED_HERE (len - 1)

int use(struct s *p)
{
	int len = 1;

	flexos_nop_gate(0, 1, netstack_kick, &len);
	BUMP();
	return TWICE(len) + (int)FIELD(p);
}

int other(void)
{
	int len = 2;
	int k = UNUSED_HERE;

	return k;
}
