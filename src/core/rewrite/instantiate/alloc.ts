import { createDiagnostic } from '../../diagnostics.ts';
import { ALLOC_PLACEHOLDERS, type PlaceholderCall } from '../placeholders.ts';
import type { RuleContext } from './context.ts';

/** The allocator every compartment can reach (docs/formats.md, "Shared allocations"). */
export const SHARED_ALLOCATOR = 'flexos_shared_alloc';

/**
 * `flexos_malloc_whitelist(size)` → `uk_malloc(flexos_shared_alloc, size)`, and likewise for
 * calloc, realloc, memalign, palloc, free and pfree. Under every mechanism: with `fcalls` the
 * shared allocator is simply the one everybody uses.
 */
export function instantiateAllocations(ctx: RuleContext, calls: readonly PlaceholderCall[]): void {
  for (const call of calls) {
    const spec = ALLOC_PLACEHOLDERS[call.name];
    if (!spec) continue;
    const argList = call.call.childForFieldName('arguments');
    if (!argList) continue;
    if (call.args.length !== spec.args) {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/bad-alloc-args',
          'error',
          `${call.name} takes ${spec.args} argument${spec.args === 1 ? '' : 's'}, like ${spec.target} without its allocator`,
          ctx.span(call.call),
        ),
      );
    }
    ctx.edits.replace(call.callee.startIndex, call.callee.endIndex, spec.target);
    const open = argList.startIndex + 1;
    ctx.edits.insert(open, call.args.length > 0 ? `${SHARED_ALLOCATOR}, ` : SHARED_ALLOCATOR);
  }
}
