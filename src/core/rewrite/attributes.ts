/**
 * GNU constructs tree-sitter-c 0.24 cannot parse, found by a small C lexer and masked before
 * parsing, with offsets and rows unchanged (newlines are kept):
 * - `__attribute__((...))` after a declarator (`int x __attribute__((a)) = 0;`, the usual GNU
 *   spelling and the one FlexOS code uses) leaves ERROR nodes. Attributes never change the
 *   syntax around them, so each is blanked and the rewriter reads them from this list.
 * - `__typeof__(expression)` (port's temporaries use it) is read as a type name and fails on
 *   most expressions. It is masked as `int` padded with spaces, so its declaration still
 *   parses as one; rules that care look inside it through `typeofs`.
 * - Attribute-like macros of Unikraft's `uk/essentials.h` and the Linux-style headers ported
 *   libraries use (`int __unused argc`, `const char __maybe_unused **p`, `__section(".x")`):
 *   without their definitions the parser reads them as type or variable names and fails.
 *   They are blanked like attributes (and listed, with `macro` set), except on preprocessor
 *   lines, where `#define __unused ...` must stay as written.
 */

/** One item of an attribute list: `flexos_whitelist`, `section(".x")`, `aligned(8)`. */
export interface AttributeItem {
  /** The leading identifier: `flexos_whitelist`, `section`, `libnet_callback`. */
  name: string;
  start: number;
  end: number;
}

/** One `__attribute__((...))`, as offsets into the original text. */
export interface AttributeSite {
  start: number;
  end: number;
  items: AttributeItem[];
  /** An attribute-like macro (`__unused`, `__section(".x")`) rather than `__attribute__`. */
  macro?: true;
}

/** A masked `typeof(...)`: the whole construct and its operand. */
export interface TypeofSite {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

export interface MaskedText {
  /** The text with every attribute blanked and every typeof masked; what the parser sees. */
  masked: string;
  attributes: AttributeSite[];
  typeofs: TypeofSite[];
}

const KEYWORDS = ['__attribute__', '__attribute'];
const TYPEOF_KEYWORDS = ['__typeof__', '__typeof', 'typeof'];

/**
 * Attribute-like macros (each expands to one `__attribute__`): Unikraft's `uk/essentials.h`
 * and the Linux-style names ported libraries carry. `true`: it takes arguments in parentheses.
 */
export const ATTRIBUTE_MACROS: ReadonlyMap<string, boolean> = new Map([
  ...[
    '__unused',
    '__maybe_unused',
    '__used',
    '__packed',
    '__noreturn',
    '__weak',
    '__nonnull',
    '__constructor',
    '__destructor',
    '__always_inline',
    '__noinline',
    '__pure',
    '__cold',
    '__hot',
    '__must_check',
    '__deprecated',
    '__read_mostly',
    '__align4',
    '__align8',
    '__align16',
    '__align32',
    '__align64',
    '__align4k',
    '__align32b',
    '__align64b',
    '__align128b',
    '__align256b',
    '__align512b',
  ].map((n) => [n, false] as const),
  ...[
    '__section',
    '__align',
    '__aligned',
    '__printf',
    '__scanf',
    '__constructor_prio',
    '__alias',
  ].map((n) => [n, true] as const),
]);

const MACRO_PATTERN = [...ATTRIBUTE_MACROS.keys()].sort((a, b) => b.length - a.length).join('|');

/** Finds and blanks every attribute outside comments, strings and character constants. */
export function maskAttributes(text: string): MaskedText {
  if (!text.includes('__') && !text.includes('typeof')) {
    return { masked: text, attributes: [], typeofs: [] };
  }
  const attributes: AttributeSite[] = [];
  const typeofs: TypeofSite[] = [];
  // Jump from one interesting token to the next with a native regex scan: comment and
  // string openers (to skip their contents) and the keywords themselves.
  const tokens = new RegExp(
    `/\\*|//|["']|\\b(?:__attribute__|__attribute|__typeof__|__typeof|typeof|${MACRO_PATTERN})\\b`,
    'g',
  );
  for (let m = tokens.exec(text); m; m = tokens.exec(text)) {
    const i = m.index;
    const tok = m[0];
    if (tok === '/*') {
      const close = text.indexOf('*/', i + 2);
      tokens.lastIndex = close < 0 ? text.length : close + 2;
    } else if (tok === '//') {
      tokens.lastIndex = skipLineComment(text, i);
    } else if (tok === '"' || tok === "'") {
      tokens.lastIndex = skipQuoted(text, i, tok.charCodeAt(0));
    } else if (tok.startsWith('__attribute')) {
      const site = readAttribute(text, i);
      if (site) {
        attributes.push(site);
        tokens.lastIndex = site.end;
      }
    } else if (ATTRIBUTE_MACROS.has(tok)) {
      const site = readAttributeMacro(text, i, tok);
      if (site) {
        attributes.push(site);
        tokens.lastIndex = site.end;
      }
    } else {
      const ty = readTypeof(text, i);
      if (ty) {
        typeofs.push(ty);
        tokens.lastIndex = ty.end;
      }
    }
  }
  return { masked: blank(text, attributes, typeofs), attributes, typeofs };
}

function blank(
  text: string,
  attributes: readonly AttributeSite[],
  typeofs: readonly TypeofSite[],
): string {
  const sites = [
    ...attributes.map((a) => ({ start: a.start, end: a.end, lead: '' })),
    ...typeofs.map((t) => ({ start: t.start, end: t.end, lead: 'int' })),
  ].sort((a, b) => a.start - b.start);
  if (sites.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of sites) {
    const raw = text.slice(s.start + s.lead.length, s.end);
    const body = /[\n\r]/.test(raw) ? raw.replace(/[^\n\r]/g, ' ') : ' '.repeat(raw.length);
    parts.push(text.slice(at, s.start), s.lead, body);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function readTypeof(text: string, at: number): TypeofSite | undefined {
  const keyword = TYPEOF_KEYWORDS.find(
    (k) => text.startsWith(k, at) && !isWordChar(text.charCodeAt(at + k.length)),
  );
  if (!keyword) return undefined;
  const open = skipSpace(text, at + keyword.length);
  if (text[open] !== '(') return undefined;
  const close = matchParen(text, open);
  if (close < 0) return undefined;
  return { start: at, end: close + 1, innerStart: open + 1, innerEnd: close };
}

function readAttributeMacro(text: string, at: number, name: string): AttributeSite | undefined {
  if (isWordChar(text.charCodeAt(at - 1)) || onDirectiveLine(text, at)) return undefined;
  let end = at + name.length;
  if (ATTRIBUTE_MACROS.get(name)) {
    const open = skipSpace(text, end);
    if (text[open] !== '(') return undefined;
    const close = matchParen(text, open);
    if (close < 0) return undefined;
    end = close + 1;
  }
  return { start: at, end, items: [{ name, start: at, end }], macro: true };
}

/** Whether `at` is on a preprocessor line (its logical line, continuations included, starts with `#`). */
function onDirectiveLine(text: string, at: number): boolean {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // A line ending in a backslash continues onto the next one.
  while (lineStart > 1) {
    const prev = text[lineStart - 2] === '\r' ? lineStart - 3 : lineStart - 2;
    if (text[prev] !== '\\') break;
    lineStart = text.lastIndexOf('\n', prev - 1) + 1;
  }
  return /^[ \t]*#/.test(text.slice(lineStart, Math.min(at, lineStart + 200)));
}

function readAttribute(text: string, at: number): AttributeSite | undefined {
  const keyword = KEYWORDS.find(
    (k) => text.startsWith(k, at) && !isWordChar(text.charCodeAt(at + k.length)),
  );
  if (!keyword) return undefined;
  let i = skipSpace(text, at + keyword.length);
  if (text[i] !== '(') return undefined;
  const outerOpen = i;
  i = skipSpace(text, i + 1);
  if (text[i] !== '(') return undefined;
  const close = matchParen(text, outerOpen);
  if (close < 0) return undefined;
  const innerClose = lastParenBefore(text, close);
  return { start: at, end: close + 1, items: splitItems(text, i + 1, innerClose) };
}

/** Top-level comma-separated items of `text[from, to)`. */
function splitItems(text: string, from: number, to: number): AttributeItem[] {
  const items: AttributeItem[] = [];
  let depth = 0;
  let itemStart = from;
  const push = (end: number): void => {
    const raw = text.slice(itemStart, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) {
      const name = /^[A-Za-z_]\w*/.exec(body)?.[0] ?? body;
      items.push({ name, start: itemStart + lead, end: itemStart + lead + body.length });
    }
  };
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipQuoted(text, i, c.charCodeAt(0)) - 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      itemStart = i + 1;
    }
  }
  push(to);
  return items;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipQuoted(text, i, c.charCodeAt(0)) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function lastParenBefore(text: string, close: number): number {
  let i = close - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ')' ? i : close;
}

function skipQuoted(text: string, at: number, quote: number): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i += 2;
    else if (c === quote || c === 10) return i + 1;
    else i++;
  }
  return i;
}

function skipLineComment(text: string, at: number): number {
  let i = at;
  for (;;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    // A backslash before the newline continues the comment on the next line.
    if (text[nl - 1] === '\\' || (text[nl - 1] === '\r' && text[nl - 2] === '\\')) i = nl + 1;
    else return nl;
  }
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127
  );
}
