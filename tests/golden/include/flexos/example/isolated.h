/* Stand-in for flexos/example/isolated.h of lib-flexos-example (see ../../README.md). */
#ifndef FLEXOS_EXAMPLE_ISOLATED_H
#define FLEXOS_EXAMPLE_ISOLATED_H
int function1(char *buf);
#endif
