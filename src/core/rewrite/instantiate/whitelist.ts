import { createDiagnostic } from '../../diagnostics.ts';
import type { AttributeItem, AttributeSite } from '../attributes.ts';
import { ancestor, declaratorsOf, declaredName, storageClassOf } from '../c-tree-queries.ts';
import {
  attributeOwner,
  attributeUnparsed,
  rewriteAttributeItems,
  whitelistAttributes,
  type PlaceholderAttribute,
} from '../placeholders.ts';
import type { SyntaxNode } from '../parser-types.ts';
import type { RuleContext } from './context.ts';
import { objectConst, qualifierCut, specifierConsts } from './object-const.ts';

/** One whitelisted variable: a declarator of a declaration carrying `flexos_whitelist`. */
export interface SharedVariable {
  site: AttributeSite;
  item: AttributeItem;
  /** Every `flexos_whitelist` item of `site` (usually just `item`). */
  items: AttributeItem[];
  declaration: SyntaxNode;
  /** The declarator as written, possibly an `init_declarator`. */
  declarator: SyntaxNode;
  /** The declarator without its initializer. */
  inner: SyntaxNode;
  name: SyntaxNode;
  value: SyntaxNode | null;
  /** The enclosing function, for locals. */
  fn: SyntaxNode | null;
  /** Another attribute already shares this declarator: only this attribute is removed. */
  duplicate?: boolean;
}

/**
 * Finds every whitelisted variable. Globals, and function-local `static`/`extern` variables
 * (which live in `.data`/`.bss` like globals, unlike the original rules that broke them),
 * get their attribute rewritten here; automatic locals are returned for the sharing-mode rule.
 */
export function instantiateWhitelist(ctx: RuleContext): SharedVariable[] {
  const locals: SharedVariable[] = [];
  // Declarators already shared, and declarations whose const was handled: one declaration
  // may carry the attribute twice (among the specifiers and after the declarator).
  const declarators = new Set<number>();
  const constDone = new Set<number>();
  for (const [site, items] of bySite(whitelistAttributes(ctx.doc))) {
    const item = items[0];
    if (!item || attributeUnparsed(ctx.doc, site)) continue;
    const owner = attributeOwner(ctx.doc, site);
    if (!owner || owner.type !== 'declaration') {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/whitelist-target',
          'error',
          'flexos_whitelist applies to variables only; for a parameter, copy it into a whitelisted local',
          ctx.span({ startIndex: site.start, endIndex: site.end }),
        ),
      );
      continue;
    }
    const fn = ancestor(owner, ['function_definition'], ctx.doc.tree.rootNode);
    const storage = storageClassOf(owner);
    if (!fn || storage === 'static' || storage === 'extern') {
      shareStatic(ctx, site, items);
      if (ctx.backend.separatesMemory && !constDone.has(owner.id)) {
        constDone.add(owner.id);
        dropObjectConst(ctx, owner, site);
      }
      continue;
    }
    for (const declarator of declaratorsFor(owner, site)) {
      const isInit = declarator.type === 'init_declarator';
      const inner = isInit ? declarator.childForFieldName('declarator') : declarator;
      const name = declaredName(inner);
      if (!inner || !name) continue;
      const value = isInit ? declarator.childForFieldName('value') : null;
      const duplicate = declarators.has(declarator.id);
      declarators.add(declarator.id);
      locals.push({
        site,
        item,
        items,
        declaration: owner,
        declarator,
        inner,
        name,
        value,
        fn,
        ...(duplicate ? { duplicate } : {}),
      });
    }
  }
  return locals;
}

function bySite(found: readonly PlaceholderAttribute[]): Map<AttributeSite, AttributeItem[]> {
  const out = new Map<AttributeSite, AttributeItem[]>();
  for (const { site, item } of found) {
    const items = out.get(site);
    if (items) items.push(item);
    else out.set(site, [item]);
  }
  return out;
}

/** `__attribute__((flexos_whitelist))` → `__attribute__((section(".data_shared")))`. */
function shareStatic(ctx: RuleContext, site: AttributeSite, items: readonly AttributeItem[]): void {
  const changes = new Map(
    items.map((item, i) => [
      item,
      i === 0 && ctx.backend.separatesMemory ? 'section(".data_shared")' : '',
    ]),
  );
  const cut = rewriteAttributeItems(ctx.doc.text, site, changes);
  ctx.edits.replace(cut.start, cut.end, cut.text);
}

/**
 * A `const` object cannot share `.data_shared` with writable ones (GCC: "section type
 * conflict"), so a whitelisted object that is itself const loses the qualifier; what a
 * pointer points to keeps its own (`object-const.ts`). A const written among the specifiers
 * is dropped only when it qualifies whitelisted declarators alone.
 */
function dropObjectConst(ctx: RuleContext, declaration: SyntaxNode, site: AttributeSite): void {
  const objects = declaratorsFor(declaration, site);
  let inSpecifiers = false;
  for (const d of objects) {
    const own = objectConst(d);
    inSpecifiers ||= own.inSpecifiers;
    for (const q of own.inDeclarator) {
      const cut = qualifierCut(ctx.doc.text, q);
      ctx.edits.replace(cut.start, cut.end, '');
    }
  }
  if (!inSpecifiers || objects.length !== declaratorsOf(declaration).length) return;
  for (const c of specifierConsts(declaration)) {
    const cut = qualifierCut(ctx.doc.text, c);
    ctx.edits.replace(cut.start, cut.end, '');
  }
}

/**
 * The declarators an attribute applies to: all of them when it is written among the
 * specifiers, else the one it follows (GCC's rule).
 */
export function declaratorsFor(declaration: SyntaxNode, site: AttributeSite): SyntaxNode[] {
  const all = declaratorsOf(declaration);
  const first = all[0];
  if (!first || site.end <= first.startIndex) return all;
  const containing = all.find((d) => d.startIndex <= site.start && site.end <= d.endIndex);
  if (containing) return [containing];
  const before = all.filter((d) => d.endIndex <= site.start);
  const last = before[before.length - 1];
  return last ? [last] : [];
}
