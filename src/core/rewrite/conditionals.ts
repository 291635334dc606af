/**
 * Preprocessor conditionals that cut through C syntax. Ported Unikraft and FlexOS libraries
 * write `#if` around half of an `if` (`#if X if (a && b) { #else if (a) { #endif`), or around
 * one specifier (`#ifndef CONFIG_X static #endif void f(...)`). tree-sitter parses `#if` groups
 * as nodes of their own, so such code does not parse, and its error recovery can swallow the
 * rest of the file. When a parse has errors, the groups that overlap them are read as the
 * compiler would read one configuration: their directive lines are blanked and only one branch
 * is kept (the first, or the `#else` of an `#if 0`); the other branches are blanked and left
 * as written (`hidden`). Offsets and line breaks never change.
 *
 * A file-scope macro invocation without a semicolon (`NETIF_DECLARE_EXT_CALLBACK(cb)` on a
 * line of its own, which expands to a declaration) is handled the same way: a one-line group
 * whose only "directive" is the invocation, blanked when it overlaps an error.
 */

/** One directive line (with its continuation lines and a comment it opens). */
interface Directive {
  kind: string;
  start: number;
  end: number;
}

/** An `#if`/`#ifdef`/`#ifndef` ... `#endif` group. */
export interface ConditionalGroup {
  start: number;
  end: number;
  directives: Directive[];
  /** The text between consecutive directives: one branch per `#if`, `#elif` or `#else`. */
  branches: { start: number; end: number; directive: string }[];
  /**
   * The branch kept: the first, or for `#if 0` the `#else` (-1 when there is none), which is
   * the one the compiler takes.
   */
  kept: number;
  /** `#if 0`: the first branch is dead code, not a configuration to warn about. */
  constant: boolean;
  /**
   * Whether a branch looks cut out of a statement or declaration: unbalanced brackets, or not
   * ending where a statement or declaration can (`;`, `}`, a `:` label, nothing). The groups
   * to reduce are chosen among these first.
   */
  cuts: boolean;
}

/** A branch blanked from the parser's view: left as written. */
export interface HiddenBranch {
  start: number;
  end: number;
  /** The directive opening it: `#else`, `#elif`. */
  directive: string;
}

const OPEN = new Set(['if', 'ifdef', 'ifndef']);
/** The kind of a file-scope macro invocation line. */
const MACRO = '(macro)';
/** The kind of a statement-position macro invocation with nothing after it: a loop macro. */
const LOOP_MACRO = '(loop)';
/** `NAME(args)` alone on its line (one level of nested parentheses), or followed by `{`. */
const LOOP_LINE =
  /^([A-Za-z_]\w*)[ \t]*\((?:[^()\n]|\([^()\n]*\))*\)[ \t]*\{?[ \t]*(?:\/\/[^\n]*|\/\*.*?\*\/)?[ \t]*\r?(?:\n|$)/;
const KEYWORDS = new Set(['while', 'switch', 'return', 'sizeof', '_Alignof', '__asm__', 'defined']);

/**
 * Statement-position macro invocations standing alone on their line, or followed by `{`
 * (`UK_TAILQ_FOREACH(it, head, next) {`): the names of the candidates for loop macros.
 */
export function findLoopMacros(text: string): { start: number; end: number }[] {
  return directives(text)
    .filter((d) => d.kind === LOOP_MACRO)
    .map((d) => ({ start: d.start, end: d.end }));
}
const MIDDLE = new Set(['elif', 'elifdef', 'elifndef', 'else']);

/** Every complete conditional group of `text`, outermost first. */
export function findConditionals(text: string): ConditionalGroup[] {
  const groups: ConditionalGroup[] = [];
  const stack: ConditionalGroup[] = [];
  for (const d of directives(text)) {
    if (d.kind === MACRO) {
      // The parser trips on what follows the invocation: the group reaches the end of the
      // next declaration (or the start of the next body).
      const next = /[;{}]/.exec(text.slice(d.end, d.end + 400));
      const reach = next ? d.end + next.index : d.end;
      groups.push({
        start: d.start,
        end: reach + 1,
        directives: [d],
        branches: [],
        kept: 0,
        constant: false,
        cuts: true,
      });
    } else if (OPEN.has(d.kind)) {
      stack.push({
        start: d.start,
        end: d.end,
        directives: [d],
        branches: [],
        kept: 0,
        constant: false,
        cuts: false,
      });
    } else if (MIDDLE.has(d.kind) || d.kind === 'endif') {
      const g = stack[stack.length - 1];
      if (!g) continue;
      g.directives.push(d);
      if (d.kind === 'endif') {
        stack.pop();
        g.end = d.end;
        g.branches = g.directives.slice(0, -1).map((open, i) => ({
          start: open.end,
          end: g.directives[i + 1]?.start ?? open.end,
          directive: `#${open.kind}`,
        }));
        g.constant = isIfZero(text, g);
        g.cuts = g.branches.some((b) => cutsSyntax(text.slice(b.start, b.end)));
        g.kept = g.constant ? (g.directives[1]?.kind === 'else' ? 1 : -1) : 0;
        groups.push(g);
      }
    }
  }
  return groups.sort((a, b) => a.start - b.start);
}

function cutsSyntax(branch: string): boolean {
  // Directive lines of nested groups and comments, strings and characters do not count.
  const code = branch
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ')
    .replace(/"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '0')
    .replace(/^[ \t]*#.*$/gm, ' ');
  let braces = 0;
  let parens = 0;
  for (const c of code) {
    if (c === '{') braces++;
    else if (c === '}') braces--;
    else if (c === '(') parens++;
    else if (c === ')') parens--;
    if (braces < 0 || parens < 0) return true;
  }
  if (braces !== 0 || parens !== 0) return true;
  const last = code.trimEnd().slice(-1);
  return last !== '' && !';}:'.includes(last);
}

function isIfZero(text: string, g: ConditionalGroup): boolean {
  const first = g.directives[0];
  if (!first || first.kind !== 'if') return false;
  const condition = text
    .slice(first.start, first.end)
    .replace(/^\s*#\s*if\b/, '')
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .trim();
  return condition === '0';
}

/** `text` with the directive lines of `groups` blanked and only their kept branch left. */
export function maskConditionals(
  text: string,
  groups: Iterable<ConditionalGroup>,
): { masked: string; hidden: HiddenBranch[] } {
  const blanks: { start: number; end: number }[] = [];
  const hidden: HiddenBranch[] = [];
  for (const g of groups) {
    for (const d of g.directives) blanks.push({ start: d.start, end: d.end });
    g.branches.forEach((b, i) => {
      if (i === g.kept) return;
      blanks.push(b);
      if (!g.constant && /\S/.test(text.slice(b.start, b.end))) hidden.push({ ...b });
    });
  }
  blanks.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const b of blanks) {
    if (b.end <= at) continue;
    const start = Math.max(at, b.start);
    parts.push(text.slice(at, start), text.slice(start, b.end).replace(/[^\n\r]/g, ' '));
    at = b.end;
  }
  parts.push(text.slice(at));
  hidden.sort((a, b) => a.start - b.start);
  // A branch hidden inside another hidden branch is reported once, by the outer one.
  const outer = hidden.filter(
    (h, i) => !hidden.some((o, j) => j !== i && o.start <= h.start && h.end <= o.end && o !== h),
  );
  return { masked: parts.join(''), hidden: outer };
}

/**
 * The directive lines of `text`, found by a small lexer that skips comments, strings and
 * character constants, so a `#` inside them is not a directive.
 */
function directives(text: string): Directive[] {
  const out: Directive[] = [];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  let depth = 0;
  const depths: { start: number; firstEnd?: number }[] = [];
  while (i < n) {
    if (lineStart) {
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '#') {
        const end = directiveEnd(text, j);
        const kind = /^#[ \t]*([a-z]+)/.exec(text.slice(j, Math.min(end, j + 40)))?.[1] ?? '';
        out.push({ kind, start: j, end });
        depth = braceDepthAfter(kind, depth, depths);
        i = end;
        continue;
      }
      lineStart = false;
      const macroEnd = depth === 0 && j === i ? macroLineEnd(text, j) : -1;
      if (macroEnd > 0) {
        out.push({ kind: MACRO, start: j, end: macroEnd });
        i = macroEnd;
        continue;
      }
      const loop = depth > 0 ? LOOP_LINE.exec(text.slice(j, j + 300)) : null;
      const name = loop?.[1];
      if (name && name.length >= 5 && !KEYWORDS.has(name))
        out.push({ kind: LOOP_MACRO, start: j, end: j + name.length });
      i = j;
      continue;
    }
    const c = text[i];
    if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === '\n') {
      lineStart = true;
      i++;
    } else if (c === '"' || c === "'") {
      i = skipQuoted(text, i);
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Brace depth across conditionals: each branch starts at the depth of the `#if`, and after
 * the `#endif` the depth is the first branch's (the one read when a group is reduced), so
 * `#if X if (a) { #else if (b) { #endif ... }` counts one brace, not two.
 */
function braceDepthAfter(
  kind: string,
  depth: number,
  stack: { start: number; firstEnd?: number }[],
): number {
  if (OPEN.has(kind)) {
    stack.push({ start: depth });
    return depth;
  }
  const top = stack[stack.length - 1];
  if (!top) return depth;
  if (MIDDLE.has(kind)) {
    top.firstEnd ??= depth;
    return top.start;
  }
  if (kind === 'endif') {
    stack.pop();
    return top.firstEnd ?? depth;
  }
  return depth;
}

/**
 * The end of a file-scope macro invocation standing alone at `from`: `NAME(...)` with nothing
 * after it on its line and no `{`, `;`, `,`, `=` or `(` after it (which would make it part of
 * a declaration or definition); -1 otherwise.
 */
function macroLineEnd(text: string, from: number): number {
  const name = /^[A-Za-z_]\w*[ \t]*\(/.exec(text.slice(from, from + 200));
  if (!name) return -1;
  const close = matchParen(text, from + name[0].length - 1);
  if (close < 0) return -1;
  const end = lineEnd(text, close + 1);
  if (/\S/.test(text.slice(close + 1, end).replace(/\/\*.*?\*\/|\/\/.*$/g, ''))) return -1;
  let k = end;
  for (;;) {
    while (k < text.length && /\s/.test(text[k] ?? '')) k++;
    if (text.startsWith('/*', k)) {
      const c = text.indexOf('*/', k + 2);
      k = c < 0 ? text.length : c + 2;
    } else if (text.startsWith('//', k)) k = lineEnd(text, k);
    else break;
  }
  return /[{;,=(]/.test(text[k] ?? '') ? -1 : end;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipQuoted(text, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === ';' || c === '{' || c === '}') return -1;
  }
  return -1;
}

/** End of the logical line at `from` (before its newline), past continuations and comments. */
function directiveEnd(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') return text[i - 1] === '\r' ? i - 1 : i;
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === '/' && text[i + 1] === '/') {
      return lineEnd(text, i);
    } else if (c === '"' || c === "'") {
      i = skipQuoted(text, i);
    } else {
      i++;
    }
  }
  return n;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    if (text[nl - 1] === '\\' || (text[nl - 1] === '\r' && text[nl - 2] === '\\')) i = nl + 1;
    else return text[nl - 1] === '\r' ? nl - 1 : nl;
  }
}

function skipQuoted(text: string, at: number): number {
  const quote = text[at];
  let i = at + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (c === '\n') return i;
    else i++;
  }
  return i;
}
