import type { Hardening } from '../model.ts';

/**
 * A change to an image's placement, as the solver proposes it. `config/` turns it into an
 * `ImageConfig` (`applyConfigChange`) or into text edits of `config.yaml` (`toConfigEdits`).
 */
export type ConfigChange =
  /** Move `lib` into the existing compartment `compartment`. */
  | { kind: 'move'; lib: string; compartment: string }
  /** Move `lib` into a new compartment `compartment` (same mechanism as the image). */
  | { kind: 'new-compartment'; lib: string; compartment: string }
  /** Add per-library hardening `hardening` to `lib`. */
  | { kind: 'harden'; lib: string; hardening: Hardening };
