/* Stand-in for a build's uk/config.h: the options the lwip case compiles with (see ../README.md). */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H
#define CONFIG_LWIP_UKNETDEV 1
#define CONFIG_LWIP_AUTOIFACE 1
#define CONFIG_LWIP_NETIF_STATUS_PRINT 1
#define CONFIG_LIBFLEXOS_INTELPKU 1
#endif
