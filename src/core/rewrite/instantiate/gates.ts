import { createDiagnostic } from '../../diagnostics.ts';
import { resolveGateLib } from '../libraries.ts';
import { GATE, GATE_R, type PlaceholderCall } from '../placeholders.ts';
import { gateMacroFor, type RuleContext } from './context.ts';

/** Most arguments a gate passes in registers (the FlexOS gates take up to six). */
export const MAX_GATE_ARGS = 6;

/**
 * `flexos_gate(libX, fn, args...)` → `<macro>(a, b, fn, args...)` and
 * `flexos_gate_r(libX, ret, fn, args...)` → `<macro>_r(a, b, ret, fn, args...)`: only the
 * macro name and the `libX` token change, so arguments keep their text and layout.
 */
export function instantiateGates(ctx: RuleContext, calls: readonly PlaceholderCall[]): void {
  for (const call of calls) {
    if (call.name === GATE || call.name === GATE_R) instantiateGate(ctx, call);
  }
}

/**
 * Whether the gate call is a statement of its own. Between `;`, `{` or `}` and `;` it is one,
 * unless it sits in a `for (...)` header; the text tells that without asking the tree for the
 * call's parent (a lookup that walks down from the root in tree-sitter); anything else asks
 * the tree.
 */
function isStatement(ctx: RuleContext, call: PlaceholderCall): boolean {
  const text = ctx.doc.masked;
  let before = call.call.startIndex - 1;
  while (before >= 0 && /\s/.test(text[before] ?? '')) before--;
  let after = call.call.endIndex;
  while (after < text.length && /\s/.test(text[after] ?? '')) after++;
  if (
    text[after] === ';' &&
    (before < 0 ||
      '{}'.includes(text[before] ?? '') ||
      (text[before] === ';' && !inParens(text, before)))
  )
    return true;
  return call.call.parent?.type === 'expression_statement';
}

/** Text scanned back from a `;` for an unclosed `for (` before giving up and asking the tree. */
const PAREN_SCAN = 200;

/**
 * Whether the `;` at `semi` may be inside a `for (...)` header: an unmatched `(` after `for`
 * before the previous `;`, `{` or `}`, or no such boundary within reach. `true` only sends the
 * caller to the tree.
 */
function inParens(text: string, semi: number): boolean {
  let depth = 0;
  const stop = Math.max(0, semi - PAREN_SCAN);
  for (let i = semi - 1; i >= stop; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth < 0) return /\bfor\s*$/.test(text.slice(Math.max(0, i - 8), i));
    else if (c === ';' || c === '{' || c === '}') return false;
  }
  return stop > 0;
}

function instantiateGate(ctx: RuleContext, call: PlaceholderCall): void {
  const withResult = call.name === GATE_R;
  const fnIndex = withResult ? 2 : 1;
  const token = call.args[0];
  const fn = call.args[fnIndex];
  if (!token || !fn || token.type !== 'identifier') {
    ctx.diagnostics.push(
      createDiagnostic(
        'rewrite/bad-gate',
        'error',
        withResult
          ? 'flexos_gate_r needs a library token, a result variable and a function: flexos_gate_r(libX, ret, fn, args...)'
          : 'flexos_gate needs a library token and a function: flexos_gate(libX, fn, args...)',
        ctx.span(call.call),
      ),
    );
    return;
  }
  const argCount = call.args.length - fnIndex - 1;
  if (argCount > MAX_GATE_ARGS) {
    ctx.diagnostics.push(
      createDiagnostic(
        'rewrite/too-many-args',
        'error',
        `${fn.text} gets ${argCount} arguments through a gate; gates pass at most ${MAX_GATE_ARGS}`,
        ctx.span(call.call),
      ),
    );
  }
  // The instantiated gates are `do { ... } while (0)` statements.
  if (!isStatement(ctx, call)) {
    ctx.diagnostics.push(
      createDiagnostic(
        'rewrite/gate-not-statement',
        'error',
        `${call.name} is a statement; use it on its own line (flexos_gate_r stores the result in its second argument)`,
        ctx.span(call.call),
      ),
    );
  }
  const target = resolveGateLib(
    ctx.view,
    token.text,
    { file: ctx.doc.file, start: token.startIndex, end: token.endIndex },
    ctx.diagnostics,
  );
  const macro = gateMacroFor(ctx, ctx.home, target.compartment, withResult);
  ctx.edits.replace(call.callee.startIndex, call.callee.endIndex, macro.name);
  ctx.edits.replace(token.startIndex, token.endIndex, `${ctx.home}, ${target.compartment}`);
  ctx.gates.push({
    caller: ctx.lib,
    callee: target.lib ?? token.text,
    fn: fn.text,
    from: ctx.home,
    to: target.compartment,
    kind: macro.kind,
    via: 'gate',
    span: ctx.span(call.call),
  });
}
