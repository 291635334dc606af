/* Stand-in for Unikraft's uk/semaphore.h (see ../README.md). */
#ifndef UK_SEMAPHORE_H
#define UK_SEMAPHORE_H
struct uk_semaphore {
	long count;
};
void uk_semaphore_init(struct uk_semaphore *s, long count);
void uk_semaphore_up(struct uk_semaphore *s);
void uk_semaphore_down(struct uk_semaphore *s);
#endif
