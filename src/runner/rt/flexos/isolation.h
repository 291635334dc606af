/*
 * flexos/isolation.h: what instantiated FlexOS sources expect from the runtime, for a Linux
 * process built by the playground's runner (src/runner/). Every source is compiled with
 * `-include flexos/isolation.h`, as Unikraft's build includes its own isolation header.
 *
 * Gates. Under `fcalls`, and between two libraries of one compartment, a gate is a plain
 * function call (FlexOS's nop gate). The gates of separating mechanisms are given by the
 * runtime variant that enforces them; with this one they stop the build with a message, so a
 * build can never claim a separation it does not have.
 *
 * Allocators. `flexos_shared_alloc` is the heap every compartment may touch; compartment N
 * has its private `flexos_compN_alloc`. Each heap owns its own page-aligned address range
 * (see isolation.c), so an address tells which heap, and which compartment, it belongs to.
 *
 * Placeholders the rewriter must have replaced (`flexos_gate`, `flexos_gate_r`) fail to
 * compile here, with a message; a leftover `flexos_whitelist` or `libX_callback` attribute is
 * an unknown attribute, which the runner compiles with -Werror=attributes.
 */
#ifndef FLEXOS_ISOLATION_H
#define FLEXOS_ISOLATION_H

#include <stddef.h>
#include <stdint.h>

/* The most compartments an image may have here (intel-mpk: 15, vm-ept: 16). */
#define FLEXOS_MAX_COMPARTMENTS 16

/* Offset of the data shadow stack above a thread's stack (`dss` sharing). */
#define STACK_SIZE (1UL << 16)

/* ---------------------------------------------------------------- allocators */

struct uk_alloc;

extern struct uk_alloc *flexos_shared_alloc;
extern struct uk_alloc *flexos_comp0_alloc;
extern struct uk_alloc *flexos_comp1_alloc;
extern struct uk_alloc *flexos_comp2_alloc;
extern struct uk_alloc *flexos_comp3_alloc;
extern struct uk_alloc *flexos_comp4_alloc;
extern struct uk_alloc *flexos_comp5_alloc;
extern struct uk_alloc *flexos_comp6_alloc;
extern struct uk_alloc *flexos_comp7_alloc;
extern struct uk_alloc *flexos_comp8_alloc;
extern struct uk_alloc *flexos_comp9_alloc;
extern struct uk_alloc *flexos_comp10_alloc;
extern struct uk_alloc *flexos_comp11_alloc;
extern struct uk_alloc *flexos_comp12_alloc;
extern struct uk_alloc *flexos_comp13_alloc;
extern struct uk_alloc *flexos_comp14_alloc;
extern struct uk_alloc *flexos_comp15_alloc;

void *uk_malloc(struct uk_alloc *a, size_t size);
void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size);
void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size);
void *uk_memalign(struct uk_alloc *a, size_t align, size_t size);
void *uk_palloc(struct uk_alloc *a, unsigned long num_pages);
void uk_free(struct uk_alloc *a, void *ptr);
void uk_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages);

/* ---------------------------------------------------------------- gates */

/* `fn` is the first of the variadic arguments so that a gate without arguments,
 * `flexos_nop_gate(0, 1, fn)`, expands to `fn()`. */
#define _flexos_call(fn, ...) fn(__VA_ARGS__)

#define flexos_nop_gate(from, to, ...)                                                      \
	do {                                                                                \
		_Static_assert((from) >= 0 && (from) < FLEXOS_MAX_COMPARTMENTS &&           \
				       (to) >= 0 && (to) < FLEXOS_MAX_COMPARTMENTS,         \
			       "gate compartment numbers");                                 \
		_flexos_call(__VA_ARGS__);                                                  \
	} while (0)

#define flexos_nop_gate_r(from, to, ret, ...)                                               \
	do {                                                                                \
		_Static_assert((from) >= 0 && (from) < FLEXOS_MAX_COMPARTMENTS &&           \
				       (to) >= 0 && (to) < FLEXOS_MAX_COMPARTMENTS,         \
			       "gate compartment numbers");                                 \
		(ret) = _flexos_call(__VA_ARGS__);                                          \
	} while (0)

#define _flexos_no_gate(mechanism)                                                          \
	_Static_assert(0, "this runtime has no " mechanism " gates: build with fcalls")

#define flexos_intelpku_gate(...) _flexos_no_gate("intel-mpk")
#define flexos_intelpku_gate_r(...) _flexos_no_gate("intel-mpk")
#define flexos_vmept_gate(...) _flexos_no_gate("vm-ept")
#define flexos_vmept_gate_r(...) _flexos_no_gate("vm-ept")
#define flexos_cheri_gate(...) _flexos_no_gate("cheri")
#define flexos_cheri_gate_r(...) _flexos_no_gate("cheri")

#define flexos_gate(...) _Static_assert(0, "leftover flexos_gate placeholder (not instantiated)")
#define flexos_gate_r(...)                                                                  \
	_Static_assert(0, "leftover flexos_gate_r placeholder (not instantiated)")

#endif /* FLEXOS_ISOLATION_H */
