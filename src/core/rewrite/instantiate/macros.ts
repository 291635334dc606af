import { createDiagnostic, type TextEdit } from '../../diagnostics.ts';
import type { CDocument } from '../parse-c.ts';
import { applyEditList } from '../edits.ts';
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
    if (node?.type === 'preproc_arg' && isMacroValue(node)) seen.set(node.id, node);
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
    const text = ctx.doc.text.slice(body.startIndex, body.endIndex);
    const params = new Set(
      body.parent?.childForFieldName('parameters')?.namedChildren.map((p) => p.text) ?? [],
    );
    const local: TextEdit[] = [];
    for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
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
        at(
          open + 1,
          open + 1,
          args.length > 0 && args[0]?.text !== '' ? `${SHARED_ALLOCATOR}, ` : SHARED_ALLOCATOR,
        );
      }
    }
    if (local.length > 0)
      ctx.edits.replace(body.startIndex, body.endIndex, applyEditList(text, local));
  }
}
