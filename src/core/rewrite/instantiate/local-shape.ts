import { createDiagnostic } from '../../diagnostics.ts';
import { squash, typeSpecifierText } from '../c-tree-queries.ts';
import { unmaskedReader } from '../parse-c.ts';
import type { SyntaxNode } from '../parser-types.ts';
import { objectConst, qualifierCut } from './object-const.ts';
import type { RuleContext } from './context.ts';
import type { SharedVariable } from './whitelist.ts';

/**
 * The type of a shared local, as text both modes build declarations from. Arrays of unknown
 * size get their size from the initializer (`char s[] = "ab"` → `[sizeof("ab")]`).
 */
export interface LocalShape {
  name: string;
  /** Specifiers, without the object's own `const` (`object-const.ts`): `struct pkt`. */
  spec: string;
  /** The type name of the variable: `int`, `char *`, `int [4]`. */
  type: string;
  /** Declares `ptr` as a pointer to the variable's type: `int *ptr`, `int (*ptr)[4]`. */
  pointerTo(ptr: string): string;
  /** A pointer type to the variable's type: `int *`, `int (*)[4]`. */
  pointerType: string;
  isArray: boolean;
  /**
   * The value is copied in with `__builtin_memcpy`, not assigned: the type is a typedef name
   * or a typeof (either may be an array type, which cannot be assigned) and the value an
   * initializer list or a string.
   */
  copyValue: boolean;
  /** For an array of unknown size: where to insert the size, and the size. */
  fillSize?: { at: number; size: string };
}

/**
 * `self` is an expression whose type is the variable's after the rewrite (`*x` in heap mode,
 * `x` in dss mode): a type defined in the declaration itself (`struct { int a; } v`) is named
 * `__typeof__(self)`, since writing the definition again would make another, incompatible
 * type; so is a typeof type.
 */
export function shapeOf(ctx: RuleContext, v: SharedVariable, self: string): LocalShape | undefined {
  const read = unmaskedReader(ctx.doc);
  const own = objectConst(v.declarator);
  const typeNode = v.declaration.childForFieldName('type');
  const body = typeNode?.childForFieldName('body');
  const tag = body ? typeNode?.childForFieldName('name') : null;
  let specText = typeSpecifierText(v.declaration, read);
  if (typeNode && tag) {
    // `struct pt { ... } p` → `struct pt`: the tag names the type without redefining it.
    const keyword = /^\w+/.exec(typeNode.text)?.[0] ?? 'struct';
    specText = specText.replace(
      squash(read(typeNode.startIndex, typeNode.endIndex)),
      `${keyword} ${tag.text}`,
    );
  }
  const spec = own.inSpecifiers ? squash(specText.replace(/\bconst\b/g, '')) : specText;
  const parent = v.name.parent;
  const bare = v.inner.id === v.name.id;
  const array =
    parent?.type === 'array_declarator' && parent.childForFieldName('declarator')?.id === v.name.id
      ? parent
      : null;
  let fillSize: LocalShape['fillSize'];
  if (array && !array.childForFieldName('size')) {
    const size = sizeFromInitializer(v.value);
    const close = array.children.find((c) => c.type === ']');
    if (size === undefined || !close) {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/unsized-shared-array',
          'error',
          `give '${v.name.text}' an explicit size: its size cannot be read from this initializer`,
          ctx.span(v.name),
        ),
      );
      return undefined;
    }
    fillSize = { at: close.startIndex, size };
  }
  const render = (replacement: string): string => {
    const parts: { start: number; end: number; text: string }[] = [
      { start: v.name.startIndex, end: v.name.endIndex, text: replacement },
      ...own.inDeclarator.map((q) => ({ ...qualifierCut(ctx.doc.text, q), text: '' })),
    ];
    if (fillSize) parts.push({ start: fillSize.at, end: fillSize.at, text: fillSize.size });
    return renderWith(read, v.inner, parts);
  };
  const join = (d: string): string => (d === '' ? spec : `${spec} ${d}`);
  const pointerName = (ptr: string): string =>
    bare || parent?.type === 'pointer_declarator' ? `*${ptr}` : `(*${ptr})`;
  const value = v.value?.type;
  const typeOf = ctx.doc.typeofs.some((t) => t.start === typeNode?.startIndex);
  const common = {
    name: v.name.text,
    isArray: array !== null,
    copyValue:
      bare &&
      (typeNode?.type === 'type_identifier' || typeOf) &&
      (value === 'initializer_list' ||
        value === 'string_literal' ||
        value === 'concatenated_string'),
    ...(fillSize ? { fillSize } : {}),
  };
  // A typeof operand may name a shared local, rewritten in the declaration but not in a copy.
  if ((body && !tag) || typeOf) {
    const type = `__typeof__(${self})`;
    return {
      ...common,
      spec: type,
      type,
      pointerTo: (ptr) => `${type} *${ptr}`,
      pointerType: `${type} *`,
    };
  }
  return {
    ...common,
    spec,
    type: join(render('')),
    pointerTo: (ptr) => join(render(pointerName(ptr))),
    pointerType: join(render(bare || parent?.type === 'pointer_declarator' ? '*' : '(*)')),
  };
}

/** Element count of an initializer for an unsized array, if it can be read off the text. */
function sizeFromInitializer(value: SyntaxNode | null): string | undefined {
  if (!value) return undefined;
  if (value.type === 'string_literal' || value.type === 'concatenated_string')
    return `sizeof(${value.text})`;
  if (value.type !== 'initializer_list') return undefined;
  const items = value.namedChildren.filter((c) => c.type !== 'comment');
  if (items.some((c) => c.type === 'initializer_pair')) return undefined;
  return String(items.length);
}

function renderWith(
  read: (start: number, end: number) => string,
  node: SyntaxNode,
  parts: readonly { start: number; end: number; text: string }[],
): string {
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  let out = '';
  let at = node.startIndex;
  for (const p of sorted) {
    out += read(at, p.start) + p.text;
    at = p.end;
  }
  return squash(out + read(at, node.endIndex));
}

/**
 * `(T)` before an initializer list, so `*x = {...}` becomes a compound literal; a value to copy
 * becomes a compound literal in any case (`"ab"` → `(T){"ab"}`), whose address is taken
 * unless it is a declared array (which decays).
 */
export function asValue(shape: LocalShape, value: SyntaxNode): { before: string; after: string } {
  const address = shape.copyValue && !shape.isArray ? '&' : '';
  if (value.type === 'initializer_list') return { before: `${address}(${shape.type})`, after: '' };
  if (shape.isArray || shape.copyValue) return { before: `${address}(${shape.type}){`, after: '}' };
  return { before: '', after: '' };
}
