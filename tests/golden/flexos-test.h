/*
 * The FlexOS macro names an instantiated file uses, defined just enough for
 * `gcc -fsyntax-only -include tests/golden/flexos-test.h`: gates are statements that check
 * their compartment numbers are constants and call the function with its arguments (so
 * argument types are checked), the shared allocator and uk_* allocation functions exist,
 * and STACK_SIZE is the data-shadow-stack offset.
 *
 * Placeholders are deliberately NOT usable: a leftover flexos_gate or flexos_gate_r fails a
 * static assertion, and a leftover allocation placeholder, FLEXOS_SHARED_LITERAL or
 * flexos_whitelist/libX_callback attribute is an implicit declaration or unknown attribute,
 * which the golden test turns into errors (-Werror=implicit-function-declaration,
 * -Werror=attributes).
 */
#ifndef FLEXOS_TEST_H
#define FLEXOS_TEST_H

#include <stddef.h>
#include <stdint.h>

struct uk_alloc;
extern struct uk_alloc *flexos_shared_alloc;
void *uk_malloc(struct uk_alloc *a, size_t size);
void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size);
void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size);
void *uk_memalign(struct uk_alloc *a, size_t align, size_t size);
void *uk_palloc(struct uk_alloc *a, unsigned long num_pages);
void uk_free(struct uk_alloc *a, void *ptr);
void uk_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages);

#define STACK_SIZE (1UL << 16)

#define FLEXOS_TEST_KEYS(a, b)                                                              \
	_Static_assert((a) >= 0 && (b) >= 0 && (a) < 16 && (b) < 16, "compartment numbers")

#define FLEXOS_TEST_GATE(a, b, fname, ...)                                                  \
	do {                                                                                \
		FLEXOS_TEST_KEYS(a, b);                                                     \
		fname(__VA_ARGS__);                                                         \
	} while (0)
#define FLEXOS_TEST_GATE_R(a, b, ret, fname, ...)                                           \
	do {                                                                                \
		FLEXOS_TEST_KEYS(a, b);                                                     \
		(ret) = fname(__VA_ARGS__);                                                 \
	} while (0)

#define flexos_nop_gate(a, b, ...) FLEXOS_TEST_GATE(a, b, __VA_ARGS__)
#define flexos_nop_gate_r(a, b, ...) FLEXOS_TEST_GATE_R(a, b, __VA_ARGS__)
#define flexos_intelpku_gate(a, b, ...) FLEXOS_TEST_GATE(a, b, __VA_ARGS__)
#define flexos_intelpku_gate_r(a, b, ...) FLEXOS_TEST_GATE_R(a, b, __VA_ARGS__)
#define flexos_vmept_gate(a, b, ...) FLEXOS_TEST_GATE(a, b, __VA_ARGS__)
#define flexos_vmept_gate_r(a, b, ...) FLEXOS_TEST_GATE_R(a, b, __VA_ARGS__)
#define flexos_cheri_gate(a, b, ...) FLEXOS_TEST_GATE(a, b, __VA_ARGS__)
#define flexos_cheri_gate_r(a, b, ...) FLEXOS_TEST_GATE_R(a, b, __VA_ARGS__)

#define flexos_gate(...) _Static_assert(0, "leftover flexos_gate placeholder")
#define flexos_gate_r(...) _Static_assert(0, "leftover flexos_gate_r placeholder")

#endif /* FLEXOS_TEST_H */
