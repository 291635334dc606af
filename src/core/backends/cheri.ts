import type { SharingMode } from '../model.ts';
import { sharedAllocCyclesFor, type Backend } from './backend.ts';
import { mpkGateCycles } from './intel-mpk.ts';

/**
 * CHERI gates cost about 20-25 % more than MPK gates (docs/semantics.md, "Cost model"); the middle of
 * that range is taken.
 */
export const CHERI_OVER_MPK = 1.225;

/** CHERI capabilities: compartments are capability domains, gates are sealed-capability calls. */
export const cheriBackend: Backend = {
  mechanism: 'cheri',
  aliases: [],
  kraftDriver: 'cheri',
  label: 'CHERI',
  guarantees:
    "A compartment holds no capability to another's private memory and enters it only through a sealed entry capability.",
  separatesMemory: true,
  // Capability domains are not a fixed hardware resource like protection keys; the number of
  // compartments is bounded only by memory, so no limit is enforced.
  maxCompartments: Infinity,
  gateMacro: 'flexos_cheri_gate',
  gateMacroR: 'flexos_cheri_gate_r',
  gateCycles: (sharing: SharingMode) => mpkGateCycles(sharing) * CHERI_OVER_MPK,
  sharedAllocCycles: sharedAllocCyclesFor,
};
