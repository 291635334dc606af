/* Stand-in for lwIP's headers as lib-lwip's init.c uses them (see ../README.md). */
#ifndef LWIP_OPT_H
#define LWIP_OPT_H
#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_DHCP 1
#define LWIP_NETIF_EXT_STATUS_CALLBACK 1
#define IP_CLASSC_NET 0xffffff00UL
typedef struct { unsigned int addr; } ip4_addr_t;
typedef ip4_addr_t ip_addr_t;
struct netif {
	char name[2];
	unsigned char num;
	ip_addr_t ip_addr, netmask, gw;
};
typedef unsigned short netif_nsc_reason_t;
#define LWIP_NSC_NETIF_ADDED 0x0001
#define LWIP_NSC_NETIF_REMOVED 0x0002
#define LWIP_NSC_LINK_CHANGED 0x0004
#define LWIP_NSC_STATUS_CHANGED 0x0008
#define LWIP_NSC_IPV4_ADDRESS_CHANGED 0x0010
#define LWIP_NSC_IPV4_GATEWAY_CHANGED 0x0020
#define LWIP_NSC_IPV4_NETMASK_CHANGED 0x0040
#define LWIP_NSC_IPV4_SETTINGS_CHANGED 0x0080
typedef union {
	struct { unsigned char state; } link_changed;
	struct { unsigned char state; } status_changed;
} netif_ext_callback_args_t;
typedef void (*netif_ext_callback_fn)(struct netif *netif, netif_nsc_reason_t reason,
				      const netif_ext_callback_args_t *args);
typedef struct netif_ext_callback {
	netif_ext_callback_fn callback_fn;
} netif_ext_callback_t;
#define NETIF_DECLARE_EXT_CALLBACK(name) static netif_ext_callback_t name;
void netif_add_ext_callback(netif_ext_callback_t *callback, netif_ext_callback_fn fn);
char *ipaddr_ntoa_r(const ip_addr_t *addr, char *buf, int buflen);
int ip4addr_aton(const char *cp, ip4_addr_t *addr);
#define ip4_addr_set_u32(dest, src) ((dest)->addr = (src))
unsigned int lwip_htonl(unsigned int x);
void lwip_init(void);
void tcpip_init(void (*done)(void *), void *arg);
void netif_set_default(struct netif *netif);
void netif_set_up(struct netif *netif);
int dhcp_start(struct netif *netif);
#endif
