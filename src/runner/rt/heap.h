/*
 * heap.h: the layout of the FlexOS heaps, shared by the runtime's heap table and sharing
 * (isolation.c) and its allocator (heap-alloc.c); not for programs.
 */
#ifndef FLEXOS_HEAP_H
#define FLEXOS_HEAP_H

#include <pthread.h>
#include <stdint.h>

#include "flexos/isolation.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* Heap i (0: shared, N + 1: compartment N) spans [BASE + i * SPAN, BASE + (i + 1) * SPAN). */
#define FLEXOS_HEAP_BASE 0x300000000000UL /* above ASan's shadow (ends at 0x10007fff8000) */
#define FLEXOS_HEAP_SPAN 0x40000000UL /* 1 GiB of address space each; mapped as used */
#define FLEXOS_HEAP_CHUNK 0x100000UL  /* grow by at least 1 MiB */
#define FLEXOS_HEAPS (FLEXOS_MAX_COMPARTMENTS + 1)
/* Under vm-ept the shared heap is mapped shared up front, this much: a process that grew it
 * later would map pages the other processes never see. */
#define FLEXOS_SHARED_PREMAP 0x4000000UL /* 64 MiB */

#define MIN_SHIFT 4  /* 16 bytes */
#define MAX_SHIFT 20 /* 1 MiB: larger blocks are page-rounded "large" blocks */
#define BINS (MAX_SHIFT - MIN_SHIFT + 1)
#define MAGIC 0xF1E05A11u

enum { BLOCK_USED = 1, BLOCK_FREE = 2, BLOCK_ALIAS = 3 };

/* 32 bytes, so payloads stay 16-byte aligned. */
struct block {
	uint32_t magic;
	uint8_t heap;	    /* index into heaps[] */
	uint8_t state;	    /* BLOCK_* */
	uint16_t bin;	    /* size class, or BINS for a large block */
	uint64_t size;	    /* payload capacity; for an alias, the distance back to the real payload */
	uint64_t requested; /* the size asked for */
	uintptr_t site;	    /* the instruction after the call that allocated it (fault reports) */
};

struct free_block {
	struct block hdr;
	struct free_block *next;
};

struct uk_alloc {
	char name[24];
	uintptr_t base, mapped_end, brk, limit;
	struct free_block *bins[BINS + 1]; /* bins[BINS]: large blocks */
	pthread_mutex_t lock;
};

/* Whole pages of their own, so that vm-ept can share exactly this bookkeeping between the
 * compartments' processes (each private heap is only ever used by its own process). */
union flexos_heap_table {
	struct uk_alloc list[FLEXOS_HEAPS];
	char pages[2 * 4096];
};
_Static_assert(sizeof(((union flexos_heap_table *)0)->list) <= 2 * 4096, "heap table fits");
extern union flexos_heap_table flexos_heap_table;
#define heaps (flexos_heap_table.list)
#define HEAP(i) (&heaps[(i)])

/* A misuse of a heap is a bug of the program: say what it was and stop (SIGABRT). */
void __attribute__((noreturn, format(printf, 1, 2))) flexos_heap_die(const char *fmt, ...);

#endif /* FLEXOS_HEAP_H */
