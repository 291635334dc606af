/*
 * Intel MPK (start.c says how the pieces fit): a protection key per compartment and gates
 * that switch PKRU and the stack.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "flexos/isolation.h"
#include "flexos-rt.h"
#include "start.h"


#ifdef FLEXOS_MPK
/* One protection key per compartment for its data, bss, read-only data, heap and stack; key 0
 * (every page not tagged) is shared: the shared data and heap, the data shadow stacks, the C
 * library and the runtime. Running compartment c, PKRU opens key 0 and c's key only. */
static int pkey_of[FLEXOS_MAX_COMPARTMENTS];
/* Where frames of a call into compartment c start: the top of its stack, or just below the
 * frames it had when it called out (a callback re-enters below them). */
static uintptr_t sp_top[FLEXOS_MAX_COMPARTMENTS];

static uint32_t pkru_for(int c)
{
	return 0xFFFFFFFCu & ~(3u << (2 * pkey_of[c]));
}

static inline void write_pkru(uint32_t pkru)
{
	__asm__ volatile("wrpkru" ::"a"(pkru), "c"(0), "d"(0) : "memory");
}

/*
 * uint64_t flexos_mpk_switch(fn, args, stack_top, pkru_in, pkru_out, saved_sp):
 * records the caller's stack pointer in *saved_sp, loads the six argument words (from the
 * caller's stack, while its key is still open), moves to `stack_top`, writes `pkru_in`,
 * calls `fn`, writes `pkru_out`, and returns to the caller's stack with fn's result.
 */
uint64_t flexos_mpk_switch(void *fn, const uint64_t *args, uintptr_t stack_top, uint32_t pkru_in,
			   uint32_t pkru_out, uintptr_t *saved_sp);
__asm__(".text\n"
	".globl flexos_mpk_switch\n"
	".type flexos_mpk_switch, @function\n"
	"flexos_mpk_switch:\n"
	"	push %rbp\n"
	"	mov %rsp, %rbp\n"
	"	push %rbx\n"
	"	push %r12\n"
	"	push %r13\n"
	"	push %r14\n"
	"	push %r15\n"
	"	sub $8, %rsp\n"
	"	mov %rsp, (%r9)\n"
	"	mov %rdi, %r12\n"
	"	mov %r8d, %r14d\n"
	"	mov %ecx, %r15d\n"
	"	mov %rsp, %rbx\n"
	"	mov %rsi, %r13\n"
	"	mov 0(%r13), %rdi\n"
	"	mov 8(%r13), %rsi\n"
	"	mov 16(%r13), %r10\n"
	"	mov 24(%r13), %r11\n"
	"	mov 32(%r13), %r8\n"
	"	mov 40(%r13), %r9\n"
	"	mov %rdx, %rsp\n"
	"	mov %r15d, %eax\n"
	"	xor %ecx, %ecx\n"
	"	xor %edx, %edx\n"
	"	wrpkru\n"
	"	mov %r10, %rdx\n"
	"	mov %r11, %rcx\n"
	"	call *%r12\n"
	"	mov %rax, %r15\n"
	"	mov %r14d, %eax\n"
	"	xor %ecx, %ecx\n"
	"	xor %edx, %edx\n"
	"	wrpkru\n"
	"	mov %rbx, %rsp\n"
	"	mov %r15, %rax\n"
	"	add $8, %rsp\n"
	"	pop %r15\n"
	"	pop %r14\n"
	"	pop %r13\n"
	"	pop %r12\n"
	"	pop %rbx\n"
	"	pop %rbp\n"
	"	ret\n"
	".size flexos_mpk_switch, .-flexos_mpk_switch\n");

uint64_t flexos_mpk_call(int from, int to, void *fn, int nargs, const uint64_t *args)
{
	uint64_t a[FLEXOS_GATE_MAX_ARGS] = { 0 };
	int caller = flexos_self;
	uintptr_t saved;
	uint64_t r;

	(void)from; /* the runtime knows which compartment runs */
	memcpy(a, args, (size_t)nargs * sizeof(uint64_t));
	if (!flexos_separated || to == caller || to < 0 || to >= flexos_ncomps)
		return ((uint64_t(*)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t))fn)(
			a[0], a[1], a[2], a[3], a[4], a[5]);
	saved = sp_top[caller];
	flexos_self = to;
	r = flexos_mpk_switch(fn, a, sp_top[to], pkru_for(to), pkru_for(caller), &sp_top[caller]);
	flexos_self = caller;
	sp_top[caller] = saved;
	return r;
}

static void on_heap_grown(int comp, void *addr, size_t len)
{
	if (pkey_mprotect(addr, len, PROT_READ | PROT_WRITE, pkey_of[comp]) != 0)
		flexos_fatal("cannot tag a heap page with its compartment's key");
}

/*
 * At exit every key opens again: the C library's and libasan's exit work (destructors, asan's
 * unregistering of each library's globals) reads every compartment's data, from whichever
 * compartment called exit(). Registered at start-up, so it runs before the destructors.
 */
static void open_all_keys(void)
{
	flexos_self = flexos_main_comp;
	write_pkru(0);
}

void flexos_mpk_open_all(void)
{
	write_pkru(0);
}

/*
 * Called by libasan when it is about to report an error (a program with asan-built
 * libraries): the report reads every library's globals and the shadow, whatever compartment
 * the error happened in, and the program ends after it.
 */
void __asan_on_error(void)
{
	write_pkru(0);
}

void flexos_mpk_setup(void)
{
	for (int c = 0; c < flexos_ncomps; c++) {
		pkey_of[c] = pkey_alloc(0, 0);
		if (pkey_of[c] < 0)
			flexos_fatal("no protection key for a compartment (does this CPU have PKU?)");
		sp_top[c] = flexos_stack_base(c) + STACK_SIZE;
	}
	for (int i = 0; i < flexos_nranges; i++) {
		const struct range *r = &flexos_ranges[i];
		int prot = r->readonly ? PROT_READ : PROT_READ | PROT_WRITE;

		if (r->region == R_TEXT)
			continue; /* keys govern data accesses, not instruction fetches */
		if (r->region == R_HEAP) {
			uintptr_t mapped = flexos_heap_mapped_end(r->comp);

			if (mapped > r->start)
				on_heap_grown(r->comp, (void *)r->start, mapped - r->start);
			continue;
		}
		if (pkey_mprotect((void *)r->start, r->end - r->start, prot, pkey_of[r->comp]) != 0)
			flexos_fatal("cannot tag a compartment's memory with its key");
	}
	flexos_heap_grown = on_heap_grown;
	flexos_separated = 1;
	atexit(open_all_keys);
}

void flexos_run_user_main_mpk(void)
{
	write_pkru(pkru_for(flexos_main_comp));
	flexos_run_user_main();
}
#endif
