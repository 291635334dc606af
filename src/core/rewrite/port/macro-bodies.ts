import { withCDocument } from '../parse-c.ts';
import type { CParser, SyntaxNode } from '../parser-types.ts';
import { createPortEdits, applyOrdered } from './port-edits.ts';
import { portCalls, type PortState } from './port.ts';

const PREFIX = 'void __flexos_macro_body(void) {\n';
const SUFFIX = '\n;}';

/**
 * Calls into other libraries written in `#define` bodies are visible only where the macro is
 * expanded. The body is parsed on its own, as the statements of a function, and ported like
 * code; since a macro may be used anywhere, calls become statement expressions, except a
 * body that is one bare call to a macro used only as a statement, which becomes a plain gate.
 */
export function portMacroBodies(state: PortState, parser: CParser): void {
  const root = state.doc.tree.rootNode;
  const defs = [
    ...root.descendantsOfType('preproc_function_def'),
    ...root.descendantsOfType('preproc_def'),
  ];
  for (const def of defs) {
    const body = def.childForFieldName('value');
    const name = def.childForFieldName('name')?.text;
    if (!body || !name || !mentionsForeignCall(state, body.text)) continue;
    const raw = state.doc.text.slice(body.startIndex, body.endIndex);
    // Line splices become spaces of the same length, so offsets map back one to one.
    const spliced = raw.replace(/\\\r?\n/g, (m) => ' '.repeat(m.length));
    const ported = withCDocument(parser, state.doc.file, PREFIX + spliced + SUFFIX, (sub) => {
      const block = sub.tree.rootNode.descendantsOfType('compound_statement')[0];
      if (!block || sub.tree.rootNode.hasError) return undefined;
      const edits = createPortEdits(sub.text);
      const shift = body.startIndex - PREFIX.length;
      const inner: PortState = {
        ...state,
        doc: sub,
        edits,
        diagnostics: [],
        calls: [],
        fixed: new Set(),
        emit: {
          ...state.emit,
          text: sub.text,
          edits,
          newline: () => ' ',
          wrapped: new Set(),
          splits: new Map(),
        },
        macro: { block: block.id, statementAllowed: usedOnlyAsStatement(root, name) },
      };
      portCalls(inner, sub.tree.rootNode.descendantsOfType('call_expression'));
      for (const d of inner.diagnostics) {
        state.diagnostics.push({
          ...d,
          span: { file: state.doc.file, start: d.span.start + shift, end: d.span.end + shift },
          ...(d.fixes
            ? {
                fixes: d.fixes.map((f) => ({
                  ...f,
                  edits: f.edits.map((e) => ({
                    ...e,
                    file: state.doc.file,
                    start: e.start + shift,
                    end: e.end + shift,
                  })),
                })),
              }
            : {}),
        });
      }
      for (const c of inner.calls)
        state.calls.push({
          ...c,
          span: { file: state.doc.file, start: c.span.start + shift, end: c.span.end + shift },
        });
      if (edits.list.length === 0) return undefined;
      const bodyEdits = edits.list.map((e) => ({
        ...e,
        start: e.start - PREFIX.length,
        end: e.end - PREFIX.length,
      }));
      return applyOrdered(
        raw,
        bodyEdits.filter((e) => e.start >= 0 && e.end <= raw.length),
      );
    });
    if (ported !== undefined) state.edits.replace(body.startIndex, body.endIndex, ported);
  }
}

function mentionsForeignCall(state: PortState, body: string): boolean {
  for (const m of body.matchAll(/(?<![\w$])([A-Za-z_]\w*)\s*\(/g)) {
    const owner = state.options.owners.get(m[1] ?? '');
    if (owner && owner !== state.options.lib && !state.localFns.has(m[1] ?? '')) return true;
  }
  return false;
}

/** Whether every use of macro `name` in the file is a statement of its own (`NAME(...);`). */
function usedOnlyAsStatement(root: SyntaxNode, name: string): boolean {
  const uses = root
    .descendantsOfType('call_expression')
    .filter((c) => c.childForFieldName('function')?.text === name);
  return uses.length > 0 && uses.every((c) => c.parent?.type === 'expression_statement');
}
