import type { Mechanism, SharingMode } from '../model.ts';

/**
 * What the playground knows about one isolation mechanism: its names, its limits, what it
 * guarantees and what a gate through it costs. One object per mechanism, one file each; the
 * rest of core looks them up through `getBackend` and never switches on mechanism names.
 */
export interface Backend {
  /** Canonical name, as written in `config.yaml`. */
  readonly mechanism: Mechanism;
  /** Other accepted spellings (`intel-pku`, `vmept`); resolved by `names/`'s `resolveMechanism`. */
  readonly aliases: readonly string[];
  /** The `mechanism: {driver: ...}` name of `kraft.yaml` (FlexOS toolchain spelling). */
  readonly kraftDriver: string;
  /** Human-readable name for panels. */
  readonly label: string;
  /** One sentence on what separate compartments guarantee under this mechanism. */
  readonly guarantees: string;
  /**
   * Whether libraries in different compartments cannot touch each other's private memory and
   * can only call each other through a gate. `false` for `fcalls`, which separates nothing.
   */
  readonly separatesMemory: boolean;
  /**
   * Most compartments an image may declare. `Infinity` where the mechanism itself sets no
   * bound; note that `Infinity` becomes `null` in JSON (it survives `structuredClone`).
   */
  readonly maxCompartments: number;
  /** Gate macro the toolchain instantiates a `flexos_gate` placeholder to. */
  readonly gateMacro: string;
  /** Gate macro for `flexos_gate_r` (a call whose result is kept). */
  readonly gateMacroR: string;
  /** Estimated latency of one gate crossing, in cycles, for the image's sharing mode. */
  gateCycles(sharing: SharingMode): number;
  /** Estimated cost, in cycles, of allocating the shared data of one gate crossing. */
  sharedAllocCycles(sharing: SharingMode): number;
}

/**
 * Shared-data allocation per gate (docs/semantics.md, "Cost model"): a heap buffer costs about 66
 * cycles, a data-shadow-stack slot or a shared stack about 2.
 */
export function sharedAllocCyclesFor(sharing: SharingMode): number {
  return sharing === 'heap' ? 66 : 2;
}
