/*
 * The server loop of FlexOS's iperf library, as ported to FlexOS (shared locals, a shared
 * receive buffer from the allocation placeholder, gates into lwip and newlib, shared string
 * literals), rewritten as a test case from project-flexos/lib-iperf, server.c.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <uk/assert.h>
#include <unistd.h>
#include <errno.h>
#include <flexos/isolation.h>

#define IPERF_PORT 12345
#define RECV_BUF_SIZE (1024 * 512)

int run_server(int recv_size)
{
	int sockfd, connfd, rc;
	int len;
	struct sockaddr_in cli;
	struct sockaddr_in servaddr;
	char *buf = uk_malloc(flexos_shared_alloc, RECV_BUF_SIZE * sizeof(char));

	flexos_cheri_gate_r(1, 0, sockfd, socket, AF_INET, SOCK_STREAM, 0);
	if (sockfd == -1) {
		flexos_cheri_gate(1, 0, printf, ({ static char __attribute__((section(".data_shared"))) _flexos_lit0[] = "Socket failed\n"; _flexos_lit0; }));
		return 0;
	}

	/* plain stores into a shared struct: no gate */
	for (size_t i = 0; i < sizeof(servaddr); i++)
		((char *) &servaddr)[i] = 0;

	servaddr.sin_family = AF_INET;
	/* htonl and htons are macros computing values: no gates here either */
	servaddr.sin_addr.s_addr = htonl(INADDR_ANY);
	servaddr.sin_port = htons(IPERF_PORT);

	flexos_cheri_gate_r(1, 0, rc, bind, sockfd, (struct sockaddr *) &servaddr, sizeof(servaddr));
	if (rc != 0) {
		flexos_cheri_gate(1, 0, printf, ({ static char __attribute__((section(".data_shared"))) _flexos_lit1[] = "Bind failed\n"; _flexos_lit1; }));
		return 0;
	}

	flexos_cheri_gate_r(1, 0, rc, listen, sockfd, 5);
	if (rc != 0) {
		flexos_cheri_gate(1, 0, printf, ({ static char __attribute__((section(".data_shared"))) _flexos_lit2[] = "Listen failed\n"; _flexos_lit2; }));
		return 0;
	}

	len = sizeof(cli);
	flexos_cheri_gate_r(1, 0, connfd, accept, sockfd, (struct sockaddr *) &cli, (socklen_t *) &len);
	if (connfd < 0) {
		flexos_cheri_gate(1, 0, printf, ({ static char __attribute__((section(".data_shared"))) _flexos_lit3[] = "Accept failed\n"; _flexos_lit3; }));
		return 0;
	}

	while (1) {
		flexos_cheri_gate_r(1, 0, rc, recv, connfd, buf, recv_size, 0);
		if (rc < 0) {
			flexos_cheri_gate(1, 0, printf, ({ static char __attribute__((section(".data_shared"))) _flexos_lit4[] = "Read failed with %d\n"; _flexos_lit4; }), rc);
			break;
		}
	}

	uk_free(flexos_shared_alloc, buf);
	return 0;
}
