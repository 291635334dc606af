/*
 * greeter: formats greeting lines and hands them back to its caller.
 *
 * Everything here is private to greeter's compartment except what the caller passes in.
 * greeter never names the app: it only calls the function pointer it is given, which the
 * app marked as a callback so FlexOS can put a gate behind it.
 */
#include <stddef.h>

#include "greeter.h"

#define SALUTATION_CAP 24

/* Private state: the app cannot read or write these once greeter has its own compartment. */
static char salutation[SALUTATION_CAP] = "Hi";
static unsigned long lines_made;

/* A tiny line builder that never writes past `cap` and always leaves a terminated string. */
struct builder {
	char *buf;
	size_t cap;
	size_t len;
	int overflow;
};

static void put_char(struct builder *b, char c)
{
	if (b->len + 1 >= b->cap) {
		b->overflow = 1;
		return;
	}
	b->buf[b->len++] = c;
	b->buf[b->len] = '\0';
}

static void put_text(struct builder *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != '\0'; i++)
		put_char(b, s[i]);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static char to_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

void set_salutation(const char *word)
{
	size_t i = 0;

	while (i + 1 < SALUTATION_CAP && word[i] != '\0') {
		salutation[i] = word[i];
		i++;
	}
	salutation[i] = '\0';
}

/* Format "<salutation>, <Name>! (greeting #k)" for the name s[0..n). */
static int compose(struct builder *b, const char *name, size_t n)
{
	unsigned long k = lines_made + 1;
	char digits[24];
	size_t d = 0;

	b->len = 0;
	b->overflow = 0;
	if (b->cap > 0)
		b->buf[0] = '\0';
	put_text(b, salutation, SALUTATION_CAP);
	put_text(b, ", ", 2);
	put_char(b, to_upper(name[0]));
	put_text(b, name + 1, n - 1);
	put_text(b, "! (greeting #", 13);
	do {
		digits[d++] = (char)('0' + k % 10);
		k /= 10;
	} while (k > 0);
	while (d > 0)
		put_char(b, digits[--d]);
	put_char(b, ')');
	return b->overflow ? -1 : 0;
}

int greet_all(const char *guests, char *line, size_t cap, size_t *greeted, greeter_emit_fn emit)
{
	struct builder b = { line, cap, 0, 0 };
	const char *p = guests;

	while (*p != '\0') {
		const char *start, *end;

		while (is_space(*p) || *p == ',')
			p++;
		start = p;
		while (*p != '\0' && *p != ',')
			p++;
		end = p;
		while (end > start && is_space(end[-1]))
			end--;
		if (end == start)
			continue;
		if (compose(&b, start, (size_t)(end - start)) != 0)
			return -1;
		lines_made++;
		(*greeted)++;
		/* A plain indirect call: the callback wrapper FlexOS generates on the app's side
		 * is what crosses back into the app's compartment. */
		emit(line);
	}
	return 0;
}
