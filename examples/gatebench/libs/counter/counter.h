/* counter: one function, called across a gate by the benchmark. */
#ifndef COUNTER_H
#define COUNTER_H

long counter_next(long x);

#endif /* COUNTER_H */
