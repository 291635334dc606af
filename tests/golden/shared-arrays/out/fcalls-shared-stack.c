/*
 * Defects 2 and 4 of the original rules: sizeof of a shared local array became the size of a
 * pointer, and a shared local array with an initializer did not compile.
 */
#include <stddef.h>

int netstack_send(int fd, const char *buf, size_t len);

size_t send_all(int fd)
{
	char buf[64];
	char greeting[] = "hi there";
	int ports[4] = { 80, 443 };
	long ids[] = { 1, 2, 3 };
	char *names[2];
	size_t total = 0;
	int rc;

	buf[0] = greeting[0];
	names[0] = buf;
	names[1] = greeting;
	flexos_nop_gate_r(0, 1, rc, netstack_send, fd, buf, sizeof(buf));
	flexos_nop_gate_r(0, 1, rc, netstack_send, fd, greeting, sizeof greeting - 1);
	flexos_nop_gate_r(0, 1, rc, netstack_send, fd, (const char *)ports, sizeof(ports));
	total += sizeof(buf) + sizeof(greeting) + sizeof(ports) / sizeof(ports[0]) + sizeof(ids);
	total += (size_t)ids[2] + (size_t)names[1][0];
	return total + (size_t)rc;
}
