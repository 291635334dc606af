/*
 * imgparse demo: an app with a secret hands an uploaded image to a buggy parser.
 *
 *     app              decodes the image given on the command line (--crafted or not)
 *     app --crafted    the same with a file built by an attacker
 *
 * The app keeps an API key in a private global (vault.c). The parser gets the upload and
 * the canvas to decode into; both are shared, nothing else is. Without isolation, the
 * crafted file overwrites the key; with the parser in its own MPK compartment, the same
 * out-of-bounds write hits a page of the app's compartment and faults instead.
 *
 * Exit status: 0 image decoded and key intact, 1 image rejected, 2 key corrupted.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "../imgparse/imgparse.h"

#define CANVAS_W 16
#define CANVAS_H 16
#define FILE_CAP 8192

/* Shared with imgparse: the only app memory the parser is meant to write. Kept the only
 * global of this file so nothing but the key follows it in memory (see images.c). */
static unsigned char canvas[CANVAS_W * CANVAS_H] __attribute__((flexos_whitelist));

static void preview(unsigned width, unsigned height)
{
	static const char ramp[] = " .:-=+*#%@";

	if (width > CANVAS_W || (size_t)width * height > sizeof canvas)
		return;
	for (unsigned y = 0; y < height; y++) {
		printf("  |");
		for (unsigned x = 0; x < width; x++)
			putchar(ramp[canvas[y * width + x] * (sizeof ramp - 2) / 255]);
		printf("|\n");
	}
}

int main(int argc, char **argv)
{
	struct pgm_info info __attribute__((flexos_whitelist));
	unsigned char *file;
	const char *key;
	size_t len;
	int crafted, rc = -1, intact, status;

	crafted = argc > 1 && strcmp(argv[1], "--crafted") == 0;
	vault_load();

	/* Shared allocation: the uploaded file, read by the parser. */
	file = flexos_malloc_whitelist(FILE_CAP);
	if (file == NULL)
		return 1;
	if (crafted)
		len = make_crafted_image(file, FILE_CAP, canvas, sizeof canvas);
	else
		len = make_benign_image(file, FILE_CAP, 16, 8);
	printf("app: %s upload, %zu bytes\n", crafted ? "crafted" : "benign", len);

	flexos_gate_r(libimgparse, rc, pgm_decode, file, len, canvas, sizeof canvas, &info);
	flexos_free_whitelist(file);

	if (rc == 0) {
		printf("app: decoded a %ux%u image, brightness %u..%u, mean %u\n", info.width,
		       info.height, info.min, info.max, info.mean);
		preview(info.width, info.height);
	} else {
		printf("app: the parser rejected the image (%d)\n", rc);
	}

	intact = vault_intact();
	key = vault_key();
	printf("app: api key %.8s%s%.2s\n", key, "**********************", key + KEY_LEN - 2);
	printf("secret intact: %s\n", intact ? "yes" : "no");
	status = !intact ? 2 : rc == 0 ? 0 : 1;
	return status;
}
