/*
 * counter: as little work as a call can do, so that what the benchmark measures is the gate.
 * `calls` is private to counter's compartment; the benchmark only sees the returned values.
 */
#include "counter.h"

static long calls;

long counter_next(long x)
{
	calls++;
	return x + 1;
}
