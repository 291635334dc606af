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

/** Per parsed tree: each scan of a name asks again about the same declarations. */
const fieldCaches = new WeakMap<SyntaxTree, FieldCache>();

function fieldCacheOf(tree: SyntaxTree): FieldCache {
  let cache = fieldCaches.get(tree);
  if (!cache) fieldCaches.set(tree, (cache = new Map()));
  return cache;
}

export function scanName(doc: CDocument, name: string, after: number, scope: SyntaxNode): NameScan {
  const root = doc.tree.rootNode;
  const fields = fieldCacheOf(doc.tree);
  // The original text: masked typeof operands must be searched too.
  const body = doc.text.slice(after, scope.endIndex);
  const shadows: Range[] = [];
  const uses: Range[] = [];
  for (const index of wordOccurrences(body, name)) {
    const start = after + index;
    if (shadows.some((r) => start >= r.startIndex && start < r.endIndex)) continue;
    if (doc.typeofs.some((t) => start >= t.innerStart && start < t.innerEnd)) {
      // Masked from the parser (attributes.ts): a name not after `.` or `->` is the variable.
      if (!/(\.|->)\s*$/.test(doc.text.slice(Math.max(0, start - 8), start))) {
        uses.push({ startIndex: start, endIndex: start + name.length });
      }
      continue;
    }
    const node = root.descendantForIndex(start, start + name.length);
    if (!node || node.startIndex !== start || node.endIndex !== start + name.length) continue;
    const type = node.type;
    if (type === 'identifier') {
      // After an operator or an opening bracket a name can only be a use: no need to ask
      // the tree for its parent (an expensive lookup in tree-sitter).
      if (USE_AFTER.test(previousChar(doc.masked, start))) {
        uses.push(node);
        continue;
      }
      const parent = node.parent;
      const parentType = parent?.type ?? '';
      if (EXPRESSION_PARENTS.has(parentType)) {
        uses.push(node);
        continue;
      }
      if (isDeclaratorName(node, parent, fields)) {
        const inner = innerScope(node);
        if (inner) shadows.push({ startIndex: start, endIndex: inner.endIndex });
        continue;
      }
      if (parentType === 'goto_statement' || parentType === 'labeled_statement') continue;
      uses.push(node);
    } else if (type === 'type_identifier') {
      // `sizeof(x)`/`__typeof__(x)` may parse x as a type name; a variable in scope hides any
      // type of that name, so it is the variable.
      uses.push(node);
    }
  }
  return { uses, shadows };
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
