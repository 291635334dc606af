import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { ancestorsOf } from './c-tree-queries.ts';
import { maskAttributes, type AttributeSite, type TypeofSite } from './attributes.ts';
import type { HiddenBranch } from './conditionals.ts';
import type { CParser, SyntaxNode, SyntaxPoint, SyntaxTree } from './parser-types.ts';
import { errorNodes, parseOrThrow, reduceErrors } from './reduce-errors.ts';

/**
 * One parsed C file: its text, the text the parser saw (attributes blanked, see
 * `attributes.ts`; when the file has syntax errors, conditionals that cut through syntax
 * reduced to one branch and unparsable fragments blanked, see `reduce-errors.ts`), the
 * attributes, and the tree. The tree belongs to whoever parsed it and
 * must be `delete()`d by them; `withCDocument` does that for one-shot use.
 */
export interface CDocument {
  file: string;
  text: string;
  masked: string;
  attributes: AttributeSite[];
  /** Masked `typeof(...)` constructs (see attributes.ts). */
  typeofs: TypeofSite[];
  /** Preprocessor branches the parser did not see (conditionals.ts): left as written. */
  hidden: HiddenBranch[];
  /** Fragments that do not parse, blanked so the code after them does (reduce-errors.ts). */
  unparsed: { start: number; end: number }[];
  tree: SyntaxTree;
}

/**
 * Parses `text`. With `previous`, re-parses incrementally: the previous tree is edited to
 * match and reused, so `previous.tree` must not be used afterwards except to `delete()` it.
 */
export function parseCDocument(
  parser: CParser,
  file: string,
  text: string,
  previous?: CDocument,
): CDocument {
  const { masked, attributes, typeofs } = maskAttributes(text);
  let oldTree: SyntaxTree | null = null;
  if (previous) {
    const edit = diffEdit(previous.masked, masked);
    if (edit) previous.tree.edit(edit);
    oldTree = previous.tree;
  }
  const tree = parseOrThrow(parser, masked, oldTree);
  const doc: CDocument = {
    file,
    text,
    masked,
    attributes,
    typeofs,
    hidden: [],
    unparsed: [],
    tree,
  };
  try {
    return tree.rootNode.hasError ? reduceErrors(parser, doc) : doc;
  } catch (e) {
    tree.delete();
    throw e;
  }
}

/**
 * Whether `node` lies in a fragment the parser could not read: under an ERROR node, with no
 * function definition between (a definition tree-sitter recovered whole inside an ERROR is
 * read as it stands). Rules leave such fragments as written; `parseErrors` reports them.
 * With the tree's `root`, the ancestors are read in one walk down (`ancestorsOf`) rather than
 * by climbing `parent`, which costs a walk down per step: n² for a node n deep.
 */
export function inUnparsed(node: SyntaxNode, root?: SyntaxNode): boolean {
  if (node.type === 'ERROR') return true;
  if (node.type === 'function_definition') return false;
  if (root) {
    for (const n of ancestorsOf(root, node)) {
      if (n.type === 'ERROR') return true;
      if (n.type === 'function_definition') return false;
    }
    return false;
  }
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.type === 'ERROR') return true;
    if (n.type === 'function_definition') return false;
  }
  return false;
}

/**
 * Reads the file as the parser saw it (attributes blanked) but with every masked
 * `typeof(...)` starting inside the range restored, whole: what generated declarations copy
 * types from. (The parser's node for a masked typeof is the `int` at its start.)
 */
export function unmaskedReader(doc: CDocument): (start: number, end: number) => string {
  if (doc.typeofs.length === 0) return (start, end) => doc.masked.slice(start, end);
  return (start, end) => {
    let out = '';
    let at = start;
    for (const t of doc.typeofs) {
      if (t.start < at || t.start >= end) continue;
      out += doc.masked.slice(at, t.start) + doc.text.slice(t.start, t.end);
      at = t.end;
    }
    return at < end ? out + doc.masked.slice(at, end) : out;
  };
}

/** Parses, runs `fn`, and frees the tree whatever happens. */
export function withCDocument<T>(
  parser: CParser,
  file: string,
  text: string,
  fn: (doc: CDocument) => T,
): T {
  const doc = parseCDocument(parser, file, text);
  try {
    return fn(doc);
  } finally {
    doc.tree.delete();
  }
}

/** The single edit turning `before` into `after`: common prefix and suffix kept. */
export function diffEdit(before: string, after: string) {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (
    oldEnd > start &&
    newEnd > start &&
    before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)
  ) {
    oldEnd--;
    newEnd--;
  }
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

/** Row and column (UTF-16 code units) of `offset`. */
export function pointAt(text: string, offset: number): SyntaxPoint {
  let row = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    row++;
    lineStart = nl + 1;
  }
  return { row, column: offset - lineStart };
}

const MAX_PARSE_ERRORS = 20;

/**
 * `rewrite/parse-error` (a warning) for each ERROR or MISSING node and each fragment blanked
 * because it does not parse, the first 20: the rules leave such a fragment as written (see
 * `inUnparsed`) and instantiate everything around it.
 */
export function parseErrors(doc: CDocument): Diagnostic[] {
  const found = [
    ...errorNodes(doc.tree.rootNode, MAX_PARSE_ERRORS).map((n) => ({
      start: n.startIndex,
      end: n.endIndex,
      missing: n.isMissing ? n.type : undefined,
    })),
    ...doc.unparsed.map((u) => ({ ...u, missing: undefined })),
  ]
    .sort((a, b) => a.start - b.start)
    .slice(0, MAX_PARSE_ERRORS);
  return found.map((e) =>
    createDiagnostic(
      'rewrite/parse-error',
      'warning',
      e.missing !== undefined
        ? `Syntax error: missing ${e.missing}; the code around it is read as if it were there`
        : `Syntax error: cannot parse ${JSON.stringify(clip(doc.text.slice(e.start, e.end)))}; left as written (placeholders in it are not instantiated)`,
      { file: doc.file, start: e.start, end: e.end },
    ),
  );
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
