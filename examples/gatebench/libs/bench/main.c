/*
 * gatebench: nanoseconds per gate, for the mechanism this image is built with.
 *
 * The loop calls counter_next() through a gate and checks every result, so no call can be
 * optimised away; a plain call to a function of bench's own compartment is timed the same
 * way as the baseline. Each measurement doubles its number of calls until it runs for at
 * least 100 ms, then reports the time per call, also as `FLEXOS-METRIC` lines the runner
 * turns into measurements.
 */
#include <stdio.h>
#include <time.h>

#include "../counter/counter.h"

static __attribute__((noinline)) long local_next(long x)
{
	__asm__ volatile("" ::: "memory");
	return x + 1;
}

static double now_ns(void)
{
	struct timespec t;

	timespec_get(&t, TIME_UTC); /* C11: no POSIX feature macro needed */
	return t.tv_sec * 1e9 + t.tv_nsec;
}

/* Calls through the gate `n` times; returns the last value, which must be `n`. */
static long gated(long n)
{
	long x = 0, r = 0;

	for (long i = 0; i < n; i++) {
		flexos_gate_r(libcounter, r, counter_next, x);
		x = r;
	}
	return x;
}

static long local(long n)
{
	long x = 0;

	for (long i = 0; i < n; i++)
		x = local_next(x);
	return x;
}

/* ns per call of `loop`, with enough calls to run for 100 ms; 0 when a result was wrong. */
static double measure(long (*loop)(long), long *calls)
{
	for (long n = 1000;; n *= 2) {
		double start = now_ns();
		long got = loop(n);
		double took = now_ns() - start;

		if (got != n)
			return 0;
		if (took >= 100e6 || n >= (1L << 30)) {
			*calls = n;
			return took / n;
		}
	}
}

int main(void)
{
	long n_local = 0, n_gate = 0;
	double t_local = measure(local, &n_local);
	double t_gate = measure(gated, &n_gate);

#if defined(FLEXOS_VMEPT)
	const char *kind = "process-RPC gates (vm-ept: one process per compartment)";
#elif defined(FLEXOS_MPK)
	const char *kind = "MPK gates (protection keys and stacks switched)";
#else
	const char *kind = "nop gates (a gate is a function call)";
#endif
	if (t_local == 0 || t_gate == 0) {
		printf("gatebench: a call returned a wrong value\n");
		return 1;
	}
	printf("gatebench: %s\n", kind);
	printf("  plain call in one compartment: %8.1f ns per call (%ld calls)\n", t_local, n_local);
	printf("  gate bench -> counter:         %8.1f ns per call (%ld calls)\n", t_gate, n_gate);
	printf("  a gate costs %.0f plain calls\n", t_gate / t_local);
#if defined(__x86_64__)
	/* Cycles at the time-stamp counter's rate: the unit FlexOS's papers count gates in. */
	{
		unsigned long long c0 = __builtin_ia32_rdtsc();
		double n0 = now_ns();

		while (now_ns() - n0 < 20e6)
			;
		double ghz = (double)(__builtin_ia32_rdtsc() - c0) / (now_ns() - n0);

		printf("  at %.2f GHz: %.0f cycles per gate, %.1f per plain call\n", ghz, t_gate * ghz,
		       t_local * ghz);
		printf("FLEXOS-METRIC gate_cycles=%.0f cycles\n", t_gate * ghz);
	}
#endif
	/* For the runner: each becomes a `metric` event of the run. */
	printf("FLEXOS-METRIC plain_call_ns=%.2f ns\n", t_local);
	printf("FLEXOS-METRIC gate_ns=%.2f ns\n", t_gate);
	return 0;
}
