import { createDiagnostic } from '../../diagnostics.ts';
import { returnTypeOf } from '../c-syntax.ts';
import type { SyntaxNode } from '../syntax.ts';
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
const LOOPS = ['for_statement', 'while_statement', 'do_statement'];
const JUMPS_OUT = ['return_statement', 'goto_statement', 'break_statement', 'continue_statement'];

/**
 * Frees heap locals wherever their block is left: before each `return` (the returned value is
 * computed into a temporary first, so a returned shared local is read before it is freed),
 * before a `break`/`continue` that leaves the block, and at the block's end.
 */
export function insertFrees(ctx: RuleContext, locals: readonly HeapLocal[]): void {
  const byFn = new Map<number, HeapLocal[]>();
  for (const l of locals) byFn.set(l.fn.id, [...(byFn.get(l.fn.id) ?? []), l]);
  for (const group of byFn.values()) {
    const fn = group[0]?.fn;
    if (!fn) continue;
    for (const r of fn.descendantsOfType('return_statement'))
      freeBeforeReturn(ctx, fn, r, liveAt(group, r));
    for (const j of fn.descendantsOfType(['break_statement', 'continue_statement'])) {
      const target = jumpTarget(j);
      if (!target) continue;
      const leaving = liveAt(group, j).filter(
        (l) => contains(target, l.scope) && target.id !== l.scope.id,
      );
      wrap(ctx, j, leaving);
    }
    for (const g of fn.descendantsOfType('goto_statement')) {
      if (liveAt(group, g).length === 0) continue;
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/goto-shared-local',
          'warning',
          'a goto may leave the block of a shared local without freeing it; free it by hand before jumping',
          ctx.span(g),
        ),
      );
    }
    const scopes = new Map<number, HeapLocal[]>();
    for (const l of group) scopes.set(l.scope.id, [...(scopes.get(l.scope.id) ?? []), l]);
    for (const inBlock of scopes.values()) freeAtEnd(ctx, inBlock);
  }
}

function liveAt(group: readonly HeapLocal[], at: SyntaxNode): HeapLocal[] {
  return group
    .filter((l) => l.declared <= at.startIndex && contains(l.scope, at))
    .sort((a, b) => b.order - a.order);
}

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

function frees(locals: readonly HeapLocal[]): string {
  return locals.map((l) => `uk_free(${SHARED_ALLOCATOR}, ${l.name});`).join(' ');
}

function freeBeforeReturn(
  ctx: RuleContext,
  fn: SyntaxNode,
  r: SyntaxNode,
  live: readonly HeapLocal[],
): void {
  if (live.length === 0) return;
  const value = r.namedChildren.find((c) => c.type !== 'comment');
  const keyword = r.firstChild;
  if (!value || LITERALS.includes(value.type) || !keyword) {
    wrap(ctx, r, live);
    return;
  }
  const rt = returnTypeOf(fn);
  if (rt?.isVoid) {
    ctx.edits.replace(keyword.startIndex, keyword.endIndex, '{');
    ctx.edits.insert(r.endIndex, ` ${frees(live)} return; }`);
    return;
  }
  const tmp = ctx.scoped('_flexos_ret');
  const declared = rt ? rt.declare(tmp) : `__auto_type ${tmp}`;
  const space = /\s/.test(ctx.doc.text[keyword.endIndex] ?? '') ? '' : ' ';
  ctx.edits.replace(keyword.startIndex, keyword.endIndex, `{ ${declared} =${space}`);
  ctx.edits.insert(r.endIndex, ` ${frees(live)} return ${tmp}; }`);
}

/** `stmt` → `{ frees stmt }`. */
function wrap(ctx: RuleContext, stmt: SyntaxNode, live: readonly HeapLocal[]): void {
  if (live.length === 0) return;
  ctx.edits.insert(stmt.startIndex, `{ ${frees(live)} `);
  ctx.edits.insert(stmt.endIndex, ' }');
}

function jumpTarget(j: SyntaxNode): SyntaxNode | null {
  const targets = j.type === 'break_statement' ? [...LOOPS, 'switch_statement'] : LOOPS;
  for (let p = j.parent; p; p = p.parent) {
    if (targets.includes(p.type)) return p;
    if (p.type === 'function_definition') return null;
  }
  return null;
}

function freeAtEnd(ctx: RuleContext, locals: readonly HeapLocal[]): void {
  const block = locals[0]?.scope;
  const close = block?.lastChild;
  if (!block || !close || close.type !== '}' || close.isMissing) return;
  const statements = block.namedChildren.filter((c) => c.type !== 'comment');
  const last = statements[statements.length - 1];
  if (last && JUMPS_OUT.includes(last.type)) return;
  const ordered = [...locals].sort((a, b) => b.order - a.order);
  const text = ctx.doc.text;
  const lineStart = text.lastIndexOf('\n', close.startIndex - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, close.startIndex)) && lineStart > block.startIndex) {
    const first = statements[0];
    const indent = first
      ? indentAt(text, first.startIndex)
      : `${indentAt(text, close.startIndex)}\t`;
    ctx.edits.insert(lineStart, ordered.map((l) => `${indent}${frees([l])}\n`).join(''));
  } else {
    ctx.edits.insert(close.startIndex, ` ${frees(ordered)} `);
  }
}
