import type { Backend } from './backend.ts';

/** One VM per compartment, separated by extended page tables; gates are RPCs. */
export const vmEptBackend: Backend = {
  mechanism: 'vm-ept',
  aliases: ['vmept'],
  kraftDriver: 'vmept',
  label: 'VMs / EPT',
  guarantees:
    "Each compartment is its own VM: it cannot address another's private memory and reaches it only by RPC through a gate.",
  separatesMemory: true,
  maxCompartments: 16,
  gateMacro: 'flexos_vmept_gate',
  gateMacroR: 'flexos_vmept_gate_r',
  // An RPC through shared memory, whatever the sharing mode.
  gateCycles: () => 462,
  // Separate address spaces share no stacks, so shared data always lives in the shared heap.
  sharedAllocCycles: () => 66,
};
