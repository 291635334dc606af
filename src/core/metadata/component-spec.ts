import type { Span } from '../diagnostics.ts';
import type { Hardening } from '../model.ts';

/** Memory regions: a component's private memory, memory shared on purpose, or anything. */
export type Region = 'Own' | 'Shared' | '*';

export interface MemoryAccess {
  read: Region[];
  write: Region[];
}

/** One `[Call]` item: `lib::fn`, `lib::*` or `*` (every function of every component). */
export type CallTarget =
  { kind: 'any'; span: Span } | { kind: 'lib'; lib: string; fn: string | '*'; span: Span };

/**
 * One `[API]` entry point; `params` is the raw text between the parentheses, trimmed, with
 * each run of whitespace, line breaks and comments read as one space.
 */
export interface ApiFunction {
  name: string;
  params: string;
  span: Span;
}

export type Action = 'Read' | 'Write' | 'Call';

/**
 * One `[Requires]` item `who(Action,Object)`: what a co-located component may do to the
 * requirer. `object` is `Own`, `Shared`, `*` or (for Call) a function name.
 */
export interface Requirement {
  who: string;
  action: Action;
  object: string;
  span: Span;
}

/** What one `.flexos` file says about one component. */
export interface ComponentSpec {
  name: string;
  /** Comment lines just above the `component` header, without `#`. */
  doc: string[];
  /** `null` when the section is absent (assumed `Read(*); Write(*)` by the solver). */
  memory: MemoryAccess | null;
  /**
   * `null` when the section is absent (assumed `[Call] *` by the solver, like a library without
   * metadata); an empty list is an empty `[Call]`: it calls nothing.
   */
  calls: CallTarget[] | null;
  api: ApiFunction[];
  /** `null` when absent: accepts anything. An empty list forbids everything. */
  requires: Requirement[] | null;
  /** `null` when absent: every standard hardening can be applied. */
  hardening: Hardening[] | null;
  /** The component name in the header. */
  span: Span;
}
