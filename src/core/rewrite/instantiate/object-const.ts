import { declaredName } from '../c-tree-queries.ts';
import type { SyntaxNode } from '../parser-types.ts';

/**
 * Where the `const` qualifiers that make a declared object itself const are written. Shared
 * data loses exactly those: a const object cannot share `.data_shared` with writable ones
 * (GCC: "section type conflict"), and a shared local is stored through a pointer after its
 * declaration. What it points to keeps its qualifiers (`const char *p` stays a pointer to
 * const; `const char *const q` loses only the second const).
 */
export interface ObjectConst {
  /** The object's qualifiers are the declaration's specifiers (`const int n`, `const int a[2]`). */
  inSpecifiers: boolean;
  /** `const` qualifiers of the pointer declarator that declares the object (`*const q`). */
  inDeclarator: SyntaxNode[];
}

/** For `declarator` (with or without its initializer). */
export function objectConst(declarator: SyntaxNode): ObjectConst {
  const inner =
    declarator.type === 'init_declarator' ? declarator.childForFieldName('declarator') : declarator;
  const name = declaredName(inner);
  const none: ObjectConst = { inSpecifiers: false, inDeclarator: [] };
  if (!inner || !name) return none;
  // From the name outwards, the first pointer or function declarator is the object's own
  // type; arrays pass through to their elements' qualifiers.
  for (let n = name.parent; n && n.id !== inner.parent?.id; n = n.parent) {
    if (n.type === 'pointer_declarator') {
      const quals = n.children.filter((c) => c.type === 'type_qualifier' && c.text === 'const');
      return { inSpecifiers: false, inDeclarator: quals };
    }
    if (n.type === 'function_declarator') return none;
  }
  return { inSpecifiers: true, inDeclarator: [] };
}

/** The declaration's own `const` specifiers (before or after the type). */
export function specifierConsts(declaration: SyntaxNode): SyntaxNode[] {
  return declaration.children.filter((c) => c.type === 'type_qualifier' && c.text === 'const');
}

/** `[start, end)` to delete for a qualifier: it and one following space. */
export function qualifierCut(text: string, q: SyntaxNode): { start: number; end: number } {
  return { start: q.startIndex, end: text[q.endIndex] === ' ' ? q.endIndex + 1 : q.endIndex };
}
