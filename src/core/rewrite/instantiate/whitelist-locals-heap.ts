import { scanName } from '../scope.ts';
import { SHARED_ALLOCATOR } from './alloc.ts';
import type { RuleContext } from './context.ts';
import { insertFrees, type HeapLocal } from './heap-frees.ts';
import { asValue, shapeOf } from './local-shape.ts';
import type { SharedVariable } from './whitelist.ts';

/**
 * `heap` mode: `T x = e;` → `T *x = uk_malloc(flexos_shared_alloc, sizeof(T)); *x = e;`, each
 * use `x` → `(*x)`, freed before every return and at the end of its block (`heap-frees.ts`).
 *
 * An array becomes a pointer to the whole array, `T (*a)[n]`, so `(*a)` is still an array:
 * `sizeof` keeps its meaning and an initialized array is copied in from a compound literal.
 */
export function shareLocalsOnHeap(ctx: RuleContext, locals: readonly SharedVariable[]): void {
  const heap: HeapLocal[] = [];
  for (const v of locals) {
    const scope = v.declaration.parent;
    if (!scope || !v.fn) continue;
    const name = v.name.text;
    // From the initializer on: `T x = { .n = sizeof(x) }` names the variable already.
    const from = v.value ? v.value.startIndex : v.declarator.endIndex;
    const { uses, shadows } = scanName(ctx.doc, name, from, scope);
    // The frees name the pointer wherever the block is left, also inside an inner block that
    // declares the same name again: there the pointer gets a name nothing can hide.
    const x = shadows.length > 0 ? ctx.fresh(`_flexos_${name}_`) : name;
    const shape = shapeOf(ctx, v, `*${x}`);
    if (!shape) continue;
    const alloc = `uk_malloc(${SHARED_ALLOCATOR}, sizeof(${shape.type}))`;
    const bare = v.inner.id === v.name.id;
    ctx.edits.replace(
      v.name.startIndex,
      v.name.endIndex,
      bare || v.name.parent?.type === 'pointer_declarator' ? `*${x}` : `(*${x})`,
    );
    if (shape.fillSize) ctx.edits.insert(shape.fillSize.at, shape.fillSize.size);
    const value = v.value;
    if (!value) {
      ctx.edits.insert(v.inner.endIndex, ` = ${alloc}`);
    } else if (!shape.isArray && !shape.copyValue) {
      const { before } = asValue(shape, value);
      ctx.edits.insert(v.inner.endIndex, ` = ${alloc}; *${x}`);
      if (before) ctx.edits.insert(value.startIndex, before);
    } else {
      const eq = v.declarator.children.find((c) => c.type === '=');
      const { before, after } = asValue(shape, value);
      const into = shape.isArray ? `*${x},` : `${x},`;
      ctx.edits.insert(v.inner.endIndex, ` = ${alloc}; __builtin_memcpy(${into}`);
      if (eq) ctx.edits.replace(eq.startIndex, Math.max(eq.endIndex, value.startIndex), '');
      ctx.edits.insert(value.startIndex, before);
      ctx.edits.insert(value.endIndex, `${after}, sizeof(${shape.type}))`);
    }
    for (const use of uses) {
      ctx.edits.replace(use.startIndex, use.endIndex, `(*${x})`);
    }
    heap.push({
      name: x,
      scope,
      declared: v.declaration.endIndex,
      fn: v.fn,
      order: heap.length,
      scopeEnd: scope.endIndex,
    });
  }
  insertFrees(ctx, heap);
}
