/* Stand-in for Unikraft's uk/essentials.h: its attribute-like macros (see ../README.md). */
#ifndef UK_ESSENTIALS_H
#define UK_ESSENTIALS_H
#define __unused __attribute__((unused))
#define __maybe_unused __attribute__((unused))
#define __used __attribute__((used))
#define __packed __attribute__((packed))
#define __noreturn __attribute__((noreturn))
#define __weak __attribute__((weak))
#define __section(s) __attribute__((section(s)))
#define __align(bytes) __attribute__((aligned(bytes)))
#define __printf(fmt, args) __attribute__((format(printf, (fmt), (args))))
#endif
