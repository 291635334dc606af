import { Lexer } from 'yaml';

/**
 * Deepest nesting allowed before the text is handed to the `yaml` package. Its composer
 * recurses once per level; a few thousand levels exhaust the stack, and when that happens
 * inside V8's regular-expression compiler the whole process (or worker) aborts rather than
 * throwing. No file of a workspace comes near this depth.
 */
export const MAX_NESTING = 100;

/** Indentation past which a line counts as too deep (block nesting needs a column per level). */
export const MAX_INDENT = 200;

/**
 * Offset where `text` first nests deeper than `MAX_NESTING` (open flow brackets plus the `- `,
 * `? ` and `: ` indicators of the current line) or is indented more than `MAX_INDENT`, else
 * `undefined`. Brackets and indicators inside quoted strings, block scalars and comments do
 * not count.
 *
 * A character scan that counts everything decides first: it can only overestimate, and on
 * ordinary files (large ones too) it finds nothing and costs one pass. Only when it finds
 * too much does the `yaml` package's lexer, which is not recursive, tell quoted strings and
 * comments apart exactly as the parser will read them.
 */
export function findTooDeep(text: string): number | undefined {
  return overestimate(text) === undefined ? undefined : lexedTooDeep(text);
}

/** The conservative scan: quotes and comments are not skipped, so it errs towards deeper. */
function overestimate(text: string): number | undefined {
  let flow = 0;
  let indicators = 0;
  let lineStart = 0;
  let atIndent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      indicators = 0;
      lineStart = i + 1;
      atIndent = true;
      continue;
    }
    if (atIndent && c === ' ') {
      if (i - lineStart >= MAX_INDENT) return i;
      continue;
    }
    atIndent = false;
    if (c === '[' || c === '{') flow++;
    else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    else if ((c === '-' || c === '?' || c === ':') && /\s/.test(text[i + 1] ?? ' ')) indicators++;
    if (flow + indicators > MAX_NESTING) return i;
  }
  return undefined;
}

/** Lexer tokens that mark a state and stand for no source text. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
/** Precedes the token of a plain scalar, whose text may look like an indicator. */
const SCALAR = '\x1f';

/** The exact count, on the lexer's tokens: each token is a piece of the source, in order. */
function lexedTooDeep(text: string): number | undefined {
  let offset = 0;
  let flow = 0;
  let indicators = 0;
  let lineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      scalarNext = token === SCALAR;
      continue;
    }
    const at = offset;
    offset += token.length;
    if (scalarNext) {
      scalarNext = false;
      lineStart = false;
      continue;
    }
    if (token === '\n' || token === '\r\n') {
      indicators = 0;
      lineStart = true;
      continue;
    }
    if (lineStart && token[0] === ' ') {
      if (token.length > MAX_INDENT) return at + MAX_INDENT;
      continue;
    }
    lineStart = false;
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (token === '-' || token === '?' || token === ':') indicators++;
    if (flow + indicators > MAX_NESTING) return at;
  }
  return undefined;
}
