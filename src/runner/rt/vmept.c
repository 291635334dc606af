/*
 * vm-ept as one process per compartment (start.c says how the pieces fit): the gate
 * control block, the RPC gates, the compartments' processes.
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

#define MAX_FRAMES 256

extern char __flexos_shared_data_start[] __attribute__((weak));
extern char __flexos_shared_data_end[] __attribute__((weak));

struct control;
static struct control *control; /* the gate control block, shared by the processes */


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
		int seen = __atomic_load_n(&control->seq[flexos_self], __ATOMIC_SEQ_CST);

		if (__atomic_load_n(&control->turn, __ATOMIC_SEQ_CST) == flexos_self)
			return;
		if (child_gone)
			end_with_child();
		futex(&control->seq[flexos_self], FUTEX_WAIT, seen);
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
		if (top->to == flexos_self && !top->done)
			serve(top);
	}
}

uint64_t flexos_vmept_call(int from, int to, void *fn, int nargs, const uint64_t *args)
{
	struct frame *f;
	uint64_t ret;
	int err;

	(void)from; /* the process knows which compartment it is */
	if (control == NULL || to == flexos_self || to < 0 || to >= flexos_ncomps) {
		fn6 call = (fn6)fn;
		uint64_t a[FLEXOS_GATE_MAX_ARGS] = { 0 };

		memcpy(a, args, (size_t)nargs * sizeof(uint64_t));
		return call(a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	if (control->depth >= MAX_FRAMES) {
		fprintf(stderr, "flexos: gates nested more than %d deep\n", MAX_FRAMES);
		flexos_kill_program(SIGABRT);
	}
	f = &control->frames[control->depth++];
	memset(f, 0, sizeof(*f));
	f->from = flexos_self;
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
		flexos_kill_program(WTERMSIG(status));
	_exit(70);
}

static void on_child(int sig)
{
	(void)sig;
	child_gone = 1;
	/* Wake this process if it waits for its turn (futex is async-signal-safe). */
	__atomic_add_fetch(&control->seq[flexos_self], 1, __ATOMIC_SEQ_CST);
	futex(&control->seq[flexos_self], FUTEX_WAKE, 1);
}

/* In compartment `c`'s process: drop every other compartment's private memory. */
static void keep_only(int c)
{
	for (int i = 0; i < flexos_nranges; i++) {
		const struct range *r = &flexos_ranges[i];

		if (r->comp == c)
			continue;
		if (munmap((void *)r->start, r->end - r->start) != 0)
			flexos_fatal("cannot unmap another compartment's memory");
	}
}

void flexos_start_processes(void)
{
	struct sigaction sa;

	control = mmap(NULL, sizeof(*control), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);
	if (control == MAP_FAILED)
		flexos_fatal("cannot map the gate control block");
	control->turn = flexos_main_comp;
	flexos_share_range((uintptr_t)__flexos_shared_data_start,
			   (uintptr_t)__flexos_shared_data_end);
	flexos_share_heaps();
	fflush(stdout);
	fflush(stderr);
	for (int c = 0; c < flexos_ncomps; c++) {
		pid_t pid;

		if (c == flexos_main_comp)
			continue;
		pid = fork();
		if (pid < 0)
			flexos_fatal("cannot start a compartment's process");
		if (pid == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			flexos_self = c;
			keep_only(c);
			flexos_catch_faults();
			flexos_on_stack(c, serve_forever);
		}
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_child;
	/* No SA_RESTART: a futex wait would be restarted and never see the child gone. */
	sa.sa_flags = SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	keep_only(flexos_main_comp);
}
