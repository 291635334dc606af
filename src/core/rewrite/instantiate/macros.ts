import { createDiagnostic, type TextEdit } from '../../diagnostics.ts';
import { inUnparsed, type CDocument } from '../parse-c.ts';
import { applyEditList, conflictingEdit } from '../edits.ts';
import { resolveGateLib } from '../libraries.ts';
import { splitArgs } from '../macro-text.ts';
import { ALLOC_PLACEHOLDERS, PLACEHOLDER_PATTERN, SHARED_LITERAL } from '../placeholders.ts';
import type { SyntaxNode } from '../parser-types.ts';
import { SHARED_ALLOCATOR } from './alloc.ts';
import { gateMacroFor, type RuleContext } from './context.ts';
import { sharedLiteralText } from './literals.ts';

/** The macro bodies (`#define` values) that contain a placeholder name. */
export function macroBodiesWithPlaceholders(doc: CDocument): SyntaxNode[] {
  const root = doc.tree.rootNode;
  const seen = new Map<number, SyntaxNode>();
  for (const m of doc.masked.matchAll(PLACEHOLDER_PATTERN)) {
    const node = root.descendantForIndex(m.index, m.index + (m[1]?.length ?? 0));
    if (node?.type === 'preproc_arg' && isMacroValue(node) && !inUnparsed(node))
      seen.set(node.id, node);
  }
  return [...seen.values()];
}

function isMacroValue(node: SyntaxNode): boolean {
  const p = node.parent;
  return !!p && (p.type === 'preproc_def' || p.type === 'preproc_function_def');
}

/**
 * Placeholders written in macro bodies, instantiated on the body's text: the macro expands
 * to the same instantiated code wherever it is used.
 */
export function instantiateMacroBodies(ctx: RuleContext, bodies: readonly SyntaxNode[]): void {
  for (const body of bodies) {
    const params = new Set(
      body.parent?.childForFieldName('parameters')?.namedChildren.map((p) => p.text) ?? [],
    );
    instantiateText(ctx, body, params);
  }
}

/**
 * Preprocessor branches the parser did not see (`conditionals.ts`) get the same textual
 * instantiation as macro bodies: gates, allocations and shared literals in them are
 * instantiated (comments and strings skipped); what needs the tree, shared locals and
 * attributes, is left to `rewrite/hidden-branch`.
 */
export function instantiateHiddenBranches(ctx: RuleContext): void {
  for (const b of ctx.doc.hidden) {
    const text = ctx.doc.text.slice(b.start, b.end);
    instantiateText(ctx, { startIndex: b.start, endIndex: b.end }, new Set(), codeOnly(text));
  }
}

/** `text` with comments, string and character contents and directive lines blanked. */
function codeOnly(text: string): string {
  return text.replace(
    /\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|^[ \t]*#[^\n]*/gm,
    (m) => m.replace(/[^\n]/g, ' '),
  );
}

/**
 * Instantiates the placeholders of `range` of the text, which has no tree: found in `scan`
 * (the text itself, or it with what is not code blanked), rewritten on the text.
 */
function instantiateText(
  ctx: RuleContext,
  range: { startIndex: number; endIndex: number },
  params: ReadonlySet<string>,
  scan?: string,
): void {
  const body = range;
  const text = ctx.doc.text.slice(body.startIndex, body.endIndex);
  const local: TextEdit[] = [];
  for (const m of (scan ?? text).matchAll(PLACEHOLDER_PATTERN)) {
    const name = m[1] ?? '';
    const open = text.indexOf('(', m.index + name.length);
    if (open < 0 || text.slice(m.index + name.length, open).trim() !== '') continue;
    const args = splitArgs(text, open);
    if (!args) continue;
    const at = (start: number, end: number, replacement: string): void => {
      local.push({ file: ctx.doc.file, start, end, text: replacement });
    };
    if (name === 'flexos_gate' || name === 'flexos_gate_r') {
      const token = args[0];
      const fn = args[name === 'flexos_gate_r' ? 2 : 1];
      if (!token || !/^[A-Za-z_]\w*$/.test(token.text)) continue;
      const start = body.startIndex + token.start;
      if (params.has(token.text)) {
        // The compartments differ per use, and the body is instantiated once: leave the
        // placeholder, which does not compile, and say why.
        ctx.diagnostics.push(
          createDiagnostic(
            'rewrite/gate-lib-is-macro-parameter',
            'error',
            `the library of ${name} is the macro parameter '${token.text}', which the gate cannot be instantiated for; write the library token in the macro body (one macro per library)`,
            { file: ctx.doc.file, start, end: start + token.text.length },
          ),
        );
        continue;
      }
      const target = resolveGateLib(
        ctx.view,
        token.text,
        { file: ctx.doc.file, start, end: start + token.text.length },
        ctx.diagnostics,
      );
      const macro = gateMacroFor(ctx, ctx.home, target.compartment, name === 'flexos_gate_r');
      at(m.index, m.index + name.length, macro.name);
      at(token.start, token.end, `${ctx.home}, ${target.compartment}`);
      ctx.gates.push({
        caller: ctx.lib,
        callee: target.lib ?? token.text,
        fn: fn?.text ?? '?',
        from: ctx.home,
        to: target.compartment,
        kind: macro.kind,
        via: 'gate',
        span: {
          file: ctx.doc.file,
          start: body.startIndex + m.index,
          end: body.startIndex + open,
        },
      });
    } else if (name === SHARED_LITERAL) {
      const lit = args[0];
      const close = lit ? text.indexOf(')', lit.end) : -1;
      if (!lit || close < 0) continue;
      at(m.index, close + 1, sharedLiteralText(ctx, lit.text));
    } else {
      const spec = ALLOC_PLACEHOLDERS[name];
      if (!spec) continue;
      at(m.index, m.index + name.length, spec.target);
      // Extra arguments (the library FlexOS sources name) are dropped, as in code (alloc.ts).
      const lastKept = args[spec.args - 1];
      const close =
        lastKept && args.length > spec.args
          ? text.indexOf(')', args[args.length - 1]?.end ?? 0)
          : -1;
      if (lastKept && close >= 0) at(lastKept.end, close, '');
      at(
        open + 1,
        open + 1,
        args.length > 0 && args[0]?.text !== '' ? `${SHARED_ALLOCATOR}, ` : SHARED_ALLOCATOR,
      );
    }
  }
  if (local.length > 0) {
    const dropped: TextEdit[] = [];
    ctx.edits.replace(body.startIndex, body.endIndex, applyEditList(text, local, dropped));
    for (const e of dropped) {
      const at = { start: body.startIndex + e.start, end: body.startIndex + e.end };
      ctx.diagnostics.push(conflictingEdit({ ...e, ...at }));
    }
  }
}
