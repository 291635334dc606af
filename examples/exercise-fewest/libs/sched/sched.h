/*
 * sched: a cooperative round-robin scheduler.
 *
 * A thread here is a step function: the scheduler calls it, it does a bounded amount of work
 * and returns THREAD_RUNNING to be called again or THREAD_EXITED when it is done. There is
 * no preemption and no stack switching, which keeps the scheduler small enough to reason
 * about completely, like the formally verified scheduler of the FlexOS paper.
 *
 * The code that calls yield() is the main thread: yield() runs one step of every other
 * thread and returns. A step that calls yield() gets an immediate return (it gives the CPU
 * back by returning instead).
 */
#ifndef SCHED_H
#define SCHED_H

#define THREAD_RUNNING 0
#define THREAD_EXITED 1

/* A step function. sched calls it through a pointer: mark it with
 * __attribute__((libsched_callback)) so FlexOS puts a callback gate in front of it. */
typedef int (*thread_fn)(void *arg);

/* Add a thread; `name` (copied, at most 15 characters kept) must point to shared memory.
 * Returns its id (> 0), or -1 when out of memory. */
int thread_add(const char *name, thread_fn fn, void *arg);

/* Remove a thread by id. Returns 0, or -1 if there is no such thread. */
int thread_rm(int tid);

/* Run one step of every thread, in order of creation. */
void yield(void);

#endif /* SCHED_H */
