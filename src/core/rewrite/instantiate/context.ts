import type { Diagnostic, Span } from '../../diagnostics.ts';
import type { Backend } from '../../backends/backend.ts';
import type { Mechanism, SharingMode } from '../../model.ts';
import type { CDocument } from '../parse-c.ts';
import type { EditList } from '../edits.ts';
import type { ImageView } from '../libraries.ts';
import type { SyntaxNode } from '../parser-types.ts';

/** One gate site of a file: a placeholder gate, or the gate behind a callback wrapper. */
export interface GateSite {
  /** The calling library (the file's library; for a callback, the library calling back). */
  caller: string;
  /** The called library, or the gate token as written when it names none. */
  callee: string;
  /** The function called through the gate. */
  fn: string;
  from: number;
  to: number;
  /** `nop` inside a compartment or under `fcalls`; `real` when it crosses an isolation boundary. */
  kind: 'nop' | 'real';
  via: 'gate' | 'callback';
  span: Span;
}

/** What every instantiation rule gets: the parsed file, the image, and where to put results. */
export interface RuleContext {
  doc: CDocument;
  /** The library the file belongs to. */
  lib: string;
  /** Its compartment number. */
  home: number;
  view: ImageView;
  mechanism: Mechanism;
  backend: Backend;
  /** The sharing mode in effect for stack data (see `effectiveSharing`). */
  sharing: SharingMode;
  edits: EditList;
  diagnostics: Diagnostic[];
  gates: GateSite[];
  /** A new identifier `base0`, `base1`, ... that the file does not contain. */
  fresh(base: string): string;
  /** `base` itself when the file does not contain it (for names scoped to a new block). */
  scoped(base: string): string;
  span(node: SyntaxNode | { startIndex: number; endIndex: number }): Span;
}

/** Gate macro for a crossing `from` → `to` under the context's mechanism. */
export function gateMacroFor(ctx: RuleContext, from: number, to: number, withResult: boolean) {
  const real = ctx.backend.separatesMemory && from !== to;
  const name = real
    ? withResult
      ? ctx.backend.gateMacroR
      : ctx.backend.gateMacro
    : withResult
      ? 'flexos_nop_gate_r'
      : 'flexos_nop_gate';
  return { name, kind: real ? ('real' as const) : ('nop' as const) };
}

/** Leading whitespace of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}
