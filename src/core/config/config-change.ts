import type { Hardening, Mechanism } from '../model.ts';

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

/**
 * Any change `config/` makes to an image: the solver's, or removing the declaration of a
 * compartment that holds no library and is not the default one (`solve` drops this way the
 * compartments its proposal leaves empty, keeping the file's comments). A removal that would
 * leave a library without its compartment, or the image without its default, changes nothing.
 * Switching the mechanism of the whole image is one change too, so it is one undoable edit.
 * Kept apart from `ConfigChange` because every solver change names a library; these do not.
 */
export type ImageChange =
  | ConfigChange
  | { kind: 'remove-compartment'; compartment: string }
  /** Give every compartment `mechanism` (an image has one mechanism: it switches as a whole). */
  | { kind: 'set-mechanism'; mechanism: Mechanism }
  /** Set `lib`'s own hardening to exactly `hardening` (its compartment's is left alone). */
  | { kind: 'set-hardening'; lib: string; hardening: Hardening[] }
  /** Set the hardening of compartment `compartment` to exactly `hardening`. */
  | { kind: 'set-compartment-hardening'; compartment: string; hardening: Hardening[] };
