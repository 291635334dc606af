import { createDiagnostic } from '../../diagnostics.ts';
import { ancestorsOf } from '../c-tree-queries.ts';
import { SHARED_LITERAL, type PlaceholderCall } from '../placeholders.ts';
import type { SyntaxNode } from '../parser-types.ts';
import type { RuleContext } from './context.ts';

/**
 * `FLEXOS_SHARED_LITERAL("...")`: a string passed across a gate must not live in the
 * caller's private `.rodata`. Under a separating mechanism it becomes a static array in
 * `.data_shared`: inside a function, the statement expression the FlexOS header expands it
 * to; at file scope (where a statement expression cannot stand) and under `sizeof` (where it
 * would measure a pointer), an array declared before the enclosing top-level declaration,
 * whose name is used in place. Under `fcalls` it is the bare literal.
 */
export function instantiateLiterals(ctx: RuleContext, calls: readonly PlaceholderCall[]): void {
  for (const call of calls) {
    if (call.name !== SHARED_LITERAL) continue;
    const arg = call.args[0];
    if (
      call.args.length !== 1 ||
      !arg ||
      !['string_literal', 'concatenated_string'].includes(arg.type)
    ) {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/bad-shared-literal',
          'error',
          'FLEXOS_SHARED_LITERAL takes one string literal',
          ctx.span(call.call),
        ),
      );
      continue;
    }
    const item = ctx.backend.separatesMemory ? arrayPlace(call.call, ctx.doc.tree.rootNode) : null;
    if (item) {
      const name = ctx.fresh('_flexos_lit');
      insertBefore(ctx, item, `${sharedArray(name)} = ${arg.text};`);
      ctx.edits.replace(call.call.startIndex, call.call.endIndex, name);
      continue;
    }
    const [open, close] = literalEdits(ctx);
    ctx.edits.replace(call.call.startIndex, arg.startIndex, open);
    ctx.edits.replace(arg.endIndex, call.call.endIndex, close);
  }
}

function sharedArray(name: string): string {
  return `static char ${name}[] __attribute__((section(".data_shared")))`;
}

function literalEdits(ctx: RuleContext): [string, string] {
  if (!ctx.backend.separatesMemory) return ['', ''];
  const name = ctx.fresh('_flexos_lit');
  return [`({ static char __attribute__((section(".data_shared"))) ${name}[] = `, `; ${name}; })`];
}

/** The same rewrite for text inside a macro body, where there is no tree. */
export function sharedLiteralText(ctx: RuleContext, literal: string): string {
  const [open, close] = literalEdits(ctx);
  return `${open}${literal}${close}`;
}

/** Nodes whose children are top-level declarations (also inside preprocessor conditionals). */
const TOP_LEVEL = new Set([
  'translation_unit',
  'preproc_if',
  'preproc_ifdef',
  'preproc_else',
  'preproc_elif',
  'preproc_elifdef',
]);
const UNEVALUATED = new Set(['sizeof_expression', 'alignof_expression']);

/**
 * The top-level declaration before which the literal's array goes, when it must be an array
 * there: the call is outside any function or under `sizeof`. `null`: the statement expression.
 */
function arrayPlace(call: SyntaxNode, root: SyntaxNode): SyntaxNode | null {
  let measured = false;
  let inFunction = false;
  // The item is the node whose ancestors up to the root are all TOP_LEVEL: a conditional
  // inside a function body is not file scope. The ancestors are read in one walk down
  // (`ancestorsOf`): climbing `parent` costs a walk down per step (fuzz seed 17217).
  let item: SyntaxNode | null = null;
  let n = call;
  for (const p of ancestorsOf(root, call)) {
    if (UNEVALUATED.has(p.type)) measured = true;
    if (p.type === 'function_definition') inFunction = true;
    if (!TOP_LEVEL.has(p.type)) item = null;
    else item ??= n;
    n = p;
  }
  return item && (measured || !inFunction) ? item : null;
}

/** Inserts a declaration on its own line before `item` (and before attributes written ahead of it). */
function insertBefore(ctx: RuleContext, item: SyntaxNode, declaration: string): void {
  const text = ctx.doc.text;
  let start = item.startIndex;
  for (let i = ctx.doc.attributes.length - 1; i >= 0; i--) {
    const a = ctx.doc.attributes[i];
    if (a && a.end <= start && /^\s*$/.test(text.slice(a.end, start))) start = a.start;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)))
    ctx.edits.insert(lineStart, `${declaration}\n`);
  else ctx.edits.insert(start, `${declaration} `);
}
