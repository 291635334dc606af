import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import type { Estimator } from './labels/cost-model.ts';
import type { Budget, LabelKind } from './frontier/frontier.ts';
import type { Order } from './order/orders.ts';
import type { Configuration, Space } from './space/space.ts';

/**
 * Validity beyond the space itself (a component's `[Requires]`): true, false, or why not. A
 * reason may have several lines (one per conflict); configurations are counted per line.
 */
export type AllowedCheck = ((
  cfg: Configuration,
) => boolean | { allowed: false; reason: string }) & {
  /**
   * The metadata the check was built from (`createRequiresCheck`): `exploreSpace` first leaves
   * out of the space the options their `[Hardening]` forbids (`forbidden-options.ts`).
   */
  readonly components?: readonly ComponentSpec[];
};

/** Where performance labels come from. */
export type LabelSource =
  | { kind: 'none' }
  /** Values by canonical id (a CSV file, earlier runs). */
  | { kind: 'table'; values: ReadonlyMap<string, number>; labelKind: LabelKind }
  | { kind: 'estimate'; estimator: Estimator }
  /** Measured on demand (a runner); only with `lazy`. */
  | { kind: 'measure'; measure: (id: string) => number | Promise<number> };

export interface ExploreOptions {
  space: Space;
  order: Order;
  budget?: Budget;
  labels: LabelSource;
  /** Measure only what the frontier needs (`lazy.ts`). */
  lazy?: boolean;
  /**
   * With `lazy`: then also measure every unlabelled configuration that could still be on the
   * frontier (`unverified`), so the result is exact whatever the labels (`lazy.ts`).
   */
  verify?: boolean;
  isAllowed?: AllowedCheck;
  /** Largest subset whose Hasse diagram is computed edge by edge (default 2,000). */
  hasseLimit?: number;
  /**
   * Size from which a space with estimates or no labels is handled by structure rather than
   * by listing (default `STRUCTURAL_FROM`); both give the same frontier, so tests compare them.
   */
  structuralFrom?: number;
  /**
   * Most partitions the structural path walks (default `PARTITION_LIMIT`); a space too large to
   * list with more partitions is refused (`explore/space-too-large`), never walked for hours.
   */
  partitionLimit?: number;
  onProgress?: (message: string) => void;
  /**
   * Asked between steps of every loop (the CLI and the runner pass a deadline or a flag; the
   * app terminates its worker instead): true ends the exploration with `explore/cancelled`.
   */
  shouldStop?: () => boolean;
}

/** One frontier configuration. */
export interface FrontierMember {
  id: string;
  /** Its label, when known. */
  value?: number;
  kind?: LabelKind;
  /** Safety rank: compartments beyond one plus hardening options on. */
  level: number;
}

/** Everything `flexos explore` reports; plain data. */
export interface ExploreResult {
  order: Order;
  /**
   * Size of the space before any filter, without the options a component's `[Hardening]`
   * forbids (exact; a decimal string when above 2^53).
   */
  configurations: number | string;
  partitions: number | string;
  hardeningSubsets: number | string;
  /** How the space was handled: listed, or by structure when too large to list. */
  method: 'enumerated' | 'structural';
  /**
   * Configurations left out by `isAllowed` (enumerated: all of them) and, per reason line, how
   * many it applies to (a configuration with two conflicts counts under both).
   */
  filtered: { count: number; reasons: { reason: string; count: number; example: string }[] };
  /** Configurations considered (after the filter), when enumerated. */
  considered: number;
  budget?: string;
  labels: LabelSource['kind'];
  /** Whether labels were asked for lazily (`measured` then counts the measurements taken). */
  lazy: boolean;
  /** Labels used: measured in lazy mode, else labels looked up or estimated. */
  measured: number;
  meeting: number;
  frontier: FrontierMember[];
  /** Exact frontier size (may exceed `frontier.length` for structural results). */
  frontierSize: number;
  /** Whether `frontier` lists the whole frontier. */
  complete: boolean;
  /**
   * Whether the labels known prove the frontier, with no assumption about the others: no
   * unlabelled configuration could be on it, whatever its value (docs/semantics.md, "Lazy
   * labelling"). Estimates and a missing budget need no proof: always exact.
   */
  exact: boolean;
  /**
   * Unlabelled configurations that could still be on the frontier: none of the labelled ones
   * meeting the budget is strictly safer. Lazy labelling excludes them by assuming performance
   * does not increase along a safer edge; `verify` measures them.
   */
  unverified: number;
  /** Measurements `verify` took (included in `measured`), when asked for. */
  verified?: number;
  /** Why frontier members are pairwise incomparable (for up to 12 members). */
  incomparable: { a: string; b: string; reason: string }[];
  /** Covering edges and least elements of the considered configurations, when computed. */
  hasse?: { edges: number; minimal: string[] };
  /** Considered configurations, safest level first (enumerated spaces up to the Hasse limit). */
  ranking?: { level: number; ids: string[] }[];
  /** For `--dot`: nodes (ids) and covering edges (positions), when computed. */
  graph?: { nodes: string[]; edges: [number, number][]; values: (number | null)[] };
  /**
   * `space/hardening-not-allowed` (warning, at each option left out of the space), then the
   * exploration's own `explore/...` problems.
   */
  diagnostics: Diagnostic[];
}

/** The fields every result starts with. */
export type ResultBase = Pick<
  ExploreResult,
  'order' | 'configurations' | 'partitions' | 'hardeningSubsets' | 'labels' | 'lazy' | 'budget'
>;

/** Where diagnostics about the exploration as a whole point: the top of space.yaml. */
export const SPACE_TOP = { file: 'space.yaml', start: 0, end: 0 };

/** A result that stops at one error. */
export function failed(base: ResultBase, code: string, message: string): ExploreResult {
  return {
    ...base,
    method: 'structural',
    filtered: { count: 0, reasons: [] },
    considered: 0,
    measured: 0,
    meeting: 0,
    frontier: [],
    frontierSize: 0,
    complete: false,
    exact: false,
    unverified: 0,
    incomparable: [],
    diagnostics: [createDiagnostic(code, 'error', message, SPACE_TOP)],
  };
}
