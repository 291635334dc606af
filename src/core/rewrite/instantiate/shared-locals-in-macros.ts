import { createDiagnostic } from '../../diagnostics.ts';
import type { SyntaxNode } from '../parser-types.ts';
import type { RuleContext } from './context.ts';
import type { SharedVariable } from './whitelist.ts';
import { hasWord, isMemberAt, wordOccurrences } from '../words.ts';

interface MacroDef {
  name: string;
  params: Set<string>;
  body: string;
  node: SyntaxNode;
  end: number;
}

/**
 * A macro body naming a shared local is expanded where the macro is used, after the rewrite:
 * there the name is the heap pointer or the private slot, not the shared value (`x + 1` would
 * even compile, as pointer arithmetic). Macro bodies are text, so the rewrite cannot reach
 * into them: each such macro used in the local's scope is an error. Likewise a `return` in a
 * macro escapes the frees of heap mode: a warning, as for `goto`.
 */
export function checkMacroUses(ctx: RuleContext, locals: readonly SharedVariable[]): void {
  if (locals.length === 0 || !/^[ \t]*#[ \t]*define\b/m.test(ctx.doc.masked)) return;
  const macros = macroDefs(ctx.doc.tree.rootNode);
  const reported = new Set<string>();
  for (const v of locals) {
    const x = v.name.text;
    const scope = v.declaration.parent;
    if (!scope) continue;
    let after: string | undefined;
    for (const m of macros) {
      const namesLocal = !m.params.has(x) && mentions(m.body, x);
      // Heap mode frees before each `return` it sees; one inside a macro skips the frees.
      const returns = ctx.sharing === 'heap' && mentions(m.body, RETURN);
      if (!namesLocal && !returns) continue;
      const key = `${m.node.id}:${x}`;
      if (reported.has(key)) continue;
      after ??= ctx.doc.masked.slice(v.declarator.endIndex, scope.endIndex);
      if (!hasWord(after, m.name)) continue;
      reported.add(key);
      const span = ctx.span({ startIndex: m.node.startIndex, endIndex: m.end });
      ctx.diagnostics.push(
        namesLocal
          ? createDiagnostic(
              'rewrite/shared-local-in-macro',
              'error',
              `macro ${m.name} names the shared local '${x}', which is rewritten where it is declared but not inside the macro; pass it to the macro as an argument instead`,
              span,
            )
          : createDiagnostic(
              'rewrite/return-in-macro',
              'warning',
              `macro ${m.name} returns from the function without freeing the shared local '${x}' (heap mode); free it by hand before the macro, or return outside the macro`,
              span,
            ),
      );
    }
  }
}

const RETURN = 'return';

function macroDefs(root: SyntaxNode): MacroDef[] {
  const out: MacroDef[] = [];
  for (const def of root.descendantsOfType(['preproc_def', 'preproc_function_def'])) {
    const name = def.childForFieldName('name');
    const value = def.childForFieldName('value');
    if (!name || !value) continue;
    const params = def.childForFieldName('parameters');
    out.push({
      name: name.text,
      params: new Set(params?.namedChildren.map((p) => p.text) ?? []),
      body: value.text,
      node: def,
      end: value.endIndex,
    });
  }
  return out;
}

/** Whether `body` names `x` other than as a member (`.x`, `->x`), in a string or a comment. */
function mentions(body: string, x: string): boolean {
  const code = body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\/|\/\/.*/g, ' ');
  return wordOccurrences(code, x).some((i) => !isMemberAt(code, i));
}
