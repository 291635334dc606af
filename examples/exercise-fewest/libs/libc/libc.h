/*
 * libc: the few C library routines minikv needs, under names of their own.
 *
 * The allocator hands out memory from one arena that is shared with every compartment
 * (see libc.c), so any component may use what mini_malloc() returns. The string and memory
 * routines touch exactly the bytes they are pointed at: a caller in another compartment must
 * pass pointers to shared memory.
 */
#ifndef MINI_LIBC_H
#define MINI_LIBC_H

#include <stddef.h>

void *mini_malloc(size_t size);
void mini_free(void *ptr);
void *mini_memcpy(void *dst, const void *src, size_t n);
void *mini_memset(void *dst, int c, size_t n);
int mini_memcmp(const void *a, const void *b, size_t n);
size_t mini_strlen(const char *s);
int mini_strcmp(const char *a, const char *b);

#endif /* MINI_LIBC_H */
