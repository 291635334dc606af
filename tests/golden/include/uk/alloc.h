/* Stand-in for Unikraft's uk/alloc.h (see ../README.md). */
#ifndef UK_ALLOC_H
#define UK_ALLOC_H
#include <stddef.h>
struct uk_alloc;
struct uk_alloc *uk_alloc_get_default(void);
void *uk_malloc(struct uk_alloc *a, size_t size);
void uk_free(struct uk_alloc *a, void *ptr);
#endif
