/*
 * flexos/isolation.h: what instantiated FlexOS sources expect from the runtime, for a Linux
 * process built by the playground's runner (src/runner/). Every source is compiled with
 * `-include flexos/isolation.h`, as Unikraft's build includes its own isolation header.
 *
 * Gates. Under `fcalls`, and between two libraries of one compartment, a gate is a plain
 * function call (FlexOS's nop gate). Built with FLEXOS_VMEPT (the runner's `vm-ept` as one
 * process per compartment, start.c), a vm-ept gate is an RPC to the callee's process: its
 * arguments and result cross as register words, so only integers, enums, booleans and
 * pointers cross (checked at compile time), at most FLEXOS_GATE_MAX_ARGS of them. The gates
 * of a mechanism this build does not enforce stop the build with a message, so a build can
 * never claim a separation it does not have.
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

/* Size of each compartment's stack, and so the offset of its data shadow stack above it
 * (`dss` sharing: a shared local `x` lives at `&x + STACK_SIZE`). */
#define STACK_SIZE (1UL << 20)

/* The most arguments a gate passes (the rewriter's limit too). */
#define FLEXOS_GATE_MAX_ARGS 6

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

/* ---------------------------------------------------------------- gates that cross
 * Arguments and results cross as register words: only integers, enums, booleans and pointers
 * (checked at compile time), at most FLEXOS_GATE_MAX_ARGS. */

#define _flexos_nargs(...) _flexos_nargs_(0, ##__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define _flexos_nargs_(_0, _1, _2, _3, _4, _5, _6, _7, _8, n, ...) n
#define _flexos_cat(a, b) _flexos_cat_(a, b)
#define _flexos_cat_(a, b) a##b

/* __builtin_classify_type: 1 integer, 2 char, 3 enum, 4 boolean, 5 pointer (arrays decay). */
#define _flexos_is_word(x) (__builtin_classify_type(x) >= 1 && __builtin_classify_type(x) <= 5)
#define _flexos_word(a)                                                                     \
	(__extension__({                                                                    \
		_Static_assert(_flexos_is_word(a),                                          \
			       "a gate passes integers and pointers only");                 \
		(uint64_t)(uintptr_t)(a);                                                   \
	}))
#define _flexos_w0()
#define _flexos_w1(a) _flexos_word(a)
#define _flexos_w2(a, b) _flexos_w1(a), _flexos_word(b)
#define _flexos_w3(a, b, c) _flexos_w2(a, b), _flexos_word(c)
#define _flexos_w4(a, b, c, d) _flexos_w3(a, b, c), _flexos_word(d)
#define _flexos_w5(a, b, c, d, e) _flexos_w4(a, b, c, d), _flexos_word(e)
#define _flexos_w6(a, b, c, d, e, f) _flexos_w5(a, b, c, d, e), _flexos_word(f)
#define _flexos_w7(...) 0
#define _flexos_w8(...) 0
#define _flexos_args(...)                                                                   \
	((const uint64_t[FLEXOS_GATE_MAX_ARGS + 1]){                                        \
		_flexos_cat(_flexos_w, _flexos_nargs(__VA_ARGS__))(__VA_ARGS__) })
#define _flexos_check_gate(from, to, ...)                                                   \
	_Static_assert((from) >= 0 && (from) < FLEXOS_MAX_COMPARTMENTS && (to) >= 0 &&      \
			       (to) < FLEXOS_MAX_COMPARTMENTS,                              \
		       "gate compartment numbers");                                         \
	_Static_assert(_flexos_nargs(__VA_ARGS__) <= FLEXOS_GATE_MAX_ARGS,                  \
		       "a gate passes at most 6 arguments")

/* A gate through `call` (the runtime's crossing), with or without its result. */
#define _flexos_cross(call, from, to, fn, ...)                                              \
	do {                                                                                \
		_flexos_check_gate(from, to, ##__VA_ARGS__);                                \
		(void)call((from), (to), (void *)(fn), _flexos_nargs(__VA_ARGS__),          \
			   _flexos_args(__VA_ARGS__));                                      \
	} while (0)
#define _flexos_cross_r(call, from, to, ret, fn, ...)                                       \
	do {                                                                                \
		_flexos_check_gate(from, to, ##__VA_ARGS__);                                \
		_Static_assert(_flexos_is_word((fn)(__VA_ARGS__)),                          \
			       "a gate returns integers and pointers only");                \
		(ret) = (__typeof__((fn)(__VA_ARGS__)))call((from), (to), (void *)(fn),     \
							    _flexos_nargs(__VA_ARGS__),     \
							    _flexos_args(__VA_ARGS__));     \
	} while (0)

#ifdef FLEXOS_MPK
/* Intel MPK (start.c, mpk.c): switch the protection-key rights and the stack, call, back. */
uint64_t flexos_mpk_call(int from, int to, void *fn, int nargs, const uint64_t *args);
#define flexos_intelpku_gate(from, to, fn, ...)                                             \
	_flexos_cross(flexos_mpk_call, from, to, fn, ##__VA_ARGS__)
#define flexos_intelpku_gate_r(from, to, ret, fn, ...)                                      \
	_flexos_cross_r(flexos_mpk_call, from, to, ret, fn, ##__VA_ARGS__)
#else
#define flexos_intelpku_gate(...) _flexos_no_gate("intel-mpk")
#define flexos_intelpku_gate_r(...) _flexos_no_gate("intel-mpk")
#endif

#ifdef FLEXOS_VMEPT
/* vm-ept as one process per compartment (start.c): an RPC to the callee's process. */
uint64_t flexos_vmept_call(int from, int to, void *fn, int nargs, const uint64_t *args);
#define flexos_vmept_gate(from, to, fn, ...)                                                \
	_flexos_cross(flexos_vmept_call, from, to, fn, ##__VA_ARGS__)
#define flexos_vmept_gate_r(from, to, ret, fn, ...)                                         \
	_flexos_cross_r(flexos_vmept_call, from, to, ret, fn, ##__VA_ARGS__)
#else
#define flexos_vmept_gate(...) _flexos_no_gate("vm-ept")
#define flexos_vmept_gate_r(...) _flexos_no_gate("vm-ept")
#endif
#define flexos_cheri_gate(...) _flexos_no_gate("cheri")
#define flexos_cheri_gate_r(...) _flexos_no_gate("cheri")

#define flexos_gate(...) _Static_assert(0, "leftover flexos_gate placeholder (not instantiated)")
#define flexos_gate_r(...)                                                                  \
	_Static_assert(0, "leftover flexos_gate_r placeholder (not instantiated)")

#endif /* FLEXOS_ISOLATION_H */
