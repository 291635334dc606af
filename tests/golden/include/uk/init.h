/* Stand-in for Unikraft's uk/init.h (see ../README.md). */
#ifndef UK_INIT_H
#define UK_INIT_H
typedef int (*uk_init_func_t)(void);
#define uk_lib_initcall(fn) \
	static const uk_init_func_t __uk_initcall_##fn __attribute__((used, section(".uk_inittab"))) = (fn)
#endif
