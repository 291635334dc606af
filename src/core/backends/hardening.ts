import type { Hardening } from '../model.ts';

/**
 * Default factor by which a hardening multiplies a library's share of execution time. These
 * are rough estimates from published overheads of each technique (ASan about 1.5-2x, UBSan
 * about 1.2-1.5x, clang CFI a few to 10 %, SafeStack and the stack protector a few %), used
 * only when nothing is measured; `workload.yaml` or measurements override them.
 */
export const HARDENING_COST_FACTORS: Readonly<Record<Hardening, number>> = {
  asan: 1.8,
  ubsan: 1.3,
  cfi: 1.1,
  safestack: 1.05,
  'stack-protector': 1.03,
};

/** What each hardening does, for panels (docs/semantics.md). */
export const HARDENING_LABELS: Readonly<Record<Hardening, string>> = {
  asan: 'AddressSanitizer: memory accesses stay within its own and shared memory',
  ubsan: 'UndefinedBehaviorSanitizer: traps undefined behaviour',
  cfi: 'Control-flow integrity: calls reach only declared API entry points',
  safestack: 'SafeStack: return addresses on a separate stack',
  'stack-protector': 'Stack protector: canaries against stack smashing',
};

/** Combined factor of a list of hardening (each counted once): the product of the factors. */
export function hardeningCostFactor(list: readonly Hardening[]): number {
  let factor = 1;
  for (const h of new Set(list)) factor *= HARDENING_COST_FACTORS[h];
  return factor;
}
