/*
 * The app's secret: an API key, kept in a private global of the app's compartment.
 *
 * The key is stored obfuscated in the image and decoded into `api_key` at start-up, so its
 * plain text exists in one place only. vault_intact() decodes it again and compares.
 */
#include <stddef.h>

#include "app.h"

#define OBFUSCATION 0x5a

static char api_key[KEY_LEN + 1];

/* "sk_live_7Qm2Vx9TfR4pLw8ZcN3hJd6B", xor OBFUSCATION. */
static const unsigned char stored[KEY_LEN] = {
	0x29, 0x31, 0x05, 0x36, 0x33, 0x2c, 0x3f, 0x05, 0x6d, 0x0b, 0x37, 0x68, 0x0c, 0x22, 0x63, 0x0e,
	0x3c, 0x08, 0x6e, 0x2a, 0x16, 0x2d, 0x62, 0x00, 0x39, 0x14, 0x69, 0x32, 0x10, 0x3e, 0x6c, 0x18,
};

void vault_load(void)
{
	for (size_t i = 0; i < KEY_LEN; i++)
		api_key[i] = (char)(stored[i] ^ OBFUSCATION);
	api_key[KEY_LEN] = '\0';
}

int vault_intact(void)
{
	for (size_t i = 0; i < KEY_LEN; i++)
		if (api_key[i] != (char)(stored[i] ^ OBFUSCATION))
			return 0;
	return api_key[KEY_LEN] == '\0';
}

const char *vault_key(void)
{
	return api_key;
}

const void *vault_layout_hint(void)
{
	return api_key;
}
