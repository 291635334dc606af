/*
 * The runner's start-up and separation for a Linux process (flexos/isolation.h).
 *
 * The runner links with `--wrap=main`, so the C library starts `__wrap_main` here, which
 * calls the user's `main` (`__real_main`) once the compartments are set up:
 *
 * 1. It finds each compartment's ranges from the layout script's symbols (text, data, bss and
 *    read-only data of its libraries, page-aligned), its heap (isolation.c) and gives every
 *    compartment a stack of its own, STACK_SIZE bytes, with the data shadow stack (`dss`
 *    sharing: a shared local lives STACK_SIZE above the private one) right above it.
 * 2. `fcalls` (a build without FLEXOS_VMEPT or FLEXOS_MPK): one process, gates are calls
 *    (isolation.h); a crash is reported with the compartment holding `main`.
 * 3. `vm-ept` as processes (FLEXOS_VMEPT, vmept.c): what FlexOS's VM backend gets from EPT, here from
 *    page tables. The shared ranges (`.data_shared`, the shared heap, the gate control block,
 *    the data shadow stacks under `dss`, every stack under `shared-stack`) are made MAP_SHARED
 *    at their addresses; then one process per compartment is forked, and each unmaps what
 *    belongs to the others: their text, data, bss, read-only data, heap and private stack. A
 *    stray access of one compartment into another's memory is then a page fault, which
 *    `on_fault` reports with who touched what. A gate is an RPC through the control block:
 *    the caller writes the call into a frame, hands the turn to the callee's process and
 *    waits, serving calls made to it meanwhile (a callback re-enters the caller's process);
 *    the callee runs the function on its own stack and hands back the result and errno. One
 *    process runs at a time, so the frames form one stack.
 * 4. Intel MPK (FLEXOS_MPK, mpk.c): one process; each compartment's data, bss, read-only data, heap
 *    and stack get a protection key of their own (key 0, open everywhere, stays on the shared
 *    ranges, the C library and the runtime), and a gate switches PKRU and the stack
 *    (`flexos_mpk_switch`). A key fault is reported as in 3.
 *
 * Faults are reported on file descriptor 3 when the runner opened it (one JSON line), and in
 * words on stderr; then every process of the program is killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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
#include <ucontext.h>
#include <unistd.h>

#include "flexos/isolation.h"
#include "flexos-rt.h"
#include "start.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PAGE 4096UL
/* Compartment c's stack is [STACKS_BASE + c * STACK_STRIDE, + STACK_SIZE); its data shadow
 * stack follows; the rest of the stride stays unmapped as a guard. */
#define STACKS_BASE 0x200000000000UL
#define STACK_STRIDE (4 * STACK_SIZE)

int __real_main(int argc, char **argv, char **envp);

/* ------------------------------------------------------------ the layout's symbols */

#define RANGE_SYMBOLS(n)                                                                      \
	extern char __flexos_comp##n##_text_start[] __attribute__((weak));                   \
	extern char __flexos_comp##n##_text_end[] __attribute__((weak));                     \
	extern char __flexos_comp##n##_data_start[] __attribute__((weak));                   \
	extern char __flexos_comp##n##_data_end[] __attribute__((weak));                     \
	extern char __flexos_comp##n##_bss_start[] __attribute__((weak));                    \
	extern char __flexos_comp##n##_bss_end[] __attribute__((weak));                      \
	extern char __flexos_comp##n##_rodata_start[] __attribute__((weak));                 \
	extern char __flexos_comp##n##_rodata_end[] __attribute__((weak));
RANGE_SYMBOLS(0)
RANGE_SYMBOLS(1)
RANGE_SYMBOLS(2)
RANGE_SYMBOLS(3)
RANGE_SYMBOLS(4)
RANGE_SYMBOLS(5)
RANGE_SYMBOLS(6)
RANGE_SYMBOLS(7)
RANGE_SYMBOLS(8)
RANGE_SYMBOLS(9)
RANGE_SYMBOLS(10)
RANGE_SYMBOLS(11)
RANGE_SYMBOLS(12)
RANGE_SYMBOLS(13)
RANGE_SYMBOLS(14)
RANGE_SYMBOLS(15)

struct comp_symbols {
	char *text[2], *data[2], *bss[2], *rodata[2];
};

#define COMP_SYMBOLS(n)                                                                       \
	{ { __flexos_comp##n##_text_start, __flexos_comp##n##_text_end },                    \
	  { __flexos_comp##n##_data_start, __flexos_comp##n##_data_end },                    \
	  { __flexos_comp##n##_bss_start, __flexos_comp##n##_bss_end },                      \
	  { __flexos_comp##n##_rodata_start, __flexos_comp##n##_rodata_end } }
static const struct comp_symbols symbols[FLEXOS_MAX_COMPARTMENTS] = {
	COMP_SYMBOLS(0),  COMP_SYMBOLS(1),  COMP_SYMBOLS(2),  COMP_SYMBOLS(3),
	COMP_SYMBOLS(4),  COMP_SYMBOLS(5),  COMP_SYMBOLS(6),  COMP_SYMBOLS(7),
	COMP_SYMBOLS(8),  COMP_SYMBOLS(9),  COMP_SYMBOLS(10), COMP_SYMBOLS(11),
	COMP_SYMBOLS(12), COMP_SYMBOLS(13), COMP_SYMBOLS(14), COMP_SYMBOLS(15),
};

/* ------------------------------------------------------------ who owns an address */

static const char *const region_names[] = { "text", "data", "bss", "heap", "stack" };

/* What start.h declares, described there. */
struct range flexos_ranges[FLEXOS_MAX_COMPARTMENTS * 6];
int flexos_nranges;
int flexos_ncomps;
int flexos_main_comp;
int flexos_self = -1;
int flexos_separated;
static int shared_stacks; /* `shared-stack`: stacks are not private */

static void add_range(uintptr_t start, uintptr_t end, int comp, enum region region, int readonly)
{
	if (start < end && flexos_nranges < (int)(sizeof(flexos_ranges) / sizeof(flexos_ranges[0])))
		flexos_ranges[flexos_nranges++] = (struct range){ start, end, comp, region, readonly };
}

uintptr_t flexos_stack_base(int comp)
{
	return STACKS_BASE + (uintptr_t)comp * STACK_STRIDE;
}

static void find_ranges(void)
{
	uintptr_t user_main = (uintptr_t)&__real_main;

	for (int c = 0; c < FLEXOS_MAX_COMPARTMENTS; c++) {
		const struct comp_symbols *s = &symbols[c];

		if (s->data[0] == NULL)
			continue;
		flexos_ncomps = c + 1;
		add_range((uintptr_t)s->text[0], (uintptr_t)s->text[1], c, R_TEXT, 1);
		add_range((uintptr_t)s->data[0], (uintptr_t)s->data[1], c, R_DATA, 0);
		add_range((uintptr_t)s->rodata[0], (uintptr_t)s->rodata[1], c, R_DATA, 1);
		add_range((uintptr_t)s->bss[0], (uintptr_t)s->bss[1], c, R_BSS, 0);
		add_range(flexos_heap_start(c), flexos_heap_start(c) + flexos_heap_span(), c, R_HEAP,
			  0);
		if (!shared_stacks)
			add_range(flexos_stack_base(c), flexos_stack_base(c) + STACK_SIZE, c, R_STACK, 0);
		if (user_main >= (uintptr_t)s->text[0] && user_main < (uintptr_t)s->text[1])
			flexos_main_comp = c;
	}
	if (flexos_ncomps == 0)
		flexos_ncomps = 1; /* built without the layout script (the runtime's own tests) */
}

static const struct range *owner_of(uintptr_t addr)
{
	for (int i = 0; i < flexos_nranges; i++)
		if (addr >= flexos_ranges[i].start && addr < flexos_ranges[i].end)
			return &flexos_ranges[i];
	return NULL;
}

/* ------------------------------------------------------------ faults */

static int report_fd = -1;

/* Small async-signal-safe formatting: the handler may run in the middle of printf. */
static size_t put_str(char *buf, size_t at, size_t cap, const char *s)
{
	while (*s != '\0' && at + 1 < cap)
		buf[at++] = *s++;
	buf[at] = '\0';
	return at;
}

static size_t put_num(char *buf, size_t at, size_t cap, uintptr_t v, int hex)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % (hex ? 16 : 10)];
		v /= hex ? 16 : 10;
	} while (v != 0);
	if (hex)
		at = put_str(buf, at, cap, "0x");
	while (n > 0 && at + 1 < cap)
		buf[at++] = digits[--n];
	buf[at] = '\0';
	return at;
}

static void write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void __attribute__((noreturn)) flexos_kill_program(int sig)
{
	/* Every process of the program is in this process group (the sandbox's session). */
	signal(sig, SIG_DFL);
	kill(0, sig);
	raise(sig);
	_exit(128 + sig);
}

/*
 * `,"block":{...}` for an address in a heap: the block it hits or runs past, with its size
 * and the call that allocated it. Under MPK the handler opens every key to read the heap's
 * headers (the program ends after the report); under vm-ept the owner's heap is not mapped in
 * this process, so nothing is added.
 */
static size_t put_block(char *buf, size_t n, size_t cap, const struct range *r, uintptr_t addr)
{
#ifdef FLEXOS_MPK
	struct flexos_block b;

	if (r->region != R_HEAP)
		return n;
	flexos_mpk_open_all();
	if (!flexos_heap_block(r->comp, addr, &b))
		return n;
	n = put_str(buf, n, cap, ",\"block\":{\"start\":\"");
	n = put_num(buf, n, cap, b.start, 1);
	n = put_str(buf, n, cap, "\",\"size\":");
	n = put_num(buf, n, cap, b.size, 0);
	n = put_str(buf, n, cap, ",\"site\":\"");
	n = put_num(buf, n, cap, b.site, 1);
	n = put_str(buf, n, cap, b.live ? "\",\"live\":true}" : "\",\"live\":false}");
#else
	(void)buf, (void)cap, (void)r, (void)addr;
#endif
	return n;
}

static void on_fault(int sig, siginfo_t *info, void *context)
{
	uintptr_t addr = (uintptr_t)info->si_addr;
	const struct range *r = owner_of(addr);
	const ucontext_t *uc = context;
	unsigned long err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR];
	const char *access = (err & 0x10) ? "execute" : (err & 0x2) ? "write" : "read";
	char buf[512];
	size_t n = 0;

	if (info->si_code <= 0) {
		/* Sent by kill(): another process of the program crashed and took us along. */
		signal(sig, SIG_DFL);
		raise(sig);
		_exit(128 + sig);
	}
	if (r == NULL || r->comp == flexos_self || !flexos_separated) {
		/* Not another compartment's memory (or nothing is separated): an ordinary crash. */
		n = put_str(buf, n, sizeof(buf), "flexos: compartment ");
		n = put_num(buf, n, sizeof(buf), (uintptr_t)flexos_self, 0);
		n = put_str(buf, n, sizeof(buf),
			    sig == SIGBUS ? ": bus error at " :
			    flexos_separated && addr < flexos_stack_base(flexos_self) &&
					    addr >= flexos_stack_base(flexos_self) - STACK_SIZE ?
					  ": stack overflow (stacks are STACK_SIZE bytes) at " :
					  ": segmentation fault at ");
		n = put_num(buf, n, sizeof(buf), addr, 1);
		n = put_str(buf, n, sizeof(buf), "\n");
		write_all(2, buf, n);
		flexos_kill_program(sig);
	}
	if (report_fd >= 0) {
		n = put_str(buf, 0, sizeof(buf), "{\"fault\":{\"compartment\":");
		n = put_num(buf, n, sizeof(buf), (uintptr_t)flexos_self, 0);
		n = put_str(buf, n, sizeof(buf), ",\"address\":\"");
		n = put_num(buf, n, sizeof(buf), addr, 1);
		n = put_str(buf, n, sizeof(buf), "\",\"ownerCompartment\":");
		n = put_num(buf, n, sizeof(buf), (uintptr_t)r->comp, 0);
		n = put_str(buf, n, sizeof(buf), ",\"region\":\"");
		n = put_str(buf, n, sizeof(buf), region_names[r->region]);
		n = put_str(buf, n, sizeof(buf), "\",\"access\":\"");
		n = put_str(buf, n, sizeof(buf), access);
		n = put_str(buf, n, sizeof(buf), "\",\"ip\":\"");
		n = put_num(buf, n, sizeof(buf), (uintptr_t)uc->uc_mcontext.gregs[REG_RIP], 1);
		n = put_str(buf, n, sizeof(buf), "\"");
		n = put_block(buf, n, sizeof(buf), r, addr);
		n = put_str(buf, n, sizeof(buf), "}}\n");
		write_all(report_fd, buf, n);
	}
	n = put_str(buf, 0, sizeof(buf), "flexos: separation fault: compartment ");
	n = put_num(buf, n, sizeof(buf), (uintptr_t)flexos_self, 0);
	n = put_str(buf, n, sizeof(buf), " tried to ");
	n = put_str(buf, n, sizeof(buf), access);
	n = put_str(buf, n, sizeof(buf), " ");
	n = put_num(buf, n, sizeof(buf), addr, 1);
	n = put_str(buf, n, sizeof(buf), ", in the ");
	n = put_str(buf, n, sizeof(buf), region_names[r->region]);
	n = put_str(buf, n, sizeof(buf), " of compartment ");
	n = put_num(buf, n, sizeof(buf), (uintptr_t)r->comp, 0);
	n = put_str(buf, n, sizeof(buf), "\n");
	write_all(2, buf, n);
	flexos_kill_program(SIGSEGV);
}

/*
 * For libraries built with asan (which links libasan, read by it at start-up; unused
 * otherwise): no leak check at exit (it needs ptrace, and a leak is not what the hardening is
 * for here), and the runtime's own SIGSEGV handler, which knows the compartments, stays in
 * charge of faults. ASan's own reports (an overflow it catches) go to stderr.
 */
const char *__asan_default_options(void)
{
	return "detect_leaks=0:handle_segv=0:handle_sigbus=0:allow_user_segv_handler=1";
}

void flexos_catch_faults(void)
{
	static char alt[64 * 1024];
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt) };
	struct sigaction sa;

	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

/* ------------------------------------------------------------ memory */

void __attribute__((noreturn)) flexos_fatal(const char *what)
{
	fprintf(stderr, "flexos: %s: %s\n", what, strerror(errno));
	fflush(stderr);
	_exit(70);
}

static void *map_at(uintptr_t addr, size_t len, int shared)
{
	void *p = mmap((void *)addr, len, PROT_READ | PROT_WRITE,
		       (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS | MAP_NORESERVE |
			       MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (p == MAP_FAILED || (uintptr_t)p != addr)
		flexos_fatal("cannot map a stack");
	return p;
}

void map_stacks(void)
{
	for (int c = 0; c < flexos_ncomps; c++) {
		map_at(flexos_stack_base(c), STACK_SIZE, shared_stacks);
		/* The data shadow stack: shared across processes, where a `dss` local lives. */
		map_at(flexos_stack_base(c) + STACK_SIZE, STACK_SIZE, 1);
	}
}

/* ------------------------------------------------------------ running on a stack */

static int saved_argc;
static char **saved_argv, **saved_envp;
static ucontext_t start_ctx;

void flexos_run_user_main(void)
{
	int status = __real_main(saved_argc, saved_argv, saved_envp);

	exit(status);
}

void __attribute__((noreturn)) flexos_on_stack(int comp, void (*fn)(void))
{
	ucontext_t ctx;

	getcontext(&ctx);
	ctx.uc_stack.ss_sp = (void *)flexos_stack_base(comp);
	ctx.uc_stack.ss_size = STACK_SIZE;
	ctx.uc_link = NULL;
	makecontext(&ctx, fn, 0);
	swapcontext(&start_ctx, &ctx);
	/* fn never returns: it exits. */
	_exit(70);
}

int __wrap_main(int argc, char **argv, char **envp)
{
#ifdef FLEXOS_SHARED_STACK
	shared_stacks = 1;
#endif
	saved_argc = argc;
	saved_argv = argv;
	saved_envp = envp;
	if (fcntl(3, F_GETFD) != -1)
		report_fd = 3;
	/* Output reaches the runner line by line, in order across compartments' processes. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	find_ranges();
	flexos_self = flexos_main_comp;
	flexos_catch_faults();
#if defined(FLEXOS_VMEPT)
	/* Each compartment's process runs on a stack at an address of its own, unmapped in the
	 * others: a pointer to a local that was not shared faults instead of reading a copy. */
	map_stacks();
	flexos_separated = 1;
	flexos_start_processes();
	flexos_on_stack(flexos_main_comp, flexos_run_user_main);
#elif defined(FLEXOS_MPK)
	/* Each compartment runs on a stack of its own, tagged with its key: gates switch both. */
	map_stacks();
	flexos_mpk_setup();
	flexos_on_stack(flexos_main_comp, flexos_run_user_main_mpk);
#else
	flexos_run_user_main();
#endif
	return 0; /* not reached: the program exits */
}
