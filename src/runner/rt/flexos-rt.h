/*
 * flexos-rt.h: what the runtime's own files (isolation.c, start.c) share; not for programs.
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

#endif /* FLEXOS_RT_H */
