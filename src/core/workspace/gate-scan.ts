import type { ImageConfig } from '../config/image-config.ts';
import type { Span } from '../diagnostics.ts';
import { createLibraryNames } from '../names/index.ts';
import type { GateSiteRef } from '../solver/check-gate-sites.ts';
import { libraryOfPath } from './workspace.ts';

/**
 * A gate placeholder found in a C file: `flexos_gate(libX, fn, ...)` or
 * `flexos_gate_r(libX, ret, fn, ...)`. This is a fast textual scan for the compartment graph,
 * which must update on every keystroke; the rewriter's tree-sitter pass is the authority on
 * what a file really contains.
 */
export interface GateCall {
  /** Library of the file the call is in (`libs/<lib>/...`). */
  caller: string;
  /** The `libX` token as written. */
  target: string;
  fn: string;
  span: Span;
}

const GATE = /\bflexos_gate(_r)?\s*\(/g;

/** Every gate placeholder of one C file; comments are blanked first so they never count. */
export function scanGateCalls(path: string, text: string): GateCall[] {
  const caller = libraryOfPath(path);
  if (caller === undefined) return [];
  const code = blankComments(text);
  const out: GateCall[] = [];
  for (const m of code.matchAll(GATE)) {
    const call = readArguments(code, m.index + m[0].length);
    // `flexos_gate(libX, fn, ...)` or `flexos_gate_r(libX, ret, fn, ...)`.
    const target = call.args[0] ?? '';
    const fn = (m[1] === undefined ? call.args[1] : call.args[2]) ?? '';
    if (!/^[A-Za-z_]\w*$/.test(target) || !/^[A-Za-z_]\w*$/.test(fn)) continue;
    out.push({ caller, target, fn, span: { file: path, start: m.index, end: call.end } });
  }
  return out;
}

/**
 * A function of a C file marked `__attribute__((libX_callback))` just before its definition:
 * library X calls it back, entering the file's library.
 */
export interface CallbackDefinition {
  /** Library of the file (`libs/<lib>/...`): the one entered. */
  lib: string;
  /** The `libX` of the attribute, as written. */
  token: string;
  fn: string;
  /** The function's name, where the rewriter reports the callback too. */
  span: Span;
}

const CALLBACK = /__attribute__\s*\(\(\s*(\w+)_callback\s*\)\)[^;{(]*?\b([A-Za-z_]\w*)(\s*)\(/g;

/**
 * Callbacks of one C file whose attribute stands before the definition (the common form; the
 * rewriter also follows an attribute on a separate prototype, which this scan misses).
 */
export function scanCallbacks(path: string, text: string): CallbackDefinition[] {
  const lib = libraryOfPath(path);
  if (lib === undefined) return [];
  const out: CallbackDefinition[] = [];
  for (const m of blankComments(text).matchAll(CALLBACK)) {
    const [all, token = '', fn = '', space = ''] = m;
    const end = m.index + all.length - space.length - 1;
    out.push({ lib, token, fn, span: { file: path, start: end - fn.length, end } });
  }
  return out;
}

/**
 * Gate sites from the textual scan, their tokens resolved the way the rewriter resolves them
 * (the image's libraries and `aliases:`), an unknown token kept as written.
 */
export function toGateSites(
  config: ImageConfig,
  gates: readonly GateCall[],
  callbacks: readonly CallbackDefinition[],
): GateSiteRef[] {
  const names = createLibraryNames(
    config.libraries.map((l) => l.name),
    config.aliases,
  );
  const resolve = (token: string) => names.resolveToken(token) ?? token;
  return [
    ...gates.map((g) => ({
      caller: g.caller,
      callee: resolve(g.target),
      fn: g.fn,
      via: 'gate' as const,
      span: g.span,
    })),
    ...callbacks.map((c) => ({
      caller: resolve(c.token),
      callee: c.lib,
      fn: c.fn,
      via: 'callback' as const,
      span: c.span,
    })),
  ];
}

/** Top-level, trimmed arguments from just after `(` to the matching `)`. */
function readArguments(code: string, from: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < code.length; i++) {
    const ch = code[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    else if (ch === ')' || (ch === ',' && depth === 0) || ch === ';') {
      args.push(code.slice(start, i).trim());
      start = i + 1;
      if (ch !== ',') return { args, end: i + 1 };
    }
  }
  args.push(code.slice(start).trim());
  return { args, end: code.length };
}

/**
 * Replaces comments and the insides of string and character literals with spaces, keeping
 * offsets, so neither a commented-out gate nor a `(` in a string confuses the scan.
 */
function blankComments(text: string): string {
  return text.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g,
    (s) =>
      s.startsWith('/')
        ? s.replace(/[^\n]/g, ' ')
        : s[0] + ' '.repeat(Math.max(0, s.length - 2)) + s[s.length - 1],
  );
}
