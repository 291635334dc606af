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
 * 3. `vm-ept` as processes (FLEXOS_VMEPT): what FlexOS's VM backend gets from EPT, here from
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
 * 4. Intel MPK (FLEXOS_MPK): one process; each compartment's data, bss, read-only data, heap
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

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PAGE 4096UL
/* Compartment c's stack is [STACKS_BASE + c * STACK_STRIDE, + STACK_SIZE); its data shadow
 * stack follows; the rest of the stride stays unmapped as a guard. */
#define STACKS_BASE 0x200000000000UL
#define STACK_STRIDE (4 * STACK_SIZE)
#define MAX_FRAMES 256

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
extern char __flexos_shared_data_start[] __attribute__((weak));
extern char __flexos_shared_data_end[] __attribute__((weak));

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

enum region { R_TEXT, R_DATA, R_BSS, R_HEAP, R_STACK };
static const char *const region_names[] = { "text", "data", "bss", "heap", "stack" };

struct range {
	uintptr_t start, end;
	int comp;
	enum region region;
	int readonly; /* read-only data (rodata): protected PROT_READ */
};

/* Every compartment's private ranges: at most 6 each (text, data, bss, rodata, heap, stack). */
static struct range ranges[FLEXOS_MAX_COMPARTMENTS * 6];
static int nranges;
static int ncomps;	    /* compartments 0 .. ncomps - 1 exist */
static int main_comp;	    /* the compartment whose library defines main */
static int self = -1;	    /* the compartment this process is (vm-ept), else main_comp */
static int shared_stacks; /* `shared-stack`: stacks are not private */
static int separated;	    /* vm-ept or MPK: another compartment's range is off limits */

static void add_range(uintptr_t start, uintptr_t end, int comp, enum region region, int readonly)
{
	if (start < end && nranges < (int)(sizeof(ranges) / sizeof(ranges[0])))
		ranges[nranges++] = (struct range){ start, end, comp, region, readonly };
}

static uintptr_t stack_base(int comp)
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
		ncomps = c + 1;
		add_range((uintptr_t)s->text[0], (uintptr_t)s->text[1], c, R_TEXT, 1);
		add_range((uintptr_t)s->data[0], (uintptr_t)s->data[1], c, R_DATA, 0);
		add_range((uintptr_t)s->rodata[0], (uintptr_t)s->rodata[1], c, R_DATA, 1);
		add_range((uintptr_t)s->bss[0], (uintptr_t)s->bss[1], c, R_BSS, 0);
		add_range(flexos_heap_start(c), flexos_heap_start(c) + flexos_heap_span(), c, R_HEAP,
			  0);
		if (!shared_stacks)
			add_range(stack_base(c), stack_base(c) + STACK_SIZE, c, R_STACK, 0);
		if (user_main >= (uintptr_t)s->text[0] && user_main < (uintptr_t)s->text[1])
			main_comp = c;
	}
	if (ncomps == 0)
		ncomps = 1; /* built without the layout script (the runtime's own tests) */
}

static const struct range *owner_of(uintptr_t addr)
{
	for (int i = 0; i < nranges; i++)
		if (addr >= ranges[i].start && addr < ranges[i].end)
			return &ranges[i];
	return NULL;
}

/* ------------------------------------------------------------ faults */

static int report_fd = -1;
struct control;
static struct control *control; /* the gate control block; NULL unless vm-ept */

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

static void kill_program(int sig)
{
	/* Every process of the program is in this process group (the sandbox's session). */
	signal(sig, SIG_DFL);
	kill(0, sig);
	raise(sig);
	_exit(128 + sig);
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
	if (r == NULL || r->comp == self || !separated) {
		/* Not another compartment's memory (or nothing is separated): an ordinary crash. */
		n = put_str(buf, n, sizeof(buf), "flexos: compartment ");
		n = put_num(buf, n, sizeof(buf), (uintptr_t)self, 0);
		n = put_str(buf, n, sizeof(buf),
			    sig == SIGBUS ? ": bus error at " :
			    separated && addr < stack_base(self) &&
					    addr >= stack_base(self) - STACK_SIZE ?
					  ": stack overflow (stacks are STACK_SIZE bytes) at " :
					  ": segmentation fault at ");
		n = put_num(buf, n, sizeof(buf), addr, 1);
		n = put_str(buf, n, sizeof(buf), "\n");
		write_all(2, buf, n);
		kill_program(sig);
	}
	if (report_fd >= 0) {
		n = put_str(buf, 0, sizeof(buf), "{\"fault\":{\"compartment\":");
		n = put_num(buf, n, sizeof(buf), (uintptr_t)self, 0);
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
		n = put_str(buf, n, sizeof(buf), "\"}}\n");
		write_all(report_fd, buf, n);
	}
	n = put_str(buf, 0, sizeof(buf), "flexos: separation fault: compartment ");
	n = put_num(buf, n, sizeof(buf), (uintptr_t)self, 0);
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
	kill_program(SIGSEGV);
}

static void catch_faults(void)
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

static void __attribute__((noreturn)) fatal(const char *what)
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
		fatal("cannot map a stack");
	return p;
}

static void __attribute__((unused)) map_stacks(void)
{
	for (int c = 0; c < ncomps; c++) {
		map_at(stack_base(c), STACK_SIZE, shared_stacks);
		/* The data shadow stack: shared across processes, where a `dss` local lives. */
		map_at(stack_base(c) + STACK_SIZE, STACK_SIZE, 1);
	}
}

/* ------------------------------------------------------------ running on a stack */

static int saved_argc;
static char **saved_argv, **saved_envp;
static ucontext_t start_ctx;

static void run_user_main(void)
{
	int status = __real_main(saved_argc, saved_argv, saved_envp);

	exit(status);
}

static void __attribute__((noreturn)) on_stack(int comp, void (*fn)(void))
{
	ucontext_t ctx;

	getcontext(&ctx);
	ctx.uc_stack.ss_sp = (void *)stack_base(comp);
	ctx.uc_stack.ss_size = STACK_SIZE;
	ctx.uc_link = NULL;
	makecontext(&ctx, fn, 0);
	swapcontext(&start_ctx, &ctx);
	/* fn never returns: it exits. */
	_exit(70);
}

/* ------------------------------------------------------------ gates between processes */

struct frame {
	int from, to, done, nargs, err;
	void *fn;
	uint64_t args[FLEXOS_GATE_MAX_ARGS];
	uint64_t ret;
};

struct control {
	int turn;				/* the compartment whose process runs */
	int seq[FLEXOS_MAX_COMPARTMENTS]; /* futex words, one per compartment's process */
	int depth;
	struct frame frames[MAX_FRAMES];
};

static volatile sig_atomic_t child_gone;

static long futex(int *word, int op, int val)
{
	return syscall(SYS_futex, word, op, val, NULL, NULL, 0);
}

static void end_with_child(void);

static void pass_turn(int to)
{
	fflush(stdout);
	fflush(stderr);
	__atomic_store_n(&control->turn, to, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&control->seq[to], 1, __ATOMIC_SEQ_CST);
	futex(&control->seq[to], FUTEX_WAKE, 1);
}

static void wait_turn(void)
{
	for (;;) {
		int seen = __atomic_load_n(&control->seq[self], __ATOMIC_SEQ_CST);

		if (__atomic_load_n(&control->turn, __ATOMIC_SEQ_CST) == self)
			return;
		if (child_gone)
			end_with_child();
		futex(&control->seq[self], FUTEX_WAIT, seen);
	}
}

typedef uint64_t (*fn6)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

static void serve(struct frame *f)
{
	uint64_t *a = f->args;

	errno = 0;
	f->ret = ((fn6)f->fn)(a[0], a[1], a[2], a[3], a[4], a[5]);
	f->err = errno;
	f->done = 1;
	pass_turn(f->from);
}

/* Waits for `mine` to be answered, serving the calls made to this compartment meanwhile. */
static void serve_until(struct frame *mine)
{
	for (;;) {
		struct frame *top;

		wait_turn();
		top = &control->frames[control->depth - 1];
		if (mine != NULL && top == mine && mine->done)
			return;
		if (top->to == self && !top->done)
			serve(top);
	}
}

uint64_t flexos_vmept_call(int from, int to, void *fn, int nargs, const uint64_t *args)
{
	struct frame *f;
	uint64_t ret;
	int err;

	(void)from; /* the process knows which compartment it is */
	if (control == NULL || to == self || to < 0 || to >= ncomps) {
		fn6 call = (fn6)fn;
		uint64_t a[FLEXOS_GATE_MAX_ARGS] = { 0 };

		memcpy(a, args, (size_t)nargs * sizeof(uint64_t));
		return call(a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	if (control->depth >= MAX_FRAMES) {
		fprintf(stderr, "flexos: gates nested more than %d deep\n", MAX_FRAMES);
		kill_program(SIGABRT);
	}
	f = &control->frames[control->depth++];
	memset(f, 0, sizeof(*f));
	f->from = self;
	f->to = to;
	f->fn = fn;
	f->nargs = nargs;
	memcpy(f->args, args, (size_t)nargs * sizeof(uint64_t));
	pass_turn(to);
	serve_until(f);
	ret = f->ret;
	err = f->err;
	control->depth--;
	errno = err;
	return ret;
}

static void __attribute__((noreturn)) serve_forever(void)
{
	serve_until(NULL);
	_exit(70);
}

/* A compartment's process ended by itself (exit() in a library): so does the program. */
static void end_with_child(void)
{
	int status;
	pid_t pid = waitpid(-1, &status, WNOHANG);

	child_gone = 0;
	if (pid <= 0)
		return;
	fflush(stdout);
	fflush(stderr);
	if (WIFEXITED(status))
		_exit(WEXITSTATUS(status));
	if (WIFSIGNALED(status))
		kill_program(WTERMSIG(status));
	_exit(70);
}

static void on_child(int sig)
{
	(void)sig;
	child_gone = 1;
	/* Wake this process if it waits for its turn (futex is async-signal-safe). */
	__atomic_add_fetch(&control->seq[self], 1, __ATOMIC_SEQ_CST);
	futex(&control->seq[self], FUTEX_WAKE, 1);
}

/* In compartment `c`'s process: drop every other compartment's private memory. */
static void keep_only(int c)
{
	for (int i = 0; i < nranges; i++) {
		const struct range *r = &ranges[i];

		if (r->comp == c)
			continue;
		if (munmap((void *)r->start, r->end - r->start) != 0)
			fatal("cannot unmap another compartment's memory");
	}
}

static void __attribute__((unused)) start_processes(void)
{
	struct sigaction sa;

	control = mmap(NULL, sizeof(*control), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);
	if (control == MAP_FAILED)
		fatal("cannot map the gate control block");
	control->turn = main_comp;
	flexos_share_range((uintptr_t)__flexos_shared_data_start,
			   (uintptr_t)__flexos_shared_data_end);
	flexos_share_heaps();
	fflush(stdout);
	fflush(stderr);
	for (int c = 0; c < ncomps; c++) {
		pid_t pid;

		if (c == main_comp)
			continue;
		pid = fork();
		if (pid < 0)
			fatal("cannot start a compartment's process");
		if (pid == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			self = c;
			keep_only(c);
			catch_faults();
			on_stack(c, serve_forever);
		}
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_child;
	/* No SA_RESTART: a futex wait would be restarted and never see the child gone. */
	sa.sa_flags = SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	keep_only(main_comp);
}


/* ------------------------------------------------------------ Intel MPK */

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
	int caller = self;
	uintptr_t saved;
	uint64_t r;

	(void)from; /* the runtime knows which compartment runs */
	memcpy(a, args, (size_t)nargs * sizeof(uint64_t));
	if (!separated || to == caller || to < 0 || to >= ncomps)
		return ((uint64_t(*)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t))fn)(
			a[0], a[1], a[2], a[3], a[4], a[5]);
	saved = sp_top[caller];
	self = to;
	r = flexos_mpk_switch(fn, a, sp_top[to], pkru_for(to), pkru_for(caller), &sp_top[caller]);
	self = caller;
	sp_top[caller] = saved;
	return r;
}

static void on_heap_grown(int comp, void *addr, size_t len)
{
	if (pkey_mprotect(addr, len, PROT_READ | PROT_WRITE, pkey_of[comp]) != 0)
		fatal("cannot tag a heap page with its compartment's key");
}

static void mpk_setup(void)
{
	for (int c = 0; c < ncomps; c++) {
		pkey_of[c] = pkey_alloc(0, 0);
		if (pkey_of[c] < 0)
			fatal("no protection key for a compartment (does this CPU have PKU?)");
		sp_top[c] = stack_base(c) + STACK_SIZE;
	}
	for (int i = 0; i < nranges; i++) {
		const struct range *r = &ranges[i];
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
			fatal("cannot tag a compartment's memory with its key");
	}
	flexos_heap_grown = on_heap_grown;
	separated = 1;
}

static void run_user_main_mpk(void)
{
	write_pkru(pkru_for(main_comp));
	run_user_main();
}
#endif

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
	self = main_comp;
	catch_faults();
#if defined(FLEXOS_VMEPT)
	/* Each compartment's process runs on a stack at an address of its own, unmapped in the
	 * others: a pointer to a local that was not shared faults instead of reading a copy. */
	map_stacks();
	separated = 1;
	start_processes();
	on_stack(main_comp, run_user_main);
#elif defined(FLEXOS_MPK)
	/* Each compartment runs on a stack of its own, tagged with its key: gates switch both. */
	map_stacks();
	mpk_setup();
	on_stack(main_comp, run_user_main_mpk);
#else
	run_user_main();
#endif
	return 0; /* not reached: the program exits */
}
