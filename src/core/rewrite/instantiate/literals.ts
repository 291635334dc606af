import { createDiagnostic } from '../../diagnostics.ts';
import { SHARED_LITERAL, type PlaceholderCall } from '../placeholders.ts';
import type { RuleContext } from './context.ts';

/**
 * `FLEXOS_SHARED_LITERAL("...")`: a string passed across a gate must not live in the
 * caller's private `.rodata`. Under a separating mechanism it becomes the statement
 * expression the FlexOS header expands it to, a static array in `.data_shared`; under
 * `fcalls` it is the bare literal.
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
    const [open, close] = literalEdits(ctx);
    ctx.edits.replace(call.call.startIndex, arg.startIndex, open);
    ctx.edits.replace(arg.endIndex, call.call.endIndex, close);
  }
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
