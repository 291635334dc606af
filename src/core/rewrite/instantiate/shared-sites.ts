import { ancestor, declaredName, storageClassOf } from '../c-tree-queries.ts';
import type { CDocument } from '../parse-c.ts';
import { attributeOwner, attributeUnparsed, whitelistAttributes } from '../placeholders.ts';
import { declaratorsFor } from './whitelist.ts';

/** One variable marked `flexos_whitelist`, as the panels explain it. */
export interface SharedSite {
  name: string;
  /**
   * `global`: file scope; `static`: a function-local `static` or `extern` (stored like a
   * global); `local`: an automatic local, moved according to the sharing mode.
   */
  scope: 'global' | 'static' | 'local';
  /** The enclosing function, for `static` and `local`. */
  fn?: string;
  /** The declared name in the original text. */
  start: number;
  end: number;
}

/**
 * Every whitelisted variable of a parsed file, in text order, read the way the whitelist rule
 * reads them (`whitelist.ts`), so the explanation of a variable is the rule that rewrote it.
 * Attributes the parser could not place, or that sit on something other than a variable, are
 * left out (the rule reports those as errors).
 */
export function findSharedSites(doc: CDocument): SharedSite[] {
  const out: SharedSite[] = [];
  const seen = new Set<number>();
  for (const { site } of whitelistAttributes(doc)) {
    if (attributeUnparsed(doc, site)) continue;
    const owner = attributeOwner(doc, site);
    if (!owner || owner.type !== 'declaration') continue;
    const fn = ancestor(owner, ['function_definition'], doc.tree.rootNode);
    const storage = storageClassOf(owner);
    const scope = !fn
      ? 'global'
      : storage === 'static' || storage === 'extern'
        ? 'static'
        : 'local';
    const fnName = fn ? declaredName(fn.childForFieldName('declarator'))?.text : undefined;
    for (const declarator of declaratorsFor(owner, site)) {
      const inner =
        declarator.type === 'init_declarator'
          ? declarator.childForFieldName('declarator')
          : declarator;
      const name = declaredName(inner);
      if (!name || seen.has(name.startIndex)) continue;
      seen.add(name.startIndex);
      out.push({
        name: name.text,
        scope,
        ...(fnName ? { fn: fnName } : {}),
        start: name.startIndex,
        end: name.endIndex,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
