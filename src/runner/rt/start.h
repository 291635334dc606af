/*
 * start.h: what start.c (start-up, compartments' ranges, faults) shares with the variants
 * that separate them: vmept.c (one process per compartment) and mpk.c (protection keys).
 * Runtime-internal; programs include flexos/isolation.h only.
 */
#ifndef FLEXOS_START_H
#define FLEXOS_START_H

#include <stdint.h>

enum region { R_TEXT, R_DATA, R_BSS, R_HEAP, R_STACK };

struct range {
	uintptr_t start, end;
	int comp;
	enum region region;
	int readonly; /* read-only data (rodata): protected PROT_READ */
};

/* Every compartment's private ranges: at most 6 each (text, data, bss, rodata, heap, stack). */
extern struct range flexos_ranges[];
extern int flexos_nranges;
extern int flexos_ncomps;     /* compartments 0 .. ncomps - 1 exist */
extern int flexos_main_comp;  /* the compartment whose library defines main */
extern int flexos_self;       /* the compartment running here (vm-ept: this process's) */
extern int flexos_separated;  /* another compartment's range is off limits */

/* Where compartment `comp`'s stack starts; its data shadow stack follows. */
uintptr_t flexos_stack_base(int comp);

/* Says what failed (with errno) and stops the program. */
void __attribute__((noreturn)) flexos_fatal(const char *what);

/* Ends the program the way a crash with `sig` would, every process of it. */
void __attribute__((noreturn)) flexos_kill_program(int sig);

/* Installs the fault handler (on an alternate stack) in this process. */
void flexos_catch_faults(void);

/* Runs `fn` on compartment `comp`'s stack; `fn` exits. */
void __attribute__((noreturn)) flexos_on_stack(int comp, void (*fn)(void));

/* Calls the program's main with its arguments and exits with its status. */
void flexos_run_user_main(void);

/* vm-ept (vmept.c): shares the shared ranges, forks a process per compartment. */
void flexos_start_processes(void);

/* MPK (mpk.c): a key per compartment; then the user's main under its compartment's rights. */
void flexos_mpk_setup(void);
void flexos_run_user_main_mpk(void);
/* Opens every key (PKRU 0): the fault handler, which reads any heap before the program ends. */
void flexos_mpk_open_all(void);

#endif /* FLEXOS_START_H */
