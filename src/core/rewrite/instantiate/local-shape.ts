import { createDiagnostic } from '../../diagnostics.ts';
import { squash, typeSpecifierText } from '../c-syntax.ts';
import { unmaskedReader } from '../document.ts';
import type { SyntaxNode } from '../syntax.ts';
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
  /** For an array of unknown size: where to insert the size, and the size. */
  fillSize?: { at: number; size: string };
}

export function shapeOf(ctx: RuleContext, v: SharedVariable): LocalShape | undefined {
  const read = unmaskedReader(ctx.doc);
  const own = objectConst(v.declarator);
  const specText = typeSpecifierText(v.declaration, read);
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
  return {
    name: v.name.text,
    spec,
    type: join(render('')),
    pointerTo: (ptr) => join(render(pointerName(ptr))),
    pointerType: join(render(bare || parent?.type === 'pointer_declarator' ? '*' : '(*)')),
    isArray: array !== null,
    ...(fillSize ? { fillSize } : {}),
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

/** `(T)` before an initializer list, so `*x = {...}` becomes a compound literal. */
export function asValue(shape: LocalShape, value: SyntaxNode): { before: string; after: string } {
  if (value.type === 'initializer_list') return { before: `(${shape.type})`, after: '' };
  if (shape.isArray) return { before: `(${shape.type}){`, after: '}' };
  return { before: '', after: '' };
}
