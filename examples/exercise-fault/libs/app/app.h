/* app-private declarations shared by main.c, vault.c and attack.c (no gates between them). */
#ifndef APP_H
#define APP_H

#include <stddef.h>

#define KEY_LEN 32

/* vault.c: the API key, in the app's private memory. */
void vault_load(void);
int vault_intact(void);
const char *vault_key(void);
/* Where the key lives: what an attacker reads off the image's symbol table. */
const void *vault_layout_hint(void);

/* images.c: build image files into file[0..cap); both return the file's length. */
size_t make_benign_image(unsigned char *file, size_t cap, unsigned width, unsigned height);
size_t make_crafted_image(unsigned char *file, size_t cap, const unsigned char *pixels,
			  size_t pixels_cap);

#endif /* APP_H */
