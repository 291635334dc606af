import type { SyntaxNode } from './parser-types.ts';

/**
 * Small questions about tree-sitter-c trees that several rules ask. Node texts are those of
 * the parsed (attribute-masked) text, so generated type names never carry attributes.
 */

const DECLARATOR_TYPES = new Set([
  'pointer_declarator',
  'array_declarator',
  'function_declarator',
  'parenthesized_declarator',
  'attributed_declarator',
  'init_declarator',
]);

/** Visits `node` and its descendants in order; `visit` returning `false` skips the children. */
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const cursor = node.walk();
  try {
    let depth = 0;
    let descend = visit(node) !== false;
    for (;;) {
      if (descend && cursor.gotoFirstChild()) {
        depth++;
      } else {
        for (;;) {
          if (depth === 0) return;
          if (cursor.gotoNextSibling()) break;
          cursor.gotoParent();
          depth--;
        }
      }
      descend = visit(cursor.currentNode) !== false;
    }
  } finally {
    cursor.delete();
  }
}

/** The identifier a declarator declares (`*a[4]` → `a`), if any. */
export function declaredName(declarator: SyntaxNode | null): SyntaxNode | null {
  let d = declarator;
  while (d) {
    if (d.type === 'identifier' || d.type === 'field_identifier' || d.type === 'type_identifier')
      return d;
    if (d.type === 'parenthesized_declarator') d = d.namedChild(0);
    else d = d.childForFieldName('declarator');
  }
  return null;
}

/** The declarators of a declaration (`int a, *b = 0;` → `a`, `*b = 0`). */
export function declaratorsOf(declaration: SyntaxNode): SyntaxNode[] {
  // Without a comma there is one declarator: one cheap lookup instead of a child scan.
  if (!declaration.text.includes(',')) {
    const only = declaration.childForFieldName('declarator');
    return only ? [only] : [];
  }
  return declaration.childrenForFieldName('declarator');
}

/** Whether `id` is the name being declared (not a use): `x` in `int x = y;` but not `y`. */
export function isDeclaratorName(
  id: SyntaxNode,
  parentOfId?: SyntaxNode | null,
  fields?: FieldCache,
): boolean {
  let child = id;
  let parent = parentOfId === undefined ? id.parent : parentOfId;
  let parentType = parent?.type ?? '';
  while (parent && DECLARATOR_TYPES.has(parentType)) {
    const declaratorField =
      parentType === 'parenthesized_declarator'
        ? parent.namedChild(0)
        : parent.childForFieldName('declarator');
    if (!declaratorField || declaratorField.id !== child.id) return false;
    child = parent;
    parent = parent.parent;
    parentType = parent?.type ?? '';
  }
  if (!parent || !DECLARATION_TYPES.includes(parentType)) return false;
  // A bare name is declared only if it sits in a declarator slot of its parent.
  if (child.id !== id.id) return true;
  if (!fields) return hasFieldChild(parent, 'declarator', id);
  let declarators = fields.get(parent.id);
  if (!declarators) {
    const ids = new Set<number>();
    for (let i = 0; i < parent.childCount; i++)
      if (parent.fieldNameForChild(i) === 'declarator') ids.add(parent.child(i)?.id ?? -1);
    fields.set(parent.id, (declarators = ids));
  }
  return declarators.has(id.id);
}

/**
 * The ids of each declaration's `declarator` children, by the declaration's id, for one tree:
 * `int a, a, a, …;` asks about each of its n names, and finding a child's field costs a walk
 * of the children (n² steps for the declaration without it).
 */
export type FieldCache = Map<number, ReadonlySet<number>>;

const DECLARATION_TYPES = [
  'declaration',
  'parameter_declaration',
  'field_declaration',
  'type_definition',
  'function_definition',
];

function hasFieldChild(parent: SyntaxNode, field: string, node: SyntaxNode): boolean {
  for (let i = 0; i < parent.childCount; i++) {
    if (parent.fieldNameForChild(i) === field && parent.child(i)?.id === node.id) return true;
  }
  return false;
}

/**
 * The ancestors of `node`, nearest first, found by walking down from `root` with a cursor.
 * tree-sitter answers `parent` by walking down from the root each time, so climbing from a
 * node nested n deep costs n² steps; this costs n (times the siblings passed on the way).
 */
export function ancestorsOf(root: SyntaxNode, node: SyntaxNode): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  const cursor = root.walk();
  try {
    for (;;) {
      const current = cursor.currentNode;
      if (current.id === node.id) return path.reverse();
      path.push(current);
      if (!cursor.gotoFirstChild()) break;
      while (!(cursor.startIndex <= node.startIndex && node.endIndex <= cursor.endIndex)) {
        if (!cursor.gotoNextSibling()) return slowAncestors(node);
      }
    }
  } finally {
    cursor.delete();
  }
  return slowAncestors(node);
}

function slowAncestors(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/**
 * The nearest enclosing node of one of `types`. With the tree's `root`, the ancestors are read
 * in one walk down (`ancestorsOf`): the climb costs a walk down per step otherwise.
 */
export function ancestor(
  node: SyntaxNode,
  types: readonly string[],
  root?: SyntaxNode,
): SyntaxNode | null {
  if (root) return ancestorsOf(root, node).find((p) => types.includes(p.type)) ?? null;
  for (let p = node.parent; p; p = p.parent) if (types.includes(p.type)) return p;
  return null;
}

/**
 * Reads `[start, end)` of the file. Node texts are the masked text; rules that copy a type into
 * generated code read through `unmaskedReader` (parse-c.ts) so a masked `__typeof__(e)`
 * comes back as written instead of the `int` the parser saw.
 */
export type SourceReader = (start: number, end: number) => string;

const nodeText =
  (node: SyntaxNode): SourceReader =>
  (start, end) =>
    node.text.slice(start - node.startIndex, end - node.startIndex);

/**
 * The specifiers of a declaration or definition as a type: qualifiers and the type, without
 * storage classes (`static const struct s` → `const struct s`). Read from the text around the
 * `type` node, which costs two node lookups instead of a walk over every child.
 */
export function typeSpecifierText(decl: SyntaxNode, read: SourceReader = nodeText(decl)): string {
  const type = decl.childForFieldName('type');
  if (!type) return '';
  const first = decl.childForFieldName('declarator');
  const before = read(decl.startIndex, type.startIndex);
  const after = first ? read(type.endIndex, first.startIndex) : '';
  const qualifiers = (s: string): string[] => s.match(QUALIFIERS) ?? [];
  return [
    ...qualifiers(before),
    squash(read(type.startIndex, type.endIndex)),
    ...qualifiers(after),
  ].join(' ');
}

const QUALIFIERS = /\b(?:const|volatile|restrict|_Atomic)\b/g;

/** The storage class written before the type (`static`, `extern`, `register`), if any. */
export function storageClassOf(decl: SyntaxNode): string | undefined {
  const type = decl.childForFieldName('type');
  const before = type ? decl.text.slice(0, type.startIndex - decl.startIndex) : '';
  return /\b(static|extern|register|auto|_Thread_local|__thread)\b/.exec(before)?.[1];
}

/** Text of `node` with `inner` replaced by `replacement`, whitespace runs squashed. */
export function textWith(
  node: SyntaxNode,
  inner: SyntaxNode,
  replacement: string,
  read: SourceReader = nodeText(node),
): string {
  return squash(
    read(node.startIndex, inner.startIndex) + replacement + read(inner.endIndex, node.endIndex),
  );
}

/**
 * A declaration of `name` with the type `spec` + `declarator` (whose declared identifier is
 * `declared`): `int`, `(*fp)(void)`, `fp` → `int (*name)(void)`.
 */
export function declareLike(
  spec: string,
  declarator: SyntaxNode,
  declared: SyntaxNode,
  name: string,
  read?: SourceReader,
): string {
  const d = textWith(declarator, declared, name, read);
  return d.startsWith('*') || d.startsWith('(') ? `${spec} ${d}` : `${spec} ${d}`.trim();
}

/** The type name of a declarator without its name (`*a[4]` in `int *a[4]` → `int *[4]`). */
export function abstractType(spec: string, declarator: SyntaxNode, declared: SyntaxNode): string {
  const d = textWith(declarator, declared, '').trim();
  return d === '' ? spec : `${spec} ${d}`;
}

/** The function_declarator inside a definition's declarator (`*f(int)` → `f(int)`). */
export function functionDeclarator(def: SyntaxNode): SyntaxNode | null {
  return functionDeclaratorOf(def.childForFieldName('declarator'));
}

/**
 * The function_declarator that makes the name of `declarator` a function, or `null` when the
 * name is an object: the declarator next to the name, past parentheses, decides. So
 * `(*pick(int i))(int)` gives `pick(int i)` (a function returning a function pointer) and
 * `(*fp)(int)` gives `null` (a pointer to a function).
 */
export function functionDeclaratorOf(declarator: SyntaxNode | null): SyntaxNode | null {
  const name = declaredName(declarator);
  if (!declarator || !name) return null;
  for (let n = name.parent; n && n.id !== declarator.parent?.id; n = n.parent) {
    if (n.type === 'parenthesized_declarator' || n.type === 'attributed_declarator') continue;
    return n.type === 'function_declarator' ? n : null;
  }
  return null;
}

/** Return type facts of a function definition. */
export interface FunctionReturnType {
  /** `void` functions return nothing. */
  isVoid: boolean;
  /** Declares `name` with the function's return type: `char *name`. */
  declare(name: string): string;
}

export function returnTypeOf(def: SyntaxNode, read?: SourceReader): FunctionReturnType | null {
  const declarator = def.childForFieldName('declarator');
  const fn = functionDeclarator(def);
  if (!declarator || !fn) return null;
  const spec = typeSpecifierText(def, read);
  const rest = textWith(declarator, fn, '', read).trim();
  return {
    isVoid: spec === 'void' && rest === '',
    declare: (name) => declareLike(spec, declarator, fn, name, read),
  };
}

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
