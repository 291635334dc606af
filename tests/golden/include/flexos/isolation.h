/* Stand-in for FlexOS's flexos/isolation.h (see ../README.md). */
#ifndef FLEXOS_ISOLATION_H
#define FLEXOS_ISOLATION_H
#include <uk/essentials.h>
#include <uk/alloc.h>
#endif
