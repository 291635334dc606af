/*
 * Defects 2 and 4 of the original rules: sizeof of a shared local array became the size of a
 * pointer, and a shared local array with an initializer did not compile.
 */
#include <stddef.h>

int netstack_send(int fd, const char *buf, size_t len);

size_t send_all(int fd)
{
	char (*buf)[64] = uk_malloc(flexos_shared_alloc, sizeof(char [64]));
	char (*greeting)[sizeof("hi there")] = uk_malloc(flexos_shared_alloc, sizeof(char [sizeof("hi there")])); __builtin_memcpy(*greeting, (char [sizeof("hi there")]){"hi there"}, sizeof(char [sizeof("hi there")]));
	int (*ports)[4] = uk_malloc(flexos_shared_alloc, sizeof(int [4])); __builtin_memcpy(*ports, (int [4]){ 80, 443 }, sizeof(int [4]));
	long (*ids)[3] = uk_malloc(flexos_shared_alloc, sizeof(long [3])); __builtin_memcpy(*ids, (long [3]){ 1, 2, 3 }, sizeof(long [3]));
	char *(*names)[2] = uk_malloc(flexos_shared_alloc, sizeof(char *[2]));
	size_t total = 0;
	int rc;

	(*buf)[0] = (*greeting)[0];
	(*names)[0] = (*buf);
	(*names)[1] = (*greeting);
	flexos_vmept_gate_r(0, 1, rc, netstack_send, fd, (*buf), sizeof((*buf)));
	flexos_vmept_gate_r(0, 1, rc, netstack_send, fd, (*greeting), sizeof (*greeting) - 1);
	flexos_vmept_gate_r(0, 1, rc, netstack_send, fd, (const char *)(*ports), sizeof((*ports)));
	total += sizeof((*buf)) + sizeof((*greeting)) + sizeof((*ports)) / sizeof((*ports)[0]) + sizeof((*ids));
	total += (size_t)(*ids)[2] + (size_t)(*names)[1][0];
	{ size_t _flexos_ret = total + (size_t)rc; uk_free(flexos_shared_alloc, names); uk_free(flexos_shared_alloc, ids); uk_free(flexos_shared_alloc, ports); uk_free(flexos_shared_alloc, greeting); uk_free(flexos_shared_alloc, buf); return _flexos_ret; }
}
