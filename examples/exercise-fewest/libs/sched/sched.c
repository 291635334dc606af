/*
 * sched: the cooperative scheduler.
 *
 * Thread control blocks come from libc's allocator (the only calls sched makes); the run
 * queue itself, the id counter and the "who is running" state are private to sched.
 */
#include <stddef.h>

#include "sched.h"
#include "../libc/libc.h"

#define NAME_CAP 16

struct thread {
	struct thread *next;
	int tid;
	int removed; /* thread_rm() was called while the thread was running */
	thread_fn fn;
	void *arg;
	unsigned long steps;
	char name[NAME_CAP];
};

/* Private to sched. */
static struct thread *run_queue;
static struct thread *current;
static int next_tid = 1;

int thread_add(const char *name, thread_fn fn, void *arg)
{
	struct thread *t = NULL, **tail;
	size_t i;

	if (fn == NULL)
		return -1;
	flexos_gate_r(liblibc, t, mini_malloc, sizeof *t);
	if (t == NULL)
		return -1;
	t->next = NULL;
	t->tid = next_tid++;
	t->removed = 0;
	t->fn = fn;
	t->arg = arg;
	t->steps = 0;
	for (i = 0; i + 1 < NAME_CAP && name != NULL && name[i] != '\0'; i++)
		t->name[i] = name[i];
	t->name[i] = '\0';

	/* Append, so threads run in order of creation. */
	for (tail = &run_queue; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = t;
	return t->tid;
}

/* Unlink t from the run queue and give its memory back. */
static void reap(struct thread *t)
{
	struct thread **link;

	for (link = &run_queue; *link != NULL; link = &(*link)->next) {
		if (*link == t) {
			*link = t->next;
			break;
		}
	}
	flexos_gate(liblibc, mini_free, t);
}

int thread_rm(int tid)
{
	struct thread *t;

	for (t = run_queue; t != NULL; t = t->next) {
		if (t->tid == tid && !t->removed) {
			if (t == current)
				t->removed = 1; /* reaped when its step returns */
			else
				reap(t);
			return 0;
		}
	}
	return -1;
}

void yield(void)
{
	struct thread *t, *next;

	if (current != NULL)
		return; /* called from inside a step: nothing to switch to */
	for (t = run_queue; t != NULL; t = next) {
		int state;

		current = t;
		state = t->fn(t->arg); /* a callback gate when t belongs to another compartment */
		current = NULL;
		t->steps++;
		next = t->next;
		if (state == THREAD_EXITED || t->removed)
			reap(t);
	}
}
