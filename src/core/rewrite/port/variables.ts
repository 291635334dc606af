import {
  ancestorsOf,
  declaratorsOf,
  declaredName,
  functionDeclaratorOf,
} from '../c-tree-queries.ts';
import type { CDocument } from '../parse-c.ts';
import { attributeOwner, whitelistAttributes } from '../placeholders.ts';
import type { SyntaxNode } from '../parser-types.ts';

/** A variable a name refers to at some point of a file, as far as this file tells. */
export interface VariableInfo {
  kind: 'local' | 'static-local' | 'parameter' | 'global' | 'extern';
  declaration: SyntaxNode;
  /** The declarator without initializer. */
  inner: SyntaxNode;
  name: SyntaxNode;
  /** Declared as an array (`char buf[8]`): passing it passes its address. */
  isArray: boolean;
  /** A struct or union passed by value. */
  isAggregate: boolean;
  whitelisted: boolean;
}

/** Resolves `name` as seen from `at`: block scopes outwards, then parameters, then globals. */
export function resolveVariable(
  doc: CDocument,
  name: string,
  at: SyntaxNode,
  aggregates: ReadonlySet<string>,
): VariableInfo | undefined {
  let child: SyntaxNode = at;
  // Ancestors read once from the root: `parent` on a deeply nested node is slow (c-tree-queries.ts).
  for (const p of ancestorsOf(doc.tree.rootNode, at)) {
    if (p.type === 'compound_statement' || p.type === 'translation_unit') {
      for (const stmt of p.namedChildren) {
        if (stmt.startIndex >= child.startIndex && p.type === 'compound_statement') break;
        const found = inDeclaration(
          doc,
          stmt,
          name,
          p.type === 'translation_unit' ? 'global' : 'local',
          aggregates,
        );
        if (found) return found;
      }
    } else if (p.type === 'for_statement') {
      const init = p.childForFieldName('initializer');
      if (init && init.id !== child.id) {
        const found = inDeclaration(doc, init, name, 'local', aggregates);
        if (found) return found;
      }
    } else if (p.type === 'function_definition') {
      const fn = functionDeclaratorOf(p.childForFieldName('declarator'));
      for (const param of fn?.childForFieldName('parameters')?.namedChildren ?? []) {
        if (param.type !== 'parameter_declaration') continue;
        const d = param.childForFieldName('declarator');
        const n = declaredName(d);
        if (d && n?.text === name) return describe(doc, param, d, n, 'parameter', aggregates);
      }
    }
    child = p;
  }
  return undefined;
}

function inDeclaration(
  doc: CDocument,
  stmt: SyntaxNode,
  name: string,
  scope: 'local' | 'global',
  aggregates: ReadonlySet<string>,
): VariableInfo | undefined {
  if (stmt.type !== 'declaration') return undefined;
  for (const d of declaratorsOf(stmt)) {
    const inner = d.type === 'init_declarator' ? d.childForFieldName('declarator') : d;
    const n = declaredName(inner);
    // A prototype declares a function, not a variable; a function pointer is a variable.
    if (!inner || n?.text !== name || functionDeclaratorOf(inner)) continue;
    const storage = stmt.children.find((c) => c.type === 'storage_class_specifier')?.text;
    const kind =
      storage === 'extern'
        ? 'extern'
        : scope === 'global'
          ? 'global'
          : storage === 'static'
            ? 'static-local'
            : 'local';
    return describe(doc, stmt, inner, n, kind, aggregates);
  }
  return undefined;
}

function describe(
  doc: CDocument,
  declaration: SyntaxNode,
  inner: SyntaxNode,
  name: SyntaxNode,
  kind: VariableInfo['kind'],
  aggregates: ReadonlySet<string>,
): VariableInfo {
  const parent = name.parent;
  const isArray = parent?.type === 'array_declarator' && inner.id !== name.id;
  const type = declaration.childForFieldName('type');
  const bare = inner.id === name.id;
  const isAggregate =
    bare &&
    !!type &&
    (type.type === 'struct_specifier' ||
      type.type === 'union_specifier' ||
      (type.type === 'type_identifier' && aggregates.has(type.text)));
  const whitelisted = whitelistAttributes(doc).some(
    ({ site }) => attributeOwner(doc, site)?.id === declaration.id,
  );
  return { kind, declaration, inner, name, isArray, isAggregate, whitelisted };
}

/** Typedef names of structs and unions declared in the file (`typedef struct {...} pkt_t;`). */
export function aggregateTypedefs(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const t of root.descendantsOfType('type_definition')) {
    const type = t.childForFieldName('type');
    if (!type || (type.type !== 'struct_specifier' && type.type !== 'union_specifier')) continue;
    for (const d of declaratorsOf(t)) if (d.type === 'type_identifier') names.add(d.text);
  }
  return names;
}
