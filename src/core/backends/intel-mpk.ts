import type { SharingMode } from '../model.ts';
import { sharedAllocCyclesFor, type Backend } from './backend.ts';

/**
 * MPK gate latency (FlexOS microbenchmarks): 62 cycles when compartments share their stacks;
 * 108 when each compartment keeps private stacks, which both `dss` (data shadow stacks) and
 * `heap` (stack data moved to the shared heap) need, because the gate switches stacks.
 */
export function mpkGateCycles(sharing: SharingMode): number {
  return sharing === 'shared-stack' ? 62 : 108;
}

/** Intel Memory Protection Keys: one protection key per compartment, `wrpkru` in every gate. */
export const intelMpkBackend: Backend = {
  mechanism: 'intel-mpk',
  aliases: ['intel-pku'],
  kraftDriver: 'intel-pku',
  label: 'Intel MPK',
  guarantees:
    "A compartment cannot read or write another's private memory (protection-key fault) and enters it only through a gate.",
  separatesMemory: true,
  // 16 protection keys; one is the shared domain, so 15 compartments are left.
  maxCompartments: 15,
  gateMacro: 'flexos_intelpku_gate',
  gateMacroR: 'flexos_intelpku_gate_r',
  gateCycles: mpkGateCycles,
  sharedAllocCycles: sharedAllocCyclesFor,
};
