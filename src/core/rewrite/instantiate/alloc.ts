import { createDiagnostic } from '../../diagnostics.ts';
import { squash } from '../c-tree-queries.ts';
import { ALLOC_PLACEHOLDERS, type PlaceholderCall } from '../placeholders.ts';
import type { RuleContext } from './context.ts';

/** The allocator every compartment can reach (docs/formats.md, "Shared allocations"). */
export const SHARED_ALLOCATOR = 'flexos_shared_alloc';

/**
 * `flexos_malloc_whitelist(size)` → `uk_malloc(flexos_shared_alloc, size)`, and likewise for
 * calloc, realloc, memalign, palloc, free and pfree. Under every mechanism: with `fcalls` the
 * shared allocator is simply the one everybody uses.
 *
 * FlexOS sources pass more, the library the memory is shared with
 * (`flexos_malloc_whitelist(32, libflexosexample)`); the toolchain's rules match `(size, ...)`
 * and drop the rest, and so does this rule, with an info note.
 */
export function instantiateAllocations(ctx: RuleContext, calls: readonly PlaceholderCall[]): void {
  for (const call of calls) {
    const spec = ALLOC_PLACEHOLDERS[call.name];
    if (!spec) continue;
    const argList = call.call.childForFieldName('arguments');
    if (!argList) continue;
    const lastKept = call.args[spec.args - 1];
    const close = argList.lastChild;
    if (call.args.length > spec.args && lastKept && close?.type === ')') {
      const extra = ctx.doc.text.slice(lastKept.endIndex, close.startIndex).replace(/^\s*,\s*/, '');
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/alloc-extra-args',
          'info',
          `${call.name} takes ${spec.args} argument${spec.args === 1 ? '' : 's'}; the rest (${squash(extra)}) is dropped, as the FlexOS toolchain does`,
          ctx.span({ startIndex: lastKept.endIndex, endIndex: close.startIndex }),
        ),
      );
      ctx.edits.replace(lastKept.endIndex, close.startIndex, '');
    } else if (call.args.length !== spec.args) {
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
