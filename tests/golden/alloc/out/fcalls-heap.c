/* Allocation placeholders become allocations from the shared heap, in any expression. */
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
};

struct buf *buf_new(size_t len)
{
	struct buf *b = uk_malloc(flexos_shared_alloc, sizeof(*b));

	if (!b)
		return NULL;
	b->data = uk_calloc(flexos_shared_alloc, len, 1);
	b->data = uk_realloc(flexos_shared_alloc, b->data, len * 2);
	b->len = len * 2;
	return b;
}

void *aligned_pages(unsigned long order)
{
	void *page = uk_palloc(flexos_shared_alloc, order);
	void *blk = uk_memalign(flexos_shared_alloc, 64, 4096);

	uk_free(flexos_shared_alloc, blk);
	uk_pfree(flexos_shared_alloc, page, order);
	return uk_malloc(flexos_shared_alloc,  16 );
}

void buf_free(struct buf *b)
{
	uk_free(flexos_shared_alloc, b->data);
	uk_free(flexos_shared_alloc, b);
}
