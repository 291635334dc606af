/*
 * kv's hash table: chained buckets, FNV-1a hashing.
 *
 * The bucket array is private to kv; entries, keys and values are allocated with libc's
 * mini_malloc and compared and copied with libc's routines, each call through a gate.
 * Since kv and libc share a compartment in this image those gates cost nothing: the
 * rewriter makes them nop gates. Move libc out and each one becomes a domain switch.
 */
#include <stddef.h>

#include "table.h"
#include "../libc/libc.h"

#define BUCKETS 64

struct entry {
	struct entry *next;
	char *key;
	char *value;
};

static struct entry *buckets[BUCKETS];
static size_t count;

static unsigned long hash(const char *s)
{
	unsigned long h = 2166136261u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h = (h * 16777619u) & 0xffffffffu;
	}
	return h;
}

/* A copy of s in memory from libc's allocator, or NULL. */
static char *copy_string(const char *s)
{
	size_t n = 0;
	char *p = NULL;

	flexos_gate_r(liblibc, n, mini_strlen, s);
	flexos_gate_r(liblibc, p, mini_malloc, n + 1);
	if (p != NULL) {
		flexos_gate(liblibc, mini_memcpy, p, s, n + 1);
	}
	return p;
}

/* The link that points at key's entry, or at the NULL that ends its bucket. */
static struct entry **find(const char *key)
{
	struct entry **link = &buckets[hash(key) % BUCKETS];
	int cmp = 1;

	while (*link != NULL) {
		flexos_gate_r(liblibc, cmp, mini_strcmp, (*link)->key, key);
		if (cmp == 0)
			break;
		link = &(*link)->next;
	}
	return link;
}

int table_set(const char *key, const char *value)
{
	struct entry **link = find(key);
	struct entry *e = *link;
	char *v = copy_string(value);

	if (v == NULL)
		return -1;
	if (e != NULL) { /* replace the value */
		flexos_gate(liblibc, mini_free, e->value);
		e->value = v;
		return 0;
	}
	flexos_gate_r(liblibc, e, mini_malloc, sizeof *e);
	if (e != NULL) {
		e->key = copy_string(key);
	}
	if (e == NULL || e->key == NULL) {
		flexos_gate(liblibc, mini_free, e);
		flexos_gate(liblibc, mini_free, v);
		return -1;
	}
	e->value = v;
	e->next = NULL;
	*link = e;
	count++;
	return 0;
}

const char *table_get(const char *key)
{
	struct entry *e = *find(key);

	return e != NULL ? e->value : NULL;
}

int table_del(const char *key)
{
	struct entry **link = find(key);
	struct entry *e = *link;

	if (e == NULL)
		return 0;
	*link = e->next;
	flexos_gate(liblibc, mini_free, e->key);
	flexos_gate(liblibc, mini_free, e->value);
	flexos_gate(liblibc, mini_free, e);
	count--;
	return 1;
}

size_t table_size(void)
{
	return count;
}
