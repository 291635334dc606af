import {
  findConditionals,
  findLoopMacros,
  maskConditionals,
  type ConditionalGroup,
  type HiddenBranch,
} from './conditionals.ts';
import type { CDocument } from './parse-c.ts';
import type { CParser, SyntaxNode, SyntaxTree } from './parser-types.ts';

/**
 * What is done with a file that does not parse as written, so that one bad spot does not
 * take the rest of the file with it (tree-sitter's error recovery can swallow every
 * definition after it into one ERROR node):
 *
 * 1. Conditional groups that overlap errors are reduced to one branch (`conditionals.ts`),
 *    round by round while that lowers the errors; then each group with a hidden branch is
 *    given back if the file parses as well without reducing it.
 * 2. Each remaining ERROR spanning several lines is cut down to the fewest whole lines from
 *    its start whose blanking lets the rest parse: that fragment is `unparsed` (left as
 *    written, reported by `parseErrors`), and what follows is read again.
 *
 * Every step re-parses and is kept only when the errors shrink. The text offsets never move.
 */
export function reduceErrors(parser: CParser, doc: CDocument): CDocument {
  const state = { doc, best: doc, cost: errorCost(doc.tree) };
  try {
    readLoopMacros(parser, state);
    reduceConditionals(parser, state);
    isolateFragments(parser, state);
  } catch (e) {
    // The caller frees `doc.tree`; a better tree found so far is ours to free.
    if (state.best !== doc) state.best.tree.delete();
    throw e;
  }
  if (state.best !== doc) doc.tree.delete();
  return state.best;
}

interface Reduction {
  /** The document as parsed first (its `masked` is the base every attempt blanks). */
  doc: CDocument;
  best: CDocument;
  cost: number;
}

const MAX_CONDITIONAL_ROUNDS = 4;
const MAX_GIVE_BACKS = 16;
/** Re-parses spent isolating fragments, and lines tried per fragment. */
const MAX_ISOLATION_PARSES = 24;
const MAX_LINES_PER_FRAGMENT = 8;

/**
 * `UK_TAILQ_FOREACH(it, head, next) { ... }`: a statement-position macro invocation followed
 * by a statement is a loop macro (its expansion is a `for` header). Read with its name as
 * `while` (padded, so offsets stay), it parses as the loop it is, and a `break` or `continue`
 * in its body stays inside it for the rules that care.
 */
function readLoopMacros(parser: CParser, r: Reduction): void {
  const errors = errorRanges(r.doc.tree);
  const text = r.doc.masked;
  // Candidates with an error on their line or the next: the parser tripped over them.
  const near = findLoopMacros(text).filter((c) => {
    const lineEnd = text.indexOf('\n', c.end);
    const nextEnd = lineEnd < 0 ? text.length : text.indexOf('\n', lineEnd + 1);
    const reach = nextEnd < 0 ? text.length : nextEnd;
    return errors.some((e) => e.start >= c.start && e.start <= reach);
  });
  if (near.length === 0) return;
  let masked = text;
  for (const c of near) {
    masked = masked.slice(0, c.start) + LOOP.padEnd(c.end - c.start, ' ') + masked.slice(c.end);
  }
  const cost = r.cost;
  tryParse(parser, r, { masked, hidden: [], unparsed: [] }, (c) => c < cost);
}

const LOOP = 'while';

function reduceConditionals(parser: CParser, r: Reduction): void {
  // What the parser sees so far (loop macros read as loops), whichever groups are reduced.
  const base = r.best.masked;
  const groups = findConditionals(base);
  if (groups.length === 0) return;
  const chosen = new Set<ConditionalGroup>();
  const attempt = (set: ReadonlySet<ConditionalGroup>, accept: (cost: number) => boolean) => {
    const { masked, hidden } = maskConditionals(base, set);
    return tryParse(parser, r, { masked, hidden, unparsed: [] }, accept);
  };
  // Groups that look cut out of a statement first, then any group near an error.
  for (const pick of [(g: ConditionalGroup) => g.cuts, () => true]) {
    for (let round = 0; round < MAX_CONDITIONAL_ROUNDS && r.cost > 0; round++) {
      const errors = errorRanges(r.best.tree);
      const more = groups.filter(
        (g) => !chosen.has(g) && pick(g) && errors.some((e) => overlaps(g, e)),
      );
      if (more.length === 0) break;
      const cost = r.cost;
      if (!attempt(new Set([...chosen, ...more]), (c) => c < cost)) break;
      for (const g of more) chosen.add(g);
    }
  }
  // An error spanning a whole function overlaps every group in it: give back the groups
  // reduced only for being near an error, with a hidden branch, that parse as well unreduced.
  const withHidden = [...chosen].filter((g) => !g.cuts && g.branches.length > 1);
  if (withHidden.length === 0 || r.best.masked === base) return;
  const cost = r.cost;
  const keep = new Set([...chosen].filter((c) => !withHidden.includes(c)));
  // All at once first: in a file where one function's error covered many groups, the usual case.
  if (attempt(keep, (c) => c <= cost)) return;
  for (const g of withHidden.slice(0, MAX_GIVE_BACKS)) {
    const without = new Set([...chosen].filter((c) => c !== g));
    const now = r.cost;
    if (attempt(without, (c) => c <= now)) chosen.delete(g);
  }
}

function isolateFragments(parser: CParser, r: Reduction): void {
  let parses = 0;
  const tried = new Set<number>();
  for (;;) {
    const next = treeErrors(r.best.tree).find(
      (n) => !n.isMissing && !tried.has(n.startIndex) && spansLines(r.best.masked, n),
    );
    if (!next) return;
    tried.add(next.startIndex);
    const start = next.startIndex;
    let lineEnd = start;
    for (let line = 0; line < MAX_LINES_PER_FRAGMENT; line++) {
      if (parses >= MAX_ISOLATION_PARSES) return;
      lineEnd = r.best.masked.indexOf('\n', lineEnd + 1);
      if (lineEnd < 0 || lineEnd >= next.endIndex) break;
      const fragment = { start, end: lineEnd };
      const masked = blank(r.best.masked, fragment);
      parses++;
      const unparsed = [...r.best.unparsed, fragment].sort((a, b) => a.start - b.start);
      const blanked = unparsed.reduce((n, u) => n + u.end - u.start, 0);
      // What failed besides the fragments, and what of it the new fragment does not cover.
      const before = r.cost - (blanked - (fragment.end - fragment.start));
      const rest = before - (fragment.end - fragment.start);
      // Kept when at least half of the rest now parses: a fragment that only trims the
      // start of an error that goes on is not worth reporting apart.
      const accept = (cost: number) => cost - blanked <= rest / 2;
      if (tryParse(parser, r, { masked, hidden: r.best.hidden, unparsed }, accept)) break;
    }
  }
}

/**
 * Parses a variant of the document; when `accept` takes its cost (what fails to parse plus
 * the fragments it blanks), it becomes the best (the previous best's tree is freed), else its
 * tree is freed.
 */
function tryParse(
  parser: CParser,
  r: Reduction,
  variant: { masked: string; hidden: HiddenBranch[]; unparsed: { start: number; end: number }[] },
  accept: (cost: number) => boolean,
): boolean {
  const tree = parseOrThrow(parser, variant.masked, null);
  let cost: number;
  try {
    cost = errorCost(tree) + variant.unparsed.reduce((n, u) => n + u.end - u.start, 0);
  } catch (e) {
    tree.delete();
    throw e;
  }
  if (!accept(cost)) {
    tree.delete();
    return false;
  }
  if (r.best !== r.doc) r.best.tree.delete();
  r.best = { ...r.doc, ...variant, tree };
  r.cost = cost;
  return true;
}

export function parseOrThrow(
  parser: CParser,
  text: string,
  oldTree: SyntaxTree | null,
): SyntaxTree {
  const tree = parser.parse(text, oldTree);
  // A parser without a language or a cancelled parse: a host bug, not a user error.
  if (!tree) throw new Error('tree-sitter returned no tree: is the C language set?');
  return tree;
}

function spansLines(text: string, n: SyntaxNode): boolean {
  const nl = text.indexOf('\n', n.startIndex);
  return nl >= 0 && nl < n.endIndex - 1;
}

function blank(text: string, r: { start: number; end: number }): string {
  return (
    text.slice(0, r.start) + text.slice(r.start, r.end).replace(/[^\n\r]/g, ' ') + text.slice(r.end)
  );
}

function overlaps(g: { start: number; end: number }, e: { start: number; end: number }): boolean {
  return e.start === e.end
    ? g.start <= e.start && e.start <= g.end
    : g.start < e.end && e.start < g.end;
}

/** Characters under ERROR nodes, plus one per MISSING node: how badly a text parses. */
function errorCost(tree: SyntaxTree): number {
  return errorRanges(tree).reduce((sum, r) => sum + Math.max(1, r.end - r.start), 0);
}

/**
 * `errorNodes` of a tree, read once: the reduction asks again about its best tree after each
 * attempt that fails, and a walk of a tree full of errors visits most of its nodes.
 */
const errorsByTree = new WeakMap<SyntaxTree, SyntaxNode[]>();

function treeErrors(tree: SyntaxTree): SyntaxNode[] {
  let errors = errorsByTree.get(tree);
  if (!errors) errorsByTree.set(tree, (errors = errorNodes(tree.rootNode)));
  return errors;
}

/** The outermost ERROR nodes and the MISSING nodes, in order (iterative: no recursion depth). */
export function errorNodes(root: SyntaxNode, limit = Infinity): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  if (!root.hasError) return out;
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      const isError = node.type === 'ERROR' || node.isMissing;
      if (isError) {
        out.push(node);
        if (out.length >= limit) return out;
      }
      if (!isError && node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out;
      }
    }
  } finally {
    cursor.delete();
  }
}

function errorRanges(tree: SyntaxTree): { start: number; end: number }[] {
  return treeErrors(tree).map((n) => ({ start: n.startIndex, end: n.endIndex }));
}
