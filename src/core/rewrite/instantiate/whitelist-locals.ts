import { createDiagnostic } from '../../diagnostics.ts';
import type { SharingMode } from '../../model.ts';
import type { AttributeSite } from '../attributes.ts';
import { declaratorsOf, squash } from '../c-tree-queries.ts';
import { unmaskedReader } from '../parse-c.ts';
import { rewriteAttributeItems } from '../placeholders.ts';
import type { SyntaxNode } from '../parser-types.ts';
import type { RuleContext } from './context.ts';
import { objectConst, qualifierCut } from './object-const.ts';
import { checkMacroUses } from './shared-locals-in-macros.ts';
import { shareLocalsOnHeap } from './whitelist-locals-heap.ts';
import { shareLocalsInDss } from './whitelist-locals-dss.ts';
import type { SharedVariable } from './whitelist.ts';

/**
 * How stack data is shared under a mechanism: `fcalls` shares everything already, and a VM
 * cannot see another VM's stack or its shadow, so `vm-ept` always uses the shared heap.
 */
export function effectiveSharing(
  ctx: Pick<RuleContext, 'backend' | 'mechanism'>,
  requested: SharingMode,
): SharingMode {
  if (!ctx.backend.separatesMemory) return 'shared-stack';
  if (ctx.mechanism === 'vm-ept') return 'heap';
  return requested;
}

/**
 * Whitelisted automatic locals: the attribute goes, and in `heap` and `dss` mode the variable
 * moves to shared memory (see the two mode files). `shared-stack` leaves them alone.
 */
export function instantiateLocals(
  ctx: RuleContext,
  locals: readonly SharedVariable[],
  requested: SharingMode,
): void {
  if (locals.length === 0) return;
  const removed = new Set<AttributeSite>();
  for (const v of locals) {
    if (removed.has(v.site)) continue;
    removed.add(v.site);
    const cut = rewriteAttributeItems(ctx.doc.text, v.site, new Map(v.items.map((i) => [i, ''])));
    ctx.edits.replace(cut.start, cut.end, cut.text);
  }
  if (ctx.backend.separatesMemory && ctx.sharing !== requested) {
    const first = locals[0];
    if (first) {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/sharing-fallback',
          'info',
          `${ctx.mechanism} cannot share stack data in '${requested}' mode; whitelisted locals use the shared heap`,
          ctx.span(first.name),
        ),
      );
    }
  }
  if (ctx.sharing === 'shared-stack') return;
  const movable = locals.filter((v) => !v.duplicate && checkMovable(ctx, v));
  checkMacroUses(ctx, movable);
  prepareDeclarations(ctx, movable);
  if (ctx.sharing === 'heap') shareLocalsOnHeap(ctx, movable);
  else shareLocalsInDss(ctx, movable);
}

function checkMovable(ctx: RuleContext, v: SharedVariable): boolean {
  if (v.declaration.parent?.type === 'compound_statement') return true;
  ctx.diagnostics.push(
    createDiagnostic(
      'rewrite/unsupported-shared-local',
      'error',
      `'${v.name.text}' must be declared in a block to be shared (not in a for-loop header or after a label)`,
      ctx.span(v.name),
    ),
  );
  return false;
}

/**
 * Makes each declaration holding a shared local safe to extend with statements: one
 * declarator per declaration, no `const` on a shared object itself (its value is stored
 * through a pointer after the declaration; see `object-const.ts`) and no `register` (its
 * address is taken).
 */
function prepareDeclarations(ctx: RuleContext, locals: readonly SharedVariable[]): void {
  const byDeclaration = new Map<number, SharedVariable[]>();
  for (const v of locals) {
    const group = byDeclaration.get(v.declaration.id);
    if (group) group.push(v);
    else byDeclaration.set(v.declaration.id, [v]);
  }
  const text = ctx.doc.text;
  for (const group of byDeclaration.values()) {
    const decl = group[0]?.declaration;
    if (!decl) continue;
    let specConst = false;
    if (/\b(?:const|register)\b/.test(decl.text)) {
      for (const v of group) {
        const own = objectConst(v.declarator);
        specConst ||= own.inSpecifiers;
        for (const q of own.inDeclarator) {
          const cut = qualifierCut(text, q);
          ctx.edits.replace(cut.start, cut.end, '');
        }
      }
      for (const c of decl.children) {
        if (
          (specConst && c.type === 'type_qualifier' && c.text === 'const') ||
          (c.type === 'storage_class_specifier' && c.text === 'register')
        ) {
          const cut = qualifierCut(text, c);
          ctx.edits.replace(cut.start, cut.end, '');
        }
      }
    }
    const declarators = declaratorsOf(decl);
    const first = declarators[0];
    if (!first || declarators.length < 2) continue;
    const spec = squash(
      unmaskedReader(ctx.doc)(decl.startIndex, first.startIndex).replace(
        specConst ? /\bconst\b|\bregister\b/g : /\bregister\b/g,
        ' ',
      ),
    );
    for (const comma of commasBetween(decl, first))
      ctx.edits.replace(comma.startIndex, comma.endIndex, `; ${spec}`);
  }
}

function commasBetween(decl: SyntaxNode, first: SyntaxNode): SyntaxNode[] {
  return decl.children.filter((c) => c.type === ',' && c.startIndex > first.startIndex);
}
