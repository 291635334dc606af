/* kv-private: the hash table (table.c), used by the protocol code (kv.c). No gates between. */
#ifndef KV_TABLE_H
#define KV_TABLE_H

#include <stddef.h>

/* Store a copy of key and value. Returns 0, or -1 when out of memory. */
int table_set(const char *key, const char *value);
/* The value stored for key, or NULL. */
const char *table_get(const char *key);
/* Returns 1 if key was present (and is now removed), 0 otherwise. */
int table_del(const char *key);
size_t table_size(void);

#endif /* KV_TABLE_H */
