import type { Workspace } from '../../core/pipeline/index.ts';
import type { Mechanism, SharingMode } from '../../core/model.ts';
import type { CheckedJob, InstantiatedJob } from '../build/prepare.ts';

/** Whether the target enforces each mechanism, and why not: `canEnforce` as data. */
export type Enforcement = Partial<Record<Mechanism, { ok: true } | { ok: false; reason: string }>>;

/** A message to the prepare worker; `id` comes back with the answer. */
export type PrepareRequest =
  | { id: number; kind: 'check'; ws: Workspace; mechanism?: Mechanism; enforcement: Enforcement }
  | {
      id: number;
      kind: 'instantiate';
      ws: Workspace;
      checked: Extract<CheckedJob, { status: 'ok' }>;
      sharing?: SharingMode;
    };

export type PrepareAnswer =
  | { id: number; kind: 'check'; checked: CheckedJob }
  | { id: number; kind: 'instantiate'; inst: InstantiatedJob }
  | { id: number; kind: 'error'; message: string };

/** `canEnforce` from the data: a mechanism the target did not list cannot be built. */
export function enforcer(enforcement: Enforcement) {
  return (m: Mechanism): { ok: true } | { ok: false; reason: string } =>
    enforcement[m] ?? { ok: false, reason: `this target does not support ${m}` };
}
