import type { ComponentSpec } from '../../metadata/component-spec.ts';
import {
  declaredName,
  functionDeclarator,
  squash,
  textWith,
  typeSpecifierText,
} from '../c-tree-queries.ts';
import { withCDocument } from '../parse-c.ts';
import type { CParser, SyntaxNode } from '../parser-types.ts';

/** What port knows about a function of another library, when its source or header is given. */
export interface FunctionSignature {
  /**
   * A declaration of a variable of the return type with `@` for its name (`char *@`,
   * `int (*@)(void)`); absent for `void`. Plain data, so ownership survives structuredClone.
   */
  result?: string;
  isVoid: boolean;
  /** Parameter types as written (`const char *`, `struct pkt`). */
  params: string[];
}

/** Which library owns each function name, and signatures where known. */
export interface Ownership {
  owners: Map<string, string>;
  signatures: Map<string, FunctionSignature>;
}

/** Entry points from every component's `[API]`: `recv` → `netstack`. */
export function ownersFromComponents(specs: readonly ComponentSpec[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const spec of specs)
    for (const api of spec.api) if (!owners.has(api.name)) owners.set(api.name, spec.name);
  return owners;
}

/**
 * Functions defined (not `static`) in each library's `.c` files or declared in its `.h`
 * files, with their signatures. The first library to claim a name keeps it.
 */
export function ownersFromSources(
  parser: CParser,
  files: readonly { lib: string; file: string; text: string }[],
): Ownership {
  const owners = new Map<string, string>();
  const signatures = new Map<string, FunctionSignature>();
  for (const f of files) {
    for (const [name, signature] of fileFunctions(parser, f)) {
      if (!owners.has(name)) owners.set(name, f.lib);
      if (!signatures.has(name)) signatures.set(name, signature);
    }
  }
  return { owners, signatures };
}

/**
 * The functions one file offers, remembered by its name and text: porting each file of a
 * workspace asks about all the others, and a file full of errors costs dozens of re-parses.
 */
const seen = new Map<string, [string, FunctionSignature][]>();
/** At most this many characters of keys are kept (oldest first out). */
const SEEN_CHARS = 8_000_000;
let seenChars = 0;

function fileFunctions(
  parser: CParser,
  f: { file: string; text: string },
): [string, FunctionSignature][] {
  const key = `${f.file}\u0000${f.text}`;
  const known = seen.get(key);
  if (known) return known;
  const found: [string, FunctionSignature][] = [];
  withCDocument(parser, f.file, f.text, (doc) => {
    const isHeader = f.file.endsWith('.h');
    for (const node of topLevel(doc.tree.rootNode)) {
      const isDef = node.type === 'function_definition';
      if (!isDef && !(isHeader && node.type === 'declaration')) continue;
      if (node.children.some((c) => c.type === 'storage_class_specifier' && c.text === 'static'))
        continue;
      const fn = functionDeclarator(node);
      const name = declaredName(fn);
      if (!fn || !name || name.type !== 'identifier') continue;
      found.push([name.text, signatureOf(node, fn)]);
    }
  });
  for (const old of seen.keys()) {
    if (seenChars + key.length <= SEEN_CHARS) break;
    seen.delete(old);
    seenChars -= old.length;
  }
  if (key.length <= SEEN_CHARS) {
    seen.set(key, found);
    seenChars += key.length;
  }
  return found;
}

/** Signatures of the functions a file declares or defines at top level (its own prototypes). */
export function signaturesInFile(root: SyntaxNode): Map<string, FunctionSignature> {
  const out = new Map<string, FunctionSignature>();
  for (const node of topLevel(root)) {
    if (node.type !== 'declaration' && node.type !== 'function_definition') continue;
    const fn = functionDeclarator(node);
    const name = declaredName(fn);
    if (fn && name?.type === 'identifier' && !out.has(name.text))
      out.set(name.text, signatureOf(node, fn));
  }
  return out;
}

/** File-scope items in order, also inside conditionals (an explicit stack: no recursion depth). */
function topLevel(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [...root.namedChildren].reverse();
  for (let c = stack.pop(); c; c = stack.pop()) {
    if (
      c.type.startsWith('preproc_if') ||
      c.type === 'preproc_else' ||
      c.type === 'preproc_elif' ||
      c.type === 'linkage_specification' ||
      c.type === 'declaration_list'
    )
      stack.push(...[...c.namedChildren].reverse());
    else out.push(c);
  }
  return out;
}

function signatureOf(node: SyntaxNode, fn: SyntaxNode): FunctionSignature {
  const spec = typeSpecifierText(node);
  const declarator = node.childForFieldName('declarator');
  const rest = declarator ? textWith(declarator, fn, '').trim() : '';
  const isVoid = spec === 'void' && rest === '';
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? [])
    .filter((p) => p.type === 'parameter_declaration')
    .map((p) => {
      const d = p.childForFieldName('declarator');
      const n = declaredName(d);
      const abstract = d ? (n ? textWith(d, n, '') : squash(d.text)) : '';
      return squash(`${typeSpecifierText(p)} ${abstract}`);
    });
  const result =
    declarator && !isVoid ? squash(`${spec} ${textWith(declarator, fn, '@')}`) : undefined;
  return { isVoid, params, ...(result ? { result } : {}) };
}
