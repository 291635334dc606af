/*
 * hello: the application. It owns main(), a guest list and the console.
 *
 * Every FlexOS placeholder appears here once:
 *   flexos_gate            set_salutation(): a call whose result is not used
 *   flexos_gate_r          greet_all(): a call whose result is assigned to `rc`
 *   FLEXOS_SHARED_LITERAL  the "Hello" passed to set_salutation()
 *   flexos_whitelist       the global `guests` and the local `greeted`
 *   flexos_malloc_whitelist / flexos_free_whitelist   the line buffer
 *   libgreeter_callback    print_line(), which greeter calls back
 */
#include <stddef.h>
#include <stdio.h>

#include "../greeter/greeter.h"

#define LINE_CAP 64

/* Shared global: greeter reads the guest list from the app's memory, so it must be shared. */
static char guests[64] __attribute__((flexos_whitelist)) = "ada, grace,linus , margaret";

/* Private global: only the app touches it. */
static size_t lines_printed;

/*
 * Called by greeter (through the function pointer passed to greet_all) for every line.
 * The attribute asks FlexOS for a callback gate: a wrapper that enters the app's
 * compartment before running this body.
 */
__attribute__((libgreeter_callback))
static void print_line(const char *line)
{
	lines_printed++;
	printf("%s\n", line);
}

int main(void)
{
	/* Shared local: greeter writes it through the pointer it receives. */
	size_t greeted __attribute__((flexos_whitelist)) = 0;
	char *line;
	int rc = -1;
	int ok;

	flexos_gate(libgreeter, set_salutation, FLEXOS_SHARED_LITERAL("Hello"));

	/* Shared allocation: greeter formats each line into it, print_line reads it. */
	line = flexos_malloc_whitelist(LINE_CAP);
	if (line == NULL) {
		printf("out of shared memory\n");
		return 1;
	}

	flexos_gate_r(libgreeter, rc, greet_all, guests, line, LINE_CAP, &greeted, print_line);

	flexos_free_whitelist(line);

	/* Decide before returning: a shared local must not be read in a return statement. */
	ok = rc == 0 && greeted == lines_printed && greeted > 0;
	printf("greeted %zu guests, printed %zu lines: %s\n", greeted, lines_printed,
	       ok ? "ok" : "MISMATCH");
	return ok ? 0 : 1;
}
