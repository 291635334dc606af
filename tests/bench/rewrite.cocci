// The rewrite tests/bench/rewrite.bench.ts times against the playground's: the generated file
// of library `app` (compartment 0) instantiated for intel-mpk in heap mode, with netstack and
// sched in compartment 1. Gates get the MPK macro and compartment numbers; each whitelisted
// local moves to the shared heap (a pointer initialized from a copy of its value), every use x
// becomes (*x), and it is freed before each return, as the FlexOS toolchain's rules do.
// SmPL cannot add a statement after a replaced declaration, hence the memcpy initializer.
@gate_r@
identifier f;
expression r;
expression list args;
@@
(
- flexos_gate_r(libnetstack, r, f, args)
+ flexos_intelpku_gate_r(0, 1, r, f, args)
|
- flexos_gate_r(libsched, r, f, args)
+ flexos_intelpku_gate_r(0, 1, r, f, args)
)

@gate@
identifier f;
expression list args;
@@
(
- flexos_gate(libnetstack, f, args)
+ flexos_intelpku_gate(0, 1, f, args)
|
- flexos_gate(libsched, f, args)
+ flexos_intelpku_gate(0, 1, f, args)
)

@shared@
type T;
identifier x, fn;
expression e;
@@
fn(...) {
...
- T x __attribute__((flexos_whitelist)) = e;
+ T *x = memcpy(uk_malloc(flexos_shared_alloc, sizeof(T)), &(T){e}, sizeof(T));
<...
- x
+ (*x)
...>
}

@frees@
identifier shared.x;
identifier shared.fn;
expression E;
@@
fn(...) {
<...
+ uk_free(flexos_shared_alloc, x);
  return E;
...>
}
