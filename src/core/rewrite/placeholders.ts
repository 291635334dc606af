import type { AttributeItem, AttributeSite } from './attributes.ts';
import { ancestorsOf } from './c-tree-queries.ts';
import { inUnparsed, type CDocument } from './parse-c.ts';
import type { SyntaxNode } from './parser-types.ts';

/**
 * The placeholders of docs/formats.md ("Gate placeholders in C sources"), found by
 * scanning the text for their names and asking the tree what each hit is. This touches only
 * the nodes at the hits, which keeps instantiation fast on large files.
 */

export const GATE = 'flexos_gate';
export const GATE_R = 'flexos_gate_r';
export const SHARED_LITERAL = 'FLEXOS_SHARED_LITERAL';
export const WHITELIST = 'flexos_whitelist';

/** `flexos_<kind>_whitelist` → `uk_<kind>`, with the arguments the placeholder takes. */
export const ALLOC_PLACEHOLDERS: Readonly<Record<string, { target: string; args: number }>> = {
  flexos_malloc_whitelist: { target: 'uk_malloc', args: 1 },
  flexos_calloc_whitelist: { target: 'uk_calloc', args: 2 },
  flexos_realloc_whitelist: { target: 'uk_realloc', args: 2 },
  flexos_memalign_whitelist: { target: 'uk_memalign', args: 2 },
  flexos_palloc_whitelist: { target: 'uk_palloc', args: 1 },
  flexos_free_whitelist: { target: 'uk_free', args: 1 },
  flexos_pfree_whitelist: { target: 'uk_pfree', args: 2 },
};

export const PLACEHOLDER_PATTERN =
  /\b(flexos_gate(?:_r)?|flexos_(?:malloc|calloc|realloc|memalign|palloc|free|pfree)_whitelist|FLEXOS_SHARED_LITERAL)\b/g;

/** A placeholder name used as the callee of a call in the tree. */
export interface PlaceholderCall {
  name: string;
  /** The callee identifier. */
  callee: SyntaxNode;
  call: SyntaxNode;
  /** The arguments, comments left out. */
  readonly args: SyntaxNode[];
}

/**
 * Calls of placeholder names in code (not in comments, strings or macro bodies, nor in a
 * fragment the parser could not read, which is left as written).
 */
export function findPlaceholderCalls(doc: CDocument): PlaceholderCall[] {
  const root = doc.tree.rootNode;
  const broken = root.hasError;
  const out: PlaceholderCall[] = [];
  for (const m of doc.masked.matchAll(PLACEHOLDER_PATTERN)) {
    const name = m[1] ?? '';
    const start = m.index;
    const node = root.descendantForIndex(start, start + name.length);
    if (!node || node.type !== 'identifier' || node.startIndex !== start) continue;
    const call = node.parent;
    if (
      !call ||
      call.type !== 'call_expression' ||
      call.childForFieldName('function')?.id !== node.id
    ) {
      continue;
    }
    if (broken && inUnparsed(call, root)) continue;
    const argList = call.childForFieldName('arguments');
    let args: SyntaxNode[] | undefined;
    out.push({
      name,
      callee: node,
      call,
      // Computed on first use: most rules need one or two arguments, not the whole list.
      get args() {
        args ??= argList ? argList.namedChildren.filter(isArgument) : [];
        return args;
      },
    });
  }
  return out;
}

function isArgument(n: SyntaxNode): boolean {
  return n.type !== 'comment';
}

/** Whether an attribute lies in a fragment the parser could not read (left as written). */
export function attributeUnparsed(doc: CDocument, site: AttributeSite): boolean {
  const root = doc.tree.rootNode;
  if (!root.hasError) return false;
  const node = root.descendantForIndex(site.start, site.end);
  return node !== null && inUnparsed(node, root);
}

/** An attribute item naming a placeholder, with the attribute it belongs to. */
export interface PlaceholderAttribute {
  site: AttributeSite;
  item: AttributeItem;
}

/** `flexos_whitelist` items. */
export function whitelistAttributes(doc: CDocument): PlaceholderAttribute[] {
  return doc.attributes.flatMap((site) =>
    site.items.filter((item) => item.name === WHITELIST).map((item) => ({ site, item })),
  );
}

const CALLBACK = /^(\w+)_callback$/;

/** `libX_callback` items, with the gate token `libX`. */
export function callbackAttributes(doc: CDocument): (PlaceholderAttribute & { token: string })[] {
  return doc.attributes.flatMap((site) =>
    site.items.flatMap((item) => {
      const token = CALLBACK.exec(item.name)?.[1];
      return token ? [{ site, item, token }] : [];
    }),
  );
}

const OWNERS = ['declaration', 'function_definition', 'field_declaration', 'parameter_declaration'];
/** Nodes holding a list of statements or declarations: an attribute between two belongs to the next. */
const LISTS = ['compound_statement', 'translation_unit', 'field_declaration_list'];

/**
 * The declaration or definition an attribute belongs to: the one containing it, or (for an
 * attribute written before the specifiers, also inside a block) the one starting right after it.
 */
export function attributeOwner(doc: CDocument, site: AttributeSite): SyntaxNode | null {
  const owners = OWNERS;
  const root = doc.tree.rootNode;
  const inside = root.descendantForIndex(site.start, site.end);
  // Ancestors read in one walk down: climbing `parent` walks down from the root at each step.
  for (const n of inside ? [inside, ...ancestorsOf(root, inside)] : []) {
    if (LISTS.includes(n.type)) break;
    if (owners.includes(n.type) && n.startIndex <= site.start && n.endIndex >= site.end) return n;
  }
  let next = site.end;
  while (next < doc.masked.length && /\s/.test(doc.masked[next] ?? '')) next++;
  const first = root.descendantForIndex(next, next);
  for (const n of first ? [first, ...ancestorsOf(root, first)] : []) {
    if (n.startIndex !== next) break;
    if (owners.includes(n.type)) return n;
  }
  return null;
}

/**
 * Edits that take `item` out of its attribute: the whole `__attribute__((...))` (and one
 * space before it) when it is the only item, else the item and its comma.
 */
export function removeAttributeItem(
  text: string,
  site: AttributeSite,
  item: AttributeItem,
): { start: number; end: number; text: string } {
  return rewriteAttributeItems(text, site, new Map([[item, '']]));
}

/**
 * One edit rewriting several items of one attribute at once (so the edits never overlap):
 * each item of `changes` is replaced by its text, or dropped with its comma when that is
 * empty; when nothing is left, the whole `__attribute__((...))` goes, with one space before it
 * (or its line, when it stands alone there).
 */
export function rewriteAttributeItems(
  text: string,
  site: AttributeSite,
  changes: ReadonlyMap<AttributeItem, string>,
): { start: number; end: number; text: string } {
  const kept = site.items.flatMap((i) => {
    const t = changes.get(i) ?? text.slice(i.start, i.end);
    return t === '' ? [] : [t];
  });
  const first = site.items[0];
  const last = site.items[site.items.length - 1];
  if (kept.length > 0 && first && last) {
    // Unchanged items keep their text; the separators between them become ', '.
    const only = changes.size === 1 ? [...changes][0] : undefined;
    if (only) {
      const [item, replacement] = only;
      if (replacement !== '') return { start: item.start, end: item.end, text: replacement };
      const index = site.items.indexOf(item);
      const next = site.items[index + 1];
      const prev = site.items[index - 1];
      if (next) return { start: item.start, end: next.start, text: '' };
      return { start: prev ? prev.end : item.start, end: item.end, text: '' };
    }
    return { start: first.start, end: last.end, text: kept.join(', ') };
  }
  const lineStart = text.lastIndexOf('\n', site.start - 1) + 1;
  const eol = text.indexOf('\n', site.end);
  const lineEnd = eol < 0 ? text.length : eol;
  if (
    /^[ \t]*$/.test(text.slice(lineStart, site.start)) &&
    /^[ \t\r]*$/.test(text.slice(site.end, lineEnd))
  ) {
    return { start: lineStart, end: eol < 0 ? lineEnd : eol + 1, text: '' };
  }
  let start = site.start;
  let end = site.end;
  // A space before it goes, unless that is the indentation of an attribute leading its line.
  const leads = /^[ \t]*$/.test(text.slice(lineStart, site.start));
  if (!leads && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  else if (text[end] === ' ') end++;
  return { start, end, text: '' };
}
