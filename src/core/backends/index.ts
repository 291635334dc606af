import type { Mechanism } from '../model.ts';
import type { Backend } from './backend.ts';
import { cheriBackend } from './cheri.ts';
import { fcallsBackend } from './fcalls.ts';
import { intelMpkBackend } from './intel-mpk.ts';
import { vmEptBackend } from './vm-ept.ts';

export type { Backend } from './backend.ts';
export { sharedAllocCyclesFor } from './backend.ts';
export { mpkGateCycles } from './intel-mpk.ts';
export { CHERI_OVER_MPK } from './cheri.ts';
export { HARDENING_COST_FACTORS, HARDENING_LABELS, hardeningCostFactor } from './hardening.ts';
export { cheriBackend, fcallsBackend, intelMpkBackend, vmEptBackend };

/** Every backend, in the order of `MECHANISMS`. */
export const BACKENDS: readonly Backend[] = [
  fcallsBackend,
  intelMpkBackend,
  vmEptBackend,
  cheriBackend,
];

const BY_MECHANISM: ReadonlyMap<Mechanism, Backend> = new Map(
  BACKENDS.map((b) => [b.mechanism, b]),
);

/** The backend of a canonical mechanism name. */
export function getBackend(mechanism: Mechanism): Backend {
  const backend = BY_MECHANISM.get(mechanism);
  // Every Mechanism has a backend; a miss means a mechanism was added without one.
  if (!backend) throw new Error(`no backend for mechanism ${mechanism}`);
  return backend;
}
