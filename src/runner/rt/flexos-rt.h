/*
 * flexos-rt.h: what the runtime's own files (isolation.c, start.c) share; not for programs.
 */
#ifndef FLEXOS_RT_H
#define FLEXOS_RT_H

#include <stdint.h>

/* Where compartment `comp`'s private heap lies: [start, start + span). */
uintptr_t flexos_heap_start(int comp);
uintptr_t flexos_heap_span(void);

/* vm-ept: makes the heaps' bookkeeping and the shared heap shared memory (before fork). */
void flexos_share_heaps(void);

/* Replaces [start, end) (page-aligned) by shared memory holding the same bytes. */
void flexos_share_range(uintptr_t start, uintptr_t end);

#endif /* FLEXOS_RT_H */
