/*
 * The runner's FlexOS runtime for a Linux process: the shared heap and one private heap per
 * compartment (flexos/isolation.h), their table, and, for vm-ept, making the shared heap
 * shared memory. The allocator itself is heap-alloc.c.
 *
 * Each heap owns a fixed, page-aligned address range of its own, mapped on demand, so that an
 * address alone says which heap (and so which compartment) it belongs to, and so that a later
 * process-per-compartment target can map the shared heap at the same address in every
 * process. Ranges are only mapped as they fill: RLIMIT_AS counts mapped memory, not the span.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "flexos-rt.h"
#include "heap.h"

union flexos_heap_table flexos_heap_table __attribute__((aligned(4096)));

struct uk_alloc *flexos_shared_alloc = HEAP(0);
struct uk_alloc *flexos_comp0_alloc = HEAP(1);
struct uk_alloc *flexos_comp1_alloc = HEAP(2);
struct uk_alloc *flexos_comp2_alloc = HEAP(3);
struct uk_alloc *flexos_comp3_alloc = HEAP(4);
struct uk_alloc *flexos_comp4_alloc = HEAP(5);
struct uk_alloc *flexos_comp5_alloc = HEAP(6);
struct uk_alloc *flexos_comp6_alloc = HEAP(7);
struct uk_alloc *flexos_comp7_alloc = HEAP(8);
struct uk_alloc *flexos_comp8_alloc = HEAP(9);
struct uk_alloc *flexos_comp9_alloc = HEAP(10);
struct uk_alloc *flexos_comp10_alloc = HEAP(11);
struct uk_alloc *flexos_comp11_alloc = HEAP(12);
struct uk_alloc *flexos_comp12_alloc = HEAP(13);
struct uk_alloc *flexos_comp13_alloc = HEAP(14);
struct uk_alloc *flexos_comp14_alloc = HEAP(15);
struct uk_alloc *flexos_comp15_alloc = HEAP(16);

__attribute__((constructor)) static void flexos_heaps_init(void)
{
	for (unsigned i = 0; i < FLEXOS_HEAPS; i++) {
		struct uk_alloc *a = HEAP(i);

		if (i == 0)
			snprintf(a->name, sizeof(a->name), "flexos_shared_alloc");
		else
			snprintf(a->name, sizeof(a->name), "flexos_comp%u_alloc", i - 1);
		a->base = a->mapped_end = a->brk = FLEXOS_HEAP_BASE + i * FLEXOS_HEAP_SPAN;
		a->limit = a->base + FLEXOS_HEAP_SPAN;
		pthread_mutex_init(&a->lock, NULL);
	}
}

/* Replaces [start, end) by shared memory holding the same bytes, at the same address. */
void flexos_share_range(uintptr_t start, uintptr_t end)
{
	size_t len = end - start;
	void *copy;

	if (start >= end)
		return;
	copy = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (copy == MAP_FAILED)
		flexos_heap_die("cannot map shared memory: %s", strerror(errno));
	memcpy(copy, (void *)start, len);
	if (mremap(copy, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, (void *)start) == MAP_FAILED)
		flexos_heap_die("cannot share a range: %s", strerror(errno));
}

uintptr_t flexos_heap_start(int comp)
{
	return HEAP(comp + 1)->base;
}

uintptr_t flexos_heap_mapped_end(int comp)
{
	return HEAP(comp + 1)->mapped_end;
}

void (*flexos_heap_grown)(int comp, void *addr, size_t len);

uintptr_t flexos_heap_span(void)
{
	return FLEXOS_HEAP_SPAN;
}

void flexos_share_heaps(void)
{
	struct uk_alloc *a = HEAP(0);
	uintptr_t end = a->base + FLEXOS_SHARED_PREMAP;

	flexos_share_range((uintptr_t)&flexos_heap_table,
			   (uintptr_t)&flexos_heap_table + sizeof(flexos_heap_table));
	/* What constructors allocated already keeps its bytes; the rest is mapped shared now. */
	flexos_share_range(a->base, a->mapped_end);
	if (a->mapped_end < end) {
		void *p = mmap((void *)a->mapped_end, end - a->mapped_end, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1,
			       0);

		if (p == MAP_FAILED || (uintptr_t)p != a->mapped_end) {
			fputs("flexos: cannot map the shared heap\n", stderr);
			_exit(70);
		}
	}
	if (a->mapped_end < end)
		a->mapped_end = end;
	a->limit = end;
}

void flexos_heap_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("flexos: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}
