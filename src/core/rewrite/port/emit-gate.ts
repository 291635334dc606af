import { indentAt } from '../instantiate/context.ts';
import type { SyntaxNode } from '../parser-types.ts';
import type { CallShape } from './call-shape.ts';
import type { FunctionSignature } from './ownership.ts';
import type { PortEdits } from './port-edits.ts';

/** What writing one gate needs besides the call. */
export interface EmitContext {
  text: string;
  edits: PortEdits;
  /** A new temporary name. */
  fresh(): string;
  /** Line break plus indentation between statements; a space inside macro bodies. */
  newline(at: number): string;
  /** Statements already wrapped in braces for hoisting, by node id. */
  wrapped: Set<number>;
  /**
   * Declarations split before a declarator that gates are hoisted to, by declarator id: where
   * the declarator starts and the specifiers to repeat there (see `finishSplits`).
   */
  splits: Map<number, { at: number; spec: string }>;
}

export function lineBreak(text: string): (at: number) => string {
  return (at) => `\n${indentAt(text, at)}`;
}

/** Rewrites a call to a function of library `token` into a gate, according to its shape. */
export function emitGate(
  ctx: EmitContext,
  call: SyntaxNode,
  shape: CallShape,
  token: string,
  signature: FunctionSignature | undefined,
): void {
  const fn = call.childForFieldName('function');
  const argList = call.childForFieldName('arguments');
  const open = argList?.firstChild;
  const close = argList?.lastChild;
  if (!fn || !argList || !open || !close) return;
  const hasArgs = argList.namedChildren.some((c) => c.type !== 'comment');
  const name = fn.text;
  const openToArgs = (): void => ctx.edits.replace(fn.endIndex, open.endIndex, hasArgs ? ', ' : '');
  switch (shape.kind) {
    case 'unevaluated':
      return;
    case 'statement':
      ctx.edits.replace(shape.prefixStart, call.startIndex, `flexos_gate(${token}, `);
      openToArgs();
      return;
    case 'assign': {
      const lhs = ctx.edits.take(shape.lhs.startIndex, shape.lhs.endIndex);
      ctx.edits.replace(
        shape.assignment.startIndex,
        call.startIndex,
        `flexos_gate_r(${token}, ${lhs}, `,
      );
      openToArgs();
      return;
    }
    case 'declare':
      ctx.edits.replace(
        shape.inner.endIndex,
        call.startIndex,
        `;${ctx.newline(shape.declaration.startIndex)}flexos_gate_r(${token}, ${shape.name.text}, `,
      );
      openToArgs();
      return;
    case 'hoist':
    case 'inline': {
      const args = ctx.edits.take(open.endIndex, close.startIndex);
      ctx.edits.take(call.startIndex, call.endIndex);
      const tail = args.trim() === '' ? '' : `, ${args}`;
      const noValue = !shape.valueUsed || signature?.isVoid === true;
      const tmp = noValue ? '' : ctx.fresh();
      const decl = signature?.result
        ? signature.result.replace('@', tmp)
        : `__typeof__(${name}(${args})) ${tmp}`;
      const gate = noValue
        ? `flexos_gate(${token}, ${name}${tail});`
        : `${decl};${'\u0000'}flexos_gate_r(${token}, ${tmp}, ${name}${tail});`;
      if (shape.kind === 'inline') {
        ctx.edits.replace(
          call.startIndex,
          call.endIndex,
          noValue ? `({ ${gate} })` : `({ ${gate.replace('\u0000', ' ')} ${tmp}; })`,
        );
        return;
      }
      const s = shape.statement;
      const nl = ctx.newline(s.startIndex);
      let prefix = `${gate.replace('\u0000', nl)}${nl}`;
      if (shape.wrap && !ctx.wrapped.has(s.id)) {
        ctx.wrapped.add(s.id);
        prefix = `{ ${prefix}`;
        ctx.edits.insert(s.endIndex, ' }', true);
      }
      const at = shape.declarator ? splitBefore(ctx, s, shape.declarator, nl) : s.startIndex;
      ctx.edits.insert(at, prefix, true);
      ctx.edits.replace(call.startIndex, call.endIndex, noValue ? '(void)0' : tmp);
      return;
    }
  }
}

/**
 * Ends the declaration before `declarator` (`int k = a, m = b;` → `int k = a;` newline
 * `m = b;`) and returns where the hoisted gates go; `finishSplits` adds the specifiers back.
 */
function splitBefore(
  ctx: EmitContext,
  decl: SyntaxNode,
  declarator: SyntaxNode,
  nl: string,
): number {
  const at = declarator.startIndex;
  if (ctx.splits.has(declarator.id)) return at;
  const first = decl.childForFieldName('declarator');
  const comma = decl.children.filter((c) => c.type === ',' && c.endIndex <= at).pop();
  if (!first || !comma) return at;
  const between = ctx.text.slice(comma.endIndex, at);
  ctx.edits.replace(comma.startIndex, /^\s*$/.test(between) ? at : comma.endIndex, ';');
  ctx.edits.insert(at, nl, true);
  const spec = ctx.text.slice(decl.startIndex, first.startIndex).replace(/\s+/g, ' ').trim();
  ctx.splits.set(declarator.id, { at, spec: `${spec} ` });
  return at;
}

/** Repeats the specifiers after the gates hoisted before each split declarator. */
export function finishSplits(ctx: EmitContext): void {
  for (const { at, spec } of ctx.splits.values()) ctx.edits.insert(at, spec, true);
  ctx.splits.clear();
}
