/*
 * imgparse: decodes binary PGM ("P5") greyscale images.
 *
 * All pointers given to pgm_decode() are used inside imgparse's compartment and must point
 * to memory the caller shared with it.
 */
#ifndef IMGPARSE_H
#define IMGPARSE_H

#include <stddef.h>

/* Error codes, returned negated. */
#define PGM_EFORMAT 1 /* not a P5 image, or a malformed header */
#define PGM_ETRUNC 2  /* fewer pixel bytes than the header announces */
#define PGM_ETOOBIG 3 /* the image does not fit the caller's buffer */

struct pgm_info {
	unsigned width, height, maxval;
	unsigned min, max, mean; /* brightness after scaling to 0..255 */
};

/*
 * Decode the PGM image file[0..len) into pixels (one byte per pixel, row by row, scaled to
 * 0..255), which has room for `cap` bytes, and describe it in *info.
 * Returns 0 or a negative PGM_E* code.
 */
int pgm_decode(const unsigned char *file, size_t len, unsigned char *pixels, size_t cap,
	       struct pgm_info *info);

#endif /* IMGPARSE_H */
