import type { Backend } from './backend.ts';

/** Plain function calls: every library in one protection domain, gates become calls. */
export const fcallsBackend: Backend = {
  mechanism: 'fcalls',
  aliases: [],
  kraftDriver: 'fcalls',
  label: 'Function calls (no isolation)',
  guarantees: 'None: compartments are only names, every library can touch and call every other.',
  separatesMemory: false,
  // Compartments are only labels, so nothing limits how many are declared.
  maxCompartments: Infinity,
  gateMacro: 'flexos_nop_gate',
  gateMacroR: 'flexos_nop_gate_r',
  gateCycles: () => 2,
  // Nothing crosses a boundary: whitelisted data stays where it is declared.
  sharedAllocCycles: () => 0,
};
