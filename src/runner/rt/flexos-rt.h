/*
 * flexos-rt.h: what the runtime's own files (isolation.c, heap-alloc.c, start.c) share; not for programs.
 */
#ifndef FLEXOS_RT_H
#define FLEXOS_RT_H

#include <stddef.h>
#include <stdint.h>

/* Where compartment `comp`'s private heap lies: [start, start + span). */
uintptr_t flexos_heap_start(int comp);
uintptr_t flexos_heap_span(void);

/* The end of what compartment `comp`'s heap has mapped so far. */
uintptr_t flexos_heap_mapped_end(int comp);

/* Called when compartment `comp`'s heap maps more pages (MPK tags them with its key). */
extern void (*flexos_heap_grown)(int comp, void *addr, size_t len);

/* vm-ept: makes the heaps' bookkeeping and the shared heap shared memory (before fork). */
void flexos_share_heaps(void);

/* Replaces [start, end) (page-aligned) by shared memory holding the same bytes. */
void flexos_share_range(uintptr_t start, uintptr_t end);

/* A block of a heap, for fault reports. */
struct flexos_block {
	uintptr_t start; /* its first byte */
	size_t size;	 /* the size asked for */
	uintptr_t site;	 /* the return address of the call that allocated it */
	int live;	 /* not freed */
};

/*
 * The block of compartment `comp`'s heap that holds `addr`, or whose end `addr` is past:
 * 1 and `*out` filled, else 0. Reads the heap's headers, so the caller must be able to.
 */
int flexos_heap_block(int comp, uintptr_t addr, struct flexos_block *out);

#endif /* FLEXOS_RT_H */
