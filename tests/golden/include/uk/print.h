/* Stand-in for Unikraft's uk/print.h (see ../README.md). */
#ifndef UK_PRINT_H
#define UK_PRINT_H
int uk_pr_info(const char *fmt, ...);
int uk_pr_err(const char *fmt, ...);
#endif
