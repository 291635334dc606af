/*
 * Defects 2 and 4 of the original rules: sizeof of a shared local array became the size of a
 * pointer, and a shared local array with an initializer did not compile.
 */
#include <stddef.h>

int netstack_send(int fd, const char *buf, size_t len);

size_t send_all(int fd)
{
	char buf[64]; char (*_dss_buf)[64] = (char (*)[64])((uintptr_t)&buf + STACK_SIZE);
	char greeting[sizeof("hi there")] = "hi there"; char (*_dss_greeting)[sizeof("hi there")] = (char (*)[sizeof("hi there")])((uintptr_t)&greeting + STACK_SIZE); __builtin_memcpy(*_dss_greeting, greeting, sizeof(greeting));
	int ports[4] = { 80, 443 }; int (*_dss_ports)[4] = (int (*)[4])((uintptr_t)&ports + STACK_SIZE); __builtin_memcpy(*_dss_ports, ports, sizeof(ports));
	long ids[3] = { 1, 2, 3 }; long (*_dss_ids)[3] = (long (*)[3])((uintptr_t)&ids + STACK_SIZE); __builtin_memcpy(*_dss_ids, ids, sizeof(ids));
	char *names[2]; char *(*_dss_names)[2] = (char *(*)[2])((uintptr_t)&names + STACK_SIZE);
	size_t total = 0;
	int rc;

	(*_dss_buf)[0] = (*_dss_greeting)[0];
	(*_dss_names)[0] = (*_dss_buf);
	(*_dss_names)[1] = (*_dss_greeting);
	flexos_intelpku_gate_r(0, 1, rc, netstack_send, fd, (*_dss_buf), sizeof((*_dss_buf)));
	flexos_intelpku_gate_r(0, 1, rc, netstack_send, fd, (*_dss_greeting), sizeof (*_dss_greeting) - 1);
	flexos_intelpku_gate_r(0, 1, rc, netstack_send, fd, (const char *)(*_dss_ports), sizeof((*_dss_ports)));
	total += sizeof((*_dss_buf)) + sizeof((*_dss_greeting)) + sizeof((*_dss_ports)) / sizeof((*_dss_ports)[0]) + sizeof((*_dss_ids));
	total += (size_t)(*_dss_ids)[2] + (size_t)(*_dss_names)[1][0];
	return total + (size_t)rc;
}
