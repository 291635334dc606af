/**
 * Line and token scanning shared by the parser and the highlighter. Offsets are UTF-16 code
 * units of the original text. A `#` starts a comment that runs to the end of its line, so
 * comments never reach the item parsers.
 */

export type TokenKind =
  | 'word'
  | 'star'
  | 'colons'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'semi'
  | 'lbracket'
  | 'rbracket'
  | 'other';

/** A word (a run of anything but whitespace and `()[],;:*#`) or one punctuation mark. */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

/**
 * `section`: starts with `[`; `header`: starts with the word `component` followed by
 * whitespace or the end of the code; `content`: any other line with code.
 */
export type LineKind = 'blank' | 'comment' | 'section' | 'header' | 'content';

export interface Line {
  kind: LineKind;
  /** Offset of the line's first code unit. */
  start: number;
  /** Offset of the `\n` that ends the line, or the text length; a trailing `\r` is excluded. */
  end: number;
  /** Offset of the `#` starting a comment, or `end` when there is none. */
  commentStart: number;
  /** Tokens of the code before the comment. */
  tokens: Token[];
}

const PUNCT = new Map<string, TokenKind>([
  ['*', 'star'],
  ['(', 'lparen'],
  [')', 'rparen'],
  [',', 'comma'],
  [';', 'semi'],
  ['[', 'lbracket'],
  [']', 'rbracket'],
  [':', 'other'],
  ['#', 'other'],
]);

const SPACE = /\s/;

/** Tokens of `text` between `start` and `end`, whitespace skipped. */
export function scanTokens(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, from: number, to: number): void => {
    tokens.push({ kind, text: text.slice(from, to), start: from, end: to });
  };
  let i = start;
  while (i < end) {
    const ch = text.charAt(i);
    if (SPACE.test(ch)) {
      i++;
    } else if (ch === ':' && i + 1 < end && text.charAt(i + 1) === ':') {
      push('colons', i, i + 2);
      i += 2;
    } else if (PUNCT.has(ch)) {
      push(PUNCT.get(ch) ?? 'other', i, i + 1);
      i++;
    } else {
      let j = i + 1;
      while (j < end && !SPACE.test(text.charAt(j)) && !PUNCT.has(text.charAt(j))) j++;
      push('word', i, j);
      i = j;
    }
  }
  return tokens;
}

function classify(tokens: readonly Token[], hasComment: boolean): LineKind {
  const first = tokens[0];
  if (!first) return hasComment ? 'comment' : 'blank';
  if (first.kind === 'lbracket') return 'section';
  const second = tokens[1];
  if (first.kind === 'word' && first.text === 'component' && (!second || second.start > first.end))
    return 'header';
  return 'content';
}

/** Splits `text` into classified lines (on `\n`; a `\r` before it is ignored). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Searched once per `#`, not once per line, so a file without comments stays linear.
  let hash = text.indexOf('#');
  for (;;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    const end = lineEnd > start && text.charAt(lineEnd - 1) === '\r' ? lineEnd - 1 : lineEnd;
    if (hash >= 0 && hash < start) hash = text.indexOf('#', start);
    const commentStart = hash >= 0 && hash < end ? hash : end;
    const tokens = scanTokens(text, start, commentStart);
    lines.push({ kind: classify(tokens, commentStart < end), start, end, commentStart, tokens });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}
