/*
 * imgparse: a small decoder for binary PGM images (Netpbm "P5", 8-bit samples).
 *
 *     P5                  magic
 *     # a comment         comments may appear anywhere in the header
 *     16 8                width height
 *     255                 maxval (1..255)
 *     <width*height bytes>
 *
 * It checks the header carefully and checks that the file really holds width*height pixel
 * bytes. But it has one bug, on purpose, marked BUG below: it never compares width*height
 * with the size of the buffer it writes into. A crafted header makes it write past the end
 * of that buffer, into whatever the caller keeps next to it.
 */
#include <stddef.h>

#include "imgparse.h"

#define DIMENSION_MAX 65535u

struct cursor {
	const unsigned char *p;
	size_t len, pos;
};

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Skip whitespace and comments ('#' up to the end of the line). */
static void skip_blank(struct cursor *c)
{
	while (c->pos < c->len) {
		if (is_space(c->p[c->pos])) {
			c->pos++;
		} else if (c->p[c->pos] == '#') {
			while (c->pos < c->len && c->p[c->pos] != '\n')
				c->pos++;
		} else {
			break;
		}
	}
}

/* A decimal number in 1..DIMENSION_MAX, or 0 when there is none or it is too large. */
static unsigned read_number(struct cursor *c)
{
	unsigned long v = 0;
	size_t start;

	skip_blank(c);
	start = c->pos;
	while (c->pos < c->len && c->p[c->pos] >= '0' && c->p[c->pos] <= '9') {
		v = v * 10 + (unsigned long)(c->p[c->pos] - '0');
		if (v > DIMENSION_MAX)
			return 0;
		c->pos++;
	}
	return c->pos == start ? 0 : (unsigned)v;
}

static unsigned char scale(unsigned char sample, unsigned maxval)
{
	unsigned s = sample > maxval ? maxval : sample;

	return (unsigned char)((s * 255u + maxval / 2) / maxval);
}

int pgm_decode(const unsigned char *file, size_t len, unsigned char *pixels, size_t cap,
	       struct pgm_info *info)
{
	struct cursor c = { file, len, 0 };
	unsigned long sum = 0;
	size_t count;
	unsigned lo = 255, hi = 0;

	if (len < 2 || file[0] != 'P' || file[1] != '5')
		return -PGM_EFORMAT;
	c.pos = 2;
	info->width = read_number(&c);
	info->height = read_number(&c);
	info->maxval = read_number(&c);
	if (info->width == 0 || info->height == 0 || info->maxval == 0 || info->maxval > 255)
		return -PGM_EFORMAT;
	/* Exactly one whitespace byte separates the header from the pixels. */
	if (c.pos >= len || !is_space(file[c.pos]))
		return -PGM_EFORMAT;
	c.pos++;

	count = (size_t)info->width * info->height;
	if (len - c.pos < count)
		return -PGM_ETRUNC;
	/*
	 * BUG (on purpose): the header is trusted. The check that belongs here is
	 *     if (count > cap) return -PGM_ETOOBIG;
	 * Without it, a header announcing more pixels than `cap` makes the loop below write
	 * past the end of `pixels`.
	 */
	(void)cap;

	for (size_t i = 0; i < count; i++) {
		unsigned char v = scale(file[c.pos + i], info->maxval);

		pixels[i] = v;
		sum += v;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	info->min = lo;
	info->max = hi;
	info->mean = (unsigned)(sum / count);
	return 0;
}
