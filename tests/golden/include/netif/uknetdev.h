/* Stand-in for lib-lwip's netif/uknetdev.h (see ../README.md). */
#ifndef NETIF_UKNETDEV_H
#define NETIF_UKNETDEV_H
struct uk_netdev;
struct netif *uknetdev_addif(struct uk_netdev *dev, const ip4_addr_t *ip, const ip4_addr_t *mask,
			     const ip4_addr_t *gw);
#endif
