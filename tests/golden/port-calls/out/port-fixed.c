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
#define LOG(s) flexos_gate(libnewlib, log_msg, s)
#define CHECK(x) do { if ((x) < 0) return -1; } while (0)

static int helper(int x) { return x + 1; }

int serve(int fd, int (*cb)(int))
{
	char buf[64] __attribute__((flexos_whitelist));
	int n;
	flexos_gate_r(libnetstack, n, recv, fd, buf, sizeof(buf));
	int total = 0;
	struct pkt p = { 1 };
	flexos_gate_r(libnetstack, n, recv, fd, buf, 10);
	flexos_gate(libnetstack, recv, fd, buf,
	     20);
	int _flexos_r0;
	flexos_gate_r(libnetstack, _flexos_r0, recv, fd, buf, 3);
	if (_flexos_r0 < 0)
		{ int _flexos_r1;
		flexos_gate_r(libnetstack, _flexos_r1, send, fd, FLEXOS_SHARED_LITERAL("err"), 3);
		return _flexos_r1; }
	while (({ int _flexos_r2; flexos_gate_r(libnetstack, _flexos_r2, recv, fd, buf, 1); _flexos_r2; }) > 0 && helper(n))
		total++;
	int _flexos_r3;
	flexos_gate_r(libnetstack, _flexos_r3, send, fd, buf, n);
	total += helper(_flexos_r3);
	LOG("hello");
	CHECK(({ int _flexos_r4; flexos_gate_r(libnetstack, _flexos_r4, send, fd, buf, 2); _flexos_r4; }));
	cb(3);
	take_pkt(p);
	many(1, 2, 3, 4, 5, 6, 7);
	flexos_gate(libnetstack, send, fd, buf, 1);
	int _flexos_r5;
	flexos_gate_r(libnetstack, _flexos_r5, recv, fd, buf, 1);
	for (int i = _flexos_r5; i < 3; i += ({ int _flexos_r6; flexos_gate_r(libnetstack, _flexos_r6, send, fd, buf, 1); _flexos_r6; }))
		;
	int _flexos_r7;
	flexos_gate_r(libnetstack, _flexos_r7, send, fd, buf, 0);
	switch (_flexos_r7) {
	case 0:
		{ int _flexos_r8;
		flexos_gate_r(libnetstack, _flexos_r8, recv, fd, buf, 1);
		return _flexos_r8 ? 1 : 0; }
	default:
		break;
	}
	total = helper(total) > 0 ? ({ int _flexos_r9; flexos_gate_r(libnetstack, _flexos_r9, recv, fd, buf, 2); _flexos_r9; }) : ({ int _flexos_r10; flexos_gate_r(libnetstack, _flexos_r10, send, fd, buf, 2); _flexos_r10; });
	return sizeof(recv(fd, buf, 1)) + total;
}
