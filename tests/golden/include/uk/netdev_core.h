/* Stand-in for Unikraft's uk/netdev_core.h (see ../README.md). */
#ifndef UK_NETDEV_CORE_H
#define UK_NETDEV_CORE_H
struct uk_netdev;
enum uk_netdev_state { UK_NETDEV_UNCONFIGURED, UK_NETDEV_CONFIGURED, UK_NETDEV_RUNNING };
enum uk_netdev_einfo_type { UK_NETDEV_IPV4_ADDR_STR, UK_NETDEV_IPV4_MASK_STR, UK_NETDEV_IPV4_GW_STR };
unsigned int uk_netdev_count(void);
struct uk_netdev *uk_netdev_get(unsigned int id);
enum uk_netdev_state uk_netdev_state_get(struct uk_netdev *dev);
char *uk_netdev_einfo_get(struct uk_netdev *dev, enum uk_netdev_einfo_type einfo);
#endif
