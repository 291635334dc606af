/* Allocation placeholders become allocations from the shared heap, in any expression. */
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
};

struct buf *buf_new(size_t len)
{
	struct buf *b = flexos_malloc_whitelist(sizeof(*b));

	if (!b)
		return NULL;
	b->data = flexos_calloc_whitelist(len, 1);
	b->data = flexos_realloc_whitelist(b->data, len * 2);
	b->len = len * 2;
	return b;
}

void *aligned_pages(unsigned long order)
{
	void *page = flexos_palloc_whitelist(order);
	void *blk = flexos_memalign_whitelist(64, 4096);

	flexos_free_whitelist(blk);
	flexos_pfree_whitelist(page, order);
	return flexos_malloc_whitelist( 16 );
}

void buf_free(struct buf *b)
{
	flexos_free_whitelist(b->data);
	flexos_free_whitelist(b);
}
