import { findUses } from '../scope.ts';
import type { RuleContext } from './context.ts';
import { asValue, shapeOf } from './local-shape.ts';
import type { SharedVariable } from './whitelist.ts';

/** Offset of a thread's data shadow stack from its stack (a FlexOS header constant). */
export const DSS_OFFSET = 'STACK_SIZE';

/**
 * `dss` mode: the declaration stays (it reserves the slot), and the shared copy lives at the
 * same place in the data shadow stack, `STACK_SIZE` above:
 * `T x; T *_dss_x = (T *)((uintptr_t)&x + STACK_SIZE); *_dss_x = e;`, each use `x` →
 * `(*_dss_x)`. An initialized array keeps its initializer and is copied across.
 */
export function shareLocalsInDss(ctx: RuleContext, locals: readonly SharedVariable[]): void {
  for (const v of locals) {
    const shape = shapeOf(ctx, v, v.name.text);
    const scope = v.declaration.parent;
    if (!shape || !scope) continue;
    const x = shape.name;
    const dss = `_dss_${x}`;
    if (shape.fillSize) ctx.edits.insert(shape.fillSize.at, shape.fillSize.size);
    const pointer = `${shape.pointerTo(dss)} = (${shape.pointerType})((uintptr_t)&${x} + ${DSS_OFFSET})`;
    const value = v.value;
    if (!value) {
      ctx.edits.insert(v.inner.endIndex, `; ${pointer}`);
    } else if (!shape.isArray && !shape.copyValue) {
      const { before } = asValue(shape, value);
      ctx.edits.insert(v.inner.endIndex, `; ${pointer}; *${dss}`);
      if (before) ctx.edits.insert(value.startIndex, before);
    } else {
      const from = shape.isArray ? `*${dss}, ${x}` : `${dss}, &${x}`;
      ctx.edits.insert(
        v.declarator.endIndex,
        `; ${pointer}; __builtin_memcpy(${from}, sizeof(${x}))`,
      );
    }
    for (const use of findUses(ctx.doc, x, v.declarator.endIndex, scope)) {
      ctx.edits.replace(use.startIndex, use.endIndex, `(*${dss})`);
    }
  }
}
