import { isDeclaratorName, type FieldCache } from './c-tree-queries.ts';
import type { CDocument } from './parse-c.ts';
import type { SyntaxNode, SyntaxTree } from './parser-types.ts';
import { wordOccurrences } from './words.ts';

/** An offset range of the text. */
export interface Range {
  startIndex: number;
  endIndex: number;
}

const SCOPES = ['compound_statement', 'for_statement', 'function_definition', 'translation_unit'];

/**
 * The uses of the variable `name` declared in `scope` that come after offset `after`:
 * identifiers in expressions (also the operand of `sizeof` and `__typeof__`), not member
 * names, labels or declarations, and not where an inner declaration shadows it.
 */
export function findUses(doc: CDocument, name: string, after: number, scope: SyntaxNode): Range[] {
  return scanName(doc, name, after, scope).uses;
}

/** What `findUses` finds, and the ranges where an inner declaration of `name` hides the variable. */
export interface NameScan {
  uses: Range[];
  shadows: Range[];
}

/**
 * What one whole-word occurrence of a name is, whichever variable is being scanned for: a use
 * (its range), a declaration hiding the name up to `shadowEnd`, or neither.
 */
type Occurrence =
  { kind: 'use'; range: Range } | { kind: 'shadow'; shadowEnd: number } | { kind: 'none' };

/**
 * Per parsed tree, and per name: where the name stands as a whole word in the text, and what
 * each occurrence is. A declaration of n shared locals of one name (hostile, but it parses)
 * scans the same block n times; each occurrence is classified once, with the declaration's
 * fields read once (`FieldCache`), instead of n times each.
 */
interface NameCache {
  fields: FieldCache;
  positions: Map<string, number[]>;
  occurrences: Map<string, Map<number, Occurrence>>;
}

const caches = new WeakMap<SyntaxTree, NameCache>();

function cacheOf(tree: SyntaxTree): NameCache {
  let cache = caches.get(tree);
  if (!cache) {
    cache = { fields: new Map(), positions: new Map(), occurrences: new Map() };
    caches.set(tree, cache);
  }
  return cache;
}

export function scanName(doc: CDocument, name: string, after: number, scope: SyntaxNode): NameScan {
  const cache = cacheOf(doc.tree);
  // The original text: masked typeof operands must be searched too.
  let positions = cache.positions.get(name);
  if (!positions) cache.positions.set(name, (positions = wordOccurrences(doc.text, name)));
  let known = cache.occurrences.get(name);
  if (!known) cache.occurrences.set(name, (known = new Map()));
  const shadows: Range[] = [];
  const uses: Range[] = [];
  const end = scope.endIndex;
  for (let i = firstAtOrAfter(positions, after); i < positions.length; i++) {
    const start = positions[i] as number;
    if (start + name.length > end) break;
    let occurrence = known.get(start);
    if (!occurrence) known.set(start, (occurrence = classify(doc, name, start, cache.fields)));
    if (occurrence.kind === 'use') uses.push(occurrence.range);
    else if (occurrence.kind === 'shadow') {
      shadows.push({ startIndex: start, endIndex: occurrence.shadowEnd });
      // Nothing inside the inner declaration's scope is the variable: go on after it.
      i = firstAtOrAfter(positions, occurrence.shadowEnd) - 1;
    }
  }
  return { uses, shadows };
}

/** The index of the first position `>= at` in the sorted `positions`. */
function firstAtOrAfter(positions: readonly number[], at: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function classify(doc: CDocument, name: string, start: number, fields: FieldCache): Occurrence {
  const none: Occurrence = { kind: 'none' };
  if (doc.typeofs.some((t) => start >= t.innerStart && start < t.innerEnd)) {
    // Masked from the parser (attributes.ts): a name not after `.` or `->` is the variable.
    return /(\.|->)\s*$/.test(doc.text.slice(Math.max(0, start - 8), start))
      ? none
      : { kind: 'use', range: { startIndex: start, endIndex: start + name.length } };
  }
  const node = doc.tree.rootNode.descendantForIndex(start, start + name.length);
  if (!node || node.startIndex !== start || node.endIndex !== start + name.length) return none;
  const type = node.type;
  if (type === 'type_identifier') {
    // `sizeof(x)`/`__typeof__(x)` may parse x as a type name; a variable in scope hides any
    // type of that name, so it is the variable.
    return { kind: 'use', range: node };
  }
  if (type !== 'identifier') return none;
  // After an operator or an opening bracket a name can only be a use: no need to ask the
  // tree for its parent (an expensive lookup in tree-sitter).
  if (USE_AFTER.test(previousChar(doc.masked, start))) return { kind: 'use', range: node };
  const parent = node.parent;
  const parentType = parent?.type ?? '';
  if (EXPRESSION_PARENTS.has(parentType)) return { kind: 'use', range: node };
  if (isDeclaratorName(node, parent, fields)) {
    const inner = innerScope(node);
    return inner ? { kind: 'shadow', shadowEnd: inner.endIndex } : none;
  }
  if (parentType === 'goto_statement' || parentType === 'labeled_statement') return none;
  return { kind: 'use', range: node };
}

function innerScope(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'parameter_list') return null;
    if (SCOPES.includes(p.type)) return p;
  }
  return null;
}

/** Characters that a declared name never directly follows. */
const USE_AFTER = /^[-([=+/%<>!&|^?:~]$/;

function previousChar(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
    i--;
  return text[i] ?? '';
}

/** Parents under which an identifier can only be a use (the common case, decided quickly). */
const EXPRESSION_PARENTS = new Set([
  'binary_expression',
  'assignment_expression',
  'argument_list',
  'subscript_expression',
  'pointer_expression',
  'update_expression',
  'unary_expression',
  'parenthesized_expression',
  'cast_expression',
  'return_statement',
  'expression_statement',
  'conditional_expression',
  'sizeof_expression',
  'call_expression',
  'comma_expression',
  'initializer_list',
]);
