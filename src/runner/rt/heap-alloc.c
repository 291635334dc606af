/*
 * The FlexOS heaps' allocator (flexos/isolation.h: uk_malloc and the rest), deliberately
 * simple: power-of-two size classes with free lists, blocks above 1 MiB rounded to pages and
 * reused first-fit. Each block has a header naming its heap, the size asked for and the call
 * that asked, so freeing a block into the wrong heap, a double free, or freeing memory no heap
 * gave out is reported and stops the program instead of corrupting it silently, and a fault
 * in a heap names its block (flexos_heap_block).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "flexos-rt.h"
#include "heap.h"

static int valid_heap(const struct uk_alloc *a)
{
	return a >= &heaps[0] && a < &heaps[FLEXOS_HEAPS];
}

/*
 * AddressSanitizer's view of the heaps. A program with libraries built with asan links
 * libasan, which defines these; otherwise they are null and nothing is marked. Memory no
 * block hands out (headers, the rest of a size class, fresh pages, freed blocks) is poisoned,
 * so an instrumented library that overflows a block or uses it after free is stopped by asan.
 * This file itself is not instrumented: the allocator reads its headers freely.
 */
extern void __asan_poison_memory_region(void const volatile *addr, size_t size)
	__attribute__((weak));
extern void __asan_unpoison_memory_region(void const volatile *addr, size_t size)
	__attribute__((weak));

static void asan_poison(const void *p, size_t n)
{
	if (__asan_poison_memory_region != NULL)
		__asan_poison_memory_region(p, n);
}

static void asan_unpoison(const void *p, size_t n)
{
	if (__asan_unpoison_memory_region != NULL)
		__asan_unpoison_memory_region(p, n);
}

/* Takes `n` bytes (a multiple of 16) from the heap's unused range, mapping pages as needed. */
static void *bump(struct uk_alloc *a, size_t n)
{
	uintptr_t end = a->brk + n;

	if (n > FLEXOS_HEAP_SPAN || end > a->limit)
		return NULL;
	if (end > a->mapped_end) {
		size_t grow = (end - a->mapped_end + FLEXOS_HEAP_CHUNK - 1) & ~(FLEXOS_HEAP_CHUNK - 1);
		void *p;

		if (a->mapped_end + grow > a->limit)
			grow = a->limit - a->mapped_end;
		p = mmap((void *)a->mapped_end, grow, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (p == MAP_FAILED)
			return NULL;
		if ((uintptr_t)p != a->mapped_end) {
			/* An old kernel read the flag as a hint and put the pages elsewhere. */
			munmap(p, grow);
			return NULL;
		}
		if (flexos_heap_grown != NULL && a != HEAP(0))
			flexos_heap_grown((int)(a - heaps) - 1, p, grow);
		asan_poison(p, grow);
		a->mapped_end += grow;
	}
	a->brk = end;
	return (void *)(end - n);
}

static unsigned bin_of(size_t size)
{
	unsigned shift = MIN_SHIFT;

	while (shift < MAX_SHIFT && ((size_t)1 << shift) < size)
		shift++;
	return shift - MIN_SHIFT;
}

static void *alloc_locked(struct uk_alloc *a, size_t size, uintptr_t site)
{
	struct block *b;
	size_t cap;
	unsigned bin;

	if (size > FLEXOS_HEAP_SPAN)
		return NULL;
	if (size <= ((size_t)1 << MAX_SHIFT)) {
		bin = bin_of(size == 0 ? 1 : size);
		cap = (size_t)1 << (bin + MIN_SHIFT);
		if (a->bins[bin] != NULL) {
			b = &a->bins[bin]->hdr;
			a->bins[bin] = a->bins[bin]->next;
		} else if ((b = bump(a, sizeof(*b) + cap)) == NULL) {
			return NULL;
		}
	} else {
		struct free_block **pp;

		bin = BINS;
		cap = (size + sizeof(*b) + 4095) / 4096 * 4096 - sizeof(*b);
		for (pp = &a->bins[BINS]; *pp != NULL; pp = &(*pp)->next)
			if ((*pp)->hdr.size >= cap)
				break;
		if (*pp != NULL) {
			b = &(*pp)->hdr;
			cap = b->size;
			*pp = (*pp)->next;
		} else if ((b = bump(a, sizeof(*b) + cap)) == NULL) {
			return NULL;
		}
	}
	b->magic = MAGIC;
	b->heap = (uint8_t)(a - heaps);
	b->state = BLOCK_USED;
	b->bin = (uint16_t)bin;
	b->size = cap;
	b->requested = size;
	b->site = site;
	asan_poison(b, sizeof(*b) + cap);
	asan_unpoison(b + 1, size);
	return b + 1;
}

/* The header at `h` if it lies in the used part of a heap and looks like one, else NULL. */
static struct block *header_at(uintptr_t h)
{
	const struct uk_alloc *a;
	struct block *b = (struct block *)h;

	if (h < FLEXOS_HEAP_BASE || h >= FLEXOS_HEAP_BASE + FLEXOS_HEAPS * FLEXOS_HEAP_SPAN ||
	    h % 16 != 0)
		return NULL;
	a = &heaps[(h - FLEXOS_HEAP_BASE) / FLEXOS_HEAP_SPAN];
	if (h + sizeof(*b) > a->brk || b->magic != MAGIC)
		return NULL;
	return b;
}

/* The header of a payload handed out by some heap, or NULL if no heap gave it out. */
static struct block *block_of(void *ptr)
{
	struct block *b = header_at((uintptr_t)ptr - sizeof(struct block));

	if (b != NULL && b->state == BLOCK_ALIAS)
		b = header_at((uintptr_t)ptr - b->size - sizeof(struct block));
	return b;
}

static void *heap_alloc(struct uk_alloc *a, size_t size, uintptr_t site)
{
	void *p;

	if (!valid_heap(a))
		flexos_heap_die("uk_malloc(%p, %zu): not a FlexOS heap", (void *)a, size);
	pthread_mutex_lock(&a->lock);
	p = alloc_locked(a, size, site);
	pthread_mutex_unlock(&a->lock);
	if (p == NULL)
		errno = ENOMEM;
	return p;
}

#define CALLER ((uintptr_t)__builtin_return_address(0))

void *uk_malloc(struct uk_alloc *a, size_t size)
{
	return heap_alloc(a, size, CALLER);
}

int flexos_heap_block(int comp, uintptr_t addr, struct flexos_block *out)
{
	const struct uk_alloc *a = HEAP(comp + 1);
	uintptr_t at = a->base;
	const struct block *found = NULL;

	/*
	 * Blocks lie end to end from the heap's base (aliases inside their block's payload). An
	 * address in a header or past the last block is past the end of the block before it.
	 */
	while (at + sizeof(struct block) <= a->brk) {
		const struct block *b = (const struct block *)at;
		uintptr_t payload = at + sizeof(struct block);

		if (b->magic != MAGIC)
			return 0;
		if (addr < payload)
			break;
		found = b;
		if (addr < payload + b->size)
			break;
		at = payload + b->size;
	}
	if (found == NULL)
		return 0;
	out->start = (uintptr_t)(found + 1);
	out->size = found->requested;
	out->site = found->site;
	out->live = found->state == BLOCK_USED;
	return 1;
}

void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = heap_alloc(a, nmemb * size, CALLER);
	if (p != NULL)
		memset(p, 0, nmemb * size);
	return p;
}

void uk_free(struct uk_alloc *a, void *ptr)
{
	struct block *b;
	struct free_block *f;

	if (ptr == NULL)
		return;
	b = block_of(ptr);
	if (!valid_heap(a))
		flexos_heap_die("uk_free(%p, %p): not a FlexOS heap", (void *)a, ptr);
	if (b == NULL)
		flexos_heap_die("uk_free(%s, %p): not allocated by a FlexOS heap", a->name, ptr);
	if (&heaps[b->heap] != a)
		flexos_heap_die("uk_free(%s, %p): the block belongs to %s", a->name, ptr, heaps[b->heap].name);
	if (b->state != BLOCK_USED)
		flexos_heap_die("uk_free(%s, %p): double free", a->name, ptr);
	pthread_mutex_lock(&a->lock);
	asan_poison(b + 1, b->size);
	b->state = BLOCK_FREE;
	f = (struct free_block *)b;
	f->next = a->bins[b->bin];
	a->bins[b->bin] = f;
	pthread_mutex_unlock(&a->lock);
}

void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	struct block *b;
	void *p;
	size_t have;

	if (ptr == NULL)
		return heap_alloc(a, size, CALLER);
	if (size == 0) {
		uk_free(a, ptr);
		return NULL;
	}
	b = block_of(ptr);
	if (!valid_heap(a))
		flexos_heap_die("uk_realloc(%p, %p): not a FlexOS heap", (void *)a, ptr);
	if (b == NULL || b->state != BLOCK_USED)
		flexos_heap_die("uk_realloc(%s, %p): not a live block", a->name, ptr);
	have = b->size - ((uintptr_t)ptr - (uintptr_t)(b + 1));
	if (size <= have && &heaps[b->heap] == a)
		return ptr;
	p = heap_alloc(a, size, CALLER);
	if (p == NULL)
		return NULL;
	asan_unpoison(ptr, have); /* the old block's tail is copied too, then freed */
	memcpy(p, ptr, have < size ? have : size);
	uk_free(&heaps[b->heap], ptr);
	return p;
}

void *uk_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	uintptr_t raw, p;
	struct block *alias;

	if (align == 0 || (align & (align - 1)) != 0) {
		errno = EINVAL;
		return NULL;
	}
	if (align <= 16)
		return heap_alloc(a, size, CALLER);
	if (size > FLEXOS_HEAP_SPAN || align > FLEXOS_HEAP_SPAN) {
		errno = ENOMEM;
		return NULL;
	}
	/* Room for the aligned payload and for an alias header just before it. */
	raw = (uintptr_t)heap_alloc(a, size + align + sizeof(struct block), CALLER);
	if (raw == 0)
		return NULL;
	p = (raw + sizeof(struct block) + align - 1) & ~(uintptr_t)(align - 1);
	alias = (struct block *)p - 1;
	alias->magic = MAGIC;
	alias->heap = (uint8_t)(a - heaps);
	alias->state = BLOCK_ALIAS;
	alias->bin = 0;
	alias->size = p - raw;
	asan_poison((void *)raw, p - raw);
	asan_poison((void *)(p + size), raw + size + align + sizeof(struct block) - (p + size));
	return (void *)p;
}

void *uk_palloc(struct uk_alloc *a, unsigned long num_pages)
{
	if (num_pages > FLEXOS_HEAP_SPAN / 4096) {
		errno = ENOMEM;
		return NULL;
	}
	return uk_memalign(a, 4096, num_pages * 4096);
}

void uk_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages)
{
	(void)num_pages;
	uk_free(a, ptr);
}
