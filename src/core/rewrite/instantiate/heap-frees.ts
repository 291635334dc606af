import { createDiagnostic } from '../../diagnostics.ts';
import { returnTypeOf, type FunctionReturnType } from '../c-tree-queries.ts';
import { unmaskedReader } from '../parse-c.ts';
import type { SyntaxNode } from '../parser-types.ts';
import { SHARED_ALLOCATOR } from './alloc.ts';
import { indentAt, type RuleContext } from './context.ts';

/** A local moved to the shared heap: live from its declaration to the end of its block. */
export interface HeapLocal {
  name: string;
  /** The block that declares it. */
  scope: SyntaxNode;
  /** Offset where it is allocated (end of its declaration). */
  declared: number;
  fn: SyntaxNode;
  /** Declaration order, for freeing in reverse. */
  order: number;
  /** `scope.endIndex`, read once. */
  scopeEnd: number;
}

const LITERALS = [
  'number_literal',
  'string_literal',
  'char_literal',
  'true',
  'false',
  'null',
  'concatenated_string',
];
const JUMPS_OUT = ['return_statement', 'goto_statement', 'break_statement', 'continue_statement'];

/**
 * Frees heap locals wherever their block is left: before each `return` (the returned value is
 * computed into a temporary first, so a returned shared local is read before it is freed),
 * before a `break`/`continue` that leaves the block, and at the block's end.
 */
export function insertFrees(ctx: RuleContext, locals: readonly HeapLocal[]): void {
  const byFn = new Map<number, HeapLocal[]>();
  for (const l of locals) {
    const group = byFn.get(l.fn.id);
    if (group) group.push(l);
    else byFn.set(l.fn.id, [l]);
  }
  for (const group of byFn.values()) {
    const fn = group[0]?.fn;
    if (!fn) continue;
    const found = statementsIn(ctx, group);
    const jumps = found.filter((s) => JUMPS.has(s.kind));
    const rt = jumps.some((j) => j.kind === 'return')
      ? returnTypeOf(fn, unmaskedReader(ctx.doc))
      : null;
    for (const j of jumps) {
      const live = group
        .filter((l) => l.declared <= j.start && j.end <= l.scopeEnd && leaves(j, l, found))
        .sort((a, b) => b.order - a.order);
      if (live.length === 0) continue;
      if (j.kind === 'return') freeBeforeReturn(ctx, rt, j.node, live);
      else if (j.kind === 'goto') {
        ctx.diagnostics.push(
          createDiagnostic(
            'rewrite/goto-shared-local',
            'warning',
            'a goto may leave the block of a shared local without freeing it; free it by hand before jumping',
            ctx.span(j.node),
          ),
        );
      } else wrap(ctx, j.node, live);
    }
    const scopes = new Map<number, HeapLocal[]>();
    for (const l of group) {
      const inBlock = scopes.get(l.scope.id);
      if (inBlock) inBlock.push(l);
      else scopes.set(l.scope.id, [l]);
    }
    for (const inBlock of scopes.values()) freeAtEnd(ctx, inBlock);
  }
}

/** A statement found by its keyword, with its offsets read once. */
interface Found {
  kind: string;
  node: SyntaxNode;
  start: number;
  end: number;
}

const KEYWORDS = /\b(?:return|break|continue|goto|for|while|do|switch)\b/g;
const JUMPS = new Set(['return', 'break', 'continue', 'goto']);
const LOOP_KINDS = new Set(['for', 'while', 'do']);

/**
 * Jump, loop and switch statements where the locals of `group` live, found by scanning the
 * text for their keywords and asking the tree only at those offsets (much cheaper than
 * walking subtrees or climbing parents).
 */
function statementsIn(ctx: RuleContext, group: readonly HeapLocal[]): Found[] {
  const root = ctx.doc.tree.rootNode;
  const begin = Math.min(...group.map((l) => l.declared));
  const end = Math.max(...group.map((l) => l.scopeEnd));
  // A GNU nested function returns from itself, not from the function holding the locals.
  const fn = group[0]?.fn;
  const nested = fn
    ? fn
        .descendantsOfType('function_definition')
        .filter((d) => d.id !== fn.id)
        .map((d) => ({ start: d.startIndex, end: d.endIndex }))
    : [];
  const out: Found[] = [];
  for (const m of ctx.doc.masked.slice(begin, end).matchAll(KEYWORDS)) {
    const at = begin + m.index;
    if (nested.some((r) => r.start <= at && at < r.end)) continue;
    const node = root.namedDescendantForIndex(at, at + m[0].length);
    if (!node || node.startIndex !== at || node.type !== `${m[0]}_statement`) continue;
    out.push({ kind: m[0], node, start: at, end: node.endIndex });
  }
  return out;
}

/**
 * Whether jump `j` leaves the block of local `l`: a return always does; a break or continue
 * does unless a loop (or, for break, a switch) between the declaration and the jump holds it.
 */
function leaves(j: Found, l: HeapLocal, found: readonly Found[]): boolean {
  if (j.kind === 'return' || j.kind === 'goto') return true;
  return !found.some(
    (t) =>
      (LOOP_KINDS.has(t.kind) || (t.kind === 'switch' && j.kind === 'break')) &&
      t.start >= l.declared &&
      t.end <= l.scopeEnd &&
      t.start < j.start &&
      j.end <= t.end,
  );
}

function frees(locals: readonly HeapLocal[]): string {
  return locals.map((l) => `uk_free(${SHARED_ALLOCATOR}, ${l.name});`).join(' ');
}

function freeBeforeReturn(
  ctx: RuleContext,
  rt: FunctionReturnType | null,
  r: SyntaxNode,
  live: readonly HeapLocal[],
): void {
  if (live.length === 0) return;
  let value = r.firstNamedChild;
  while (value && value.type === 'comment') value = value.nextNamedSibling;
  const keyword = r.firstChild;
  if (!value || LITERALS.includes(value.type) || !keyword) {
    wrap(ctx, r, live);
    return;
  }
  if (rt?.isVoid) {
    ctx.edits.replace(keyword.startIndex, keyword.endIndex, '{');
    ctx.edits.insert(r.endIndex, ` ${frees(live)} return; }`);
    return;
  }
  const tmp = ctx.scoped('_flexos_ret');
  const declared = rt ? rt.declare(tmp) : `__auto_type ${tmp}`;
  const space = /\s/.test(ctx.doc.text[keyword.endIndex] ?? '') ? '' : ' ';
  ctx.edits.replace(keyword.startIndex, keyword.endIndex, `{ ${declared} =${space}`);
  // `return a, b;` as an initializer would declare `b`: the comma stays an operator in parentheses.
  if (value.type === 'comma_expression') {
    ctx.edits.insert(value.startIndex, '(');
    ctx.edits.insert(value.endIndex, ')');
  }
  ctx.edits.insert(r.endIndex, ` ${frees(live)} return ${tmp}; }`);
}

/** `stmt` → `{ frees stmt }`. */
function wrap(ctx: RuleContext, stmt: SyntaxNode, live: readonly HeapLocal[]): void {
  if (live.length === 0) return;
  ctx.edits.insert(stmt.startIndex, `{ ${frees(live)} `);
  ctx.edits.insert(stmt.endIndex, ' }');
}

/** Indentation of the first non-blank line in `text[from, to)` that starts after `from`. */
function firstLineIndent(text: string, from: number, to: number): string | undefined {
  for (let nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) {
    const line = /^[ \t]*(?=\S)/.exec(text.slice(nl + 1, to));
    if (line) return line[0];
  }
  return undefined;
}

function freeAtEnd(ctx: RuleContext, locals: readonly HeapLocal[]): void {
  const block = locals[0]?.scope;
  const end = locals[0]?.scopeEnd ?? 0;
  const text = ctx.doc.text;
  // A block that does not end with `}` is missing it (a syntax error): leave it alone.
  if (!block || text[end - 1] !== '}') return;
  const close = { startIndex: end - 1 };
  let last = block.lastNamedChild;
  while (last && last.type === 'comment') last = last.previousNamedSibling;
  if (last && JUMPS_OUT.includes(last.type)) return;
  const ordered = [...locals].sort((a, b) => b.order - a.order);
  const lineStart = text.lastIndexOf('\n', close.startIndex - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, close.startIndex)) && lineStart > block.startIndex) {
    const indent =
      firstLineIndent(text, block.startIndex + 1, close.startIndex) ??
      `${indentAt(text, close.startIndex)}\t`;
    ctx.edits.insert(lineStart, ordered.map((l) => `${indent}${frees([l])}\n`).join(''));
  } else {
    ctx.edits.insert(close.startIndex, ` ${frees(ordered)} `);
  }
}
