import { createDiagnostic } from '../../diagnostics.ts';
import type { SharingMode } from '../../model.ts';
import type { AttributeSite } from '../attributes.ts';
import { declaratorsOf, squash } from '../c-syntax.ts';
import { unmaskedReader } from '../document.ts';
import { removeAttributeItem } from '../placeholders.ts';
import type { SyntaxNode } from '../syntax.ts';
import type { RuleContext } from './context.ts';
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
    const cut = removeAttributeItem(ctx.doc.text, v.site, v.item);
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
  const movable = locals.filter((v) => checkMovable(ctx, v));
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
 * declarator per declaration, no `const` (the value is stored through a pointer after the
 * declaration) and no `register` (its address is taken).
 */
function prepareDeclarations(ctx: RuleContext, locals: readonly SharedVariable[]): void {
  const done = new Set<number>();
  for (const v of locals) {
    const decl = v.declaration;
    if (done.has(decl.id)) continue;
    done.add(decl.id);
    if (/\b(?:const|register)\b/.test(decl.text)) {
      for (const c of decl.children) {
        if (
          (c.type === 'type_qualifier' && c.text === 'const') ||
          (c.type === 'storage_class_specifier' && c.text === 'register')
        ) {
          ctx.edits.replace(c.startIndex, endWithSpace(ctx.doc.text, c.endIndex), '');
        }
      }
    }
    const declarators = declaratorsOf(decl);
    const first = declarators[0];
    if (!first || declarators.length < 2) continue;
    const spec = squash(
      unmaskedReader(ctx.doc)(decl.startIndex, first.startIndex).replace(
        /\bconst\b|\bregister\b/g,
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

function endWithSpace(text: string, end: number): number {
  return text[end] === ' ' ? end + 1 : end;
}
