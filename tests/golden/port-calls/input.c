/*
 * port: every shape of call into another library. Statements, assignments, initialized
 * declarations, conditions, returns (wrapped in braces when needed), loop conditions and
 * for-loop headers, arguments of other calls and of macros, macro bodies, sizeof (untouched),
 * indirect calls, seven arguments and a struct by value (diagnostics, left as they are).
 */
#include <stddef.h>
int recv(int fd, char *buf, int n);
int send(int fd, const char *buf, int n);
void log_msg(const char *s);
struct pkt { int a; };
int take_pkt(struct pkt p);
int many(int a, int b, int c, int d, int e, int f, int g);
#define LOG(s) log_msg(s)
#define CHECK(x) do { if ((x) < 0) return -1; } while (0)

static int helper(int x) { return x + 1; }

int serve(int fd, int (*cb)(int))
{
	char buf[64];
	int n = recv(fd, buf, sizeof(buf));
	int total = 0;
	struct pkt p = { 1 };
	n = recv(fd, buf, 10);
	recv(fd, buf,
	     20);
	if (recv(fd, buf, 3) < 0)
		return send(fd, "err", 3);
	while (recv(fd, buf, 1) > 0 && helper(n))
		total++;
	total += helper(send(fd, buf, n));
	LOG("hello");
	CHECK(send(fd, buf, 2));
	cb(3);
	take_pkt(p);
	many(1, 2, 3, 4, 5, 6, 7);
	(void)send(fd, buf, 1);
	for (int i = recv(fd, buf, 1); i < 3; i += send(fd, buf, 1))
		;
	switch (send(fd, buf, 0)) {
	case 0:
		return recv(fd, buf, 1) ? 1 : 0;
	default:
		break;
	}
	total = helper(total) > 0 ? recv(fd, buf, 2) : send(fd, buf, 2);
	return sizeof(recv(fd, buf, 1)) + total;
}
