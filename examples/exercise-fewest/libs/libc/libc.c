/*
 * libc: a first-fit allocator and the usual string and memory routines.
 *
 * The arena is whitelisted: every compartment allocates from it, so everything allocated
 * is shared. That is the simple choice, not the safe one (FlexOS itself gives each
 * compartment a private heap plus one shared heap); it keeps this example small.
 */
#include <stddef.h>

#include "libc.h"

#define ARENA_SIZE (64 * 1024)
#define ALIGN 16u

/* A block header. Blocks tile the arena; `size` includes the header. */
struct block {
	size_t size;
	size_t used;
};

#define HEADER (((sizeof(struct block) + ALIGN - 1) / ALIGN) * ALIGN)

static _Alignas(16) unsigned char arena[ARENA_SIZE] __attribute__((flexos_whitelist));
static int arena_ready;

static struct block *block_at(size_t off)
{
	return (struct block *)(void *)(arena + off);
}

static void arena_init(void)
{
	block_at(0)->size = ARENA_SIZE;
	block_at(0)->used = 0;
	arena_ready = 1;
}

/* Merge every run of free blocks into one. */
static void coalesce(void)
{
	size_t off = 0;

	while (off < ARENA_SIZE) {
		struct block *b = block_at(off);

		while (!b->used && off + b->size < ARENA_SIZE && !block_at(off + b->size)->used)
			b->size += block_at(off + b->size)->size;
		off += b->size;
	}
}

void *mini_malloc(size_t size)
{
	size_t need, off = 0;

	if (!arena_ready)
		arena_init();
	if (size == 0 || size > ARENA_SIZE - HEADER)
		return NULL;
	need = HEADER + ((size + ALIGN - 1) / ALIGN) * ALIGN;
	while (off < ARENA_SIZE) {
		struct block *b = block_at(off);

		if (!b->used && b->size >= need) {
			/* Split when the rest can still hold a header and one aligned unit. */
			if (b->size - need >= HEADER + ALIGN) {
				block_at(off + need)->size = b->size - need;
				block_at(off + need)->used = 0;
				b->size = need;
			}
			b->used = 1;
			return arena + off + HEADER;
		}
		off += b->size;
	}
	return NULL;
}

void mini_free(void *ptr)
{
	unsigned char *p = ptr;

	if (p == NULL)
		return;
	/* Refuse pointers that did not come from mini_malloc rather than corrupt the arena. */
	if (p < arena + HEADER || p >= arena + ARENA_SIZE || (size_t)(p - arena) % ALIGN != 0)
		return;
	block_at((size_t)(p - arena) - HEADER)->used = 0;
	coalesce();
}

void *mini_memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n-- > 0)
		*d++ = *s++;
	return dst;
}

void *mini_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n-- > 0)
		*d++ = (unsigned char)c;
	return dst;
}

int mini_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

size_t mini_strlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

int mini_strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}
