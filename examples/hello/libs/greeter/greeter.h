/*
 * greeter: the API other libraries may call (through gates).
 *
 * Every pointer handed to these functions is dereferenced inside greeter's compartment, so it
 * must point to memory the caller shared: a whitelisted global or local, a shared allocation
 * or a shared literal.
 */
#ifndef GREETER_H
#define GREETER_H

#include <stddef.h>

/* Called back once per greeting line. `line` lives in memory the caller shared with greeter. */
typedef void (*greeter_emit_fn)(const char *line);

/* Set the word every greeting starts with, e.g. "Hello". The word is copied into greeter's
 * private memory; words longer than 23 characters are cut. */
void set_salutation(const char *word);

/*
 * Greet every name of the comma-separated list `guests` ("ada, grace,linus"): format one
 * line per name into `line` (capacity `cap`), hand it to `emit`, and add one to *greeted.
 * Empty names are skipped. Returns 0, or -1 if a line did not fit (nothing more is emitted).
 */
int greet_all(const char *guests, char *line, size_t cap, size_t *greeted, greeter_emit_fn emit);

#endif /* GREETER_H */
