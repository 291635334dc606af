import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { maskAttributes, type AttributeSite, type TypeofSite } from './attributes.ts';
import type { CParser, SyntaxNode, SyntaxPoint, SyntaxTree } from './parser-types.ts';

/**
 * One parsed C file: its text, the text the parser saw (attributes blanked, see
 * `attributes.ts`), the attributes, and the tree. The tree belongs to whoever parsed it and
 * must be `delete()`d by them; `withCDocument` does that for one-shot use.
 */
export interface CDocument {
  file: string;
  text: string;
  masked: string;
  attributes: AttributeSite[];
  /** Masked `typeof(...)` constructs (see attributes.ts). */
  typeofs: TypeofSite[];
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
  const tree = parser.parse(masked, oldTree);
  // A parser without a language or a cancelled parse: a host bug, not a user error.
  if (!tree) throw new Error('tree-sitter returned no tree: is the C language set?');
  return { file, text, masked, attributes, typeofs, tree };
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

/** `rewrite/parse-error` for each ERROR or MISSING node (the first 20). */
export function parseErrors(doc: CDocument): Diagnostic[] {
  const root = doc.tree.rootNode;
  if (!root.hasError) return [];
  const found: SyntaxNode[] = [];
  collectErrors(root, found);
  return found.map((n) =>
    createDiagnostic(
      'rewrite/parse-error',
      'error',
      n.isMissing
        ? `Syntax error: missing ${n.type}`
        : `Syntax error: cannot parse ${JSON.stringify(clip(n.text))}`,
      { file: doc.file, start: n.startIndex, end: n.endIndex },
    ),
  );
}

function collectErrors(node: SyntaxNode, out: SyntaxNode[]): void {
  if (out.length >= MAX_PARSE_ERRORS) return;
  if (node.type === 'ERROR' || node.isMissing) {
    out.push(node);
    return;
  }
  if (!node.hasError) return;
  for (const child of node.children) collectErrors(child, out);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
