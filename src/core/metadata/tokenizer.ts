/**
 * A context-light tokenizer for highlighting `.flexos` text in an editor. It never fails and
 * classifies every non-space character; it does not validate (that is `parseComponent`).
 */
import { splitLines } from './lexer.ts';
import type { Token } from './lexer.ts';

export type MetadataTokenKind =
  'comment' | 'keyword' | 'section' | 'name' | 'region' | 'action' | 'punct' | 'unknown';

/** One highlighted range `[start, end)` in UTF-16 code units. */
export interface MetadataToken {
  kind: MetadataTokenKind;
  start: number;
  end: number;
}

function classify(t: Token): MetadataTokenKind {
  switch (t.kind) {
    case 'word':
      if (t.text === 'Read' || t.text === 'Write' || t.text === 'Call') return 'action';
      if (t.text === 'Own' || t.text === 'Shared') return 'region';
      return 'name';
    case 'star':
      return 'region';
    case 'colons':
    case 'lparen':
    case 'rparen':
    case 'comma':
    case 'semi':
      return 'punct';
    default:
      return 'unknown';
  }
}

/**
 * Tokens of `text` in order, non-overlapping: `#` comments, the `component` keyword,
 * `[Section]` names (known or not), and the words and punctuation of items.
 */
export function tokenizeMetadata(text: string): MetadataToken[] {
  const out: MetadataToken[] = [];
  for (const line of splitLines(text)) {
    let rest = line.tokens;
    const first = rest[0];
    if (line.kind === 'header' && first) {
      out.push({ kind: 'keyword', start: first.start, end: first.end });
      rest = rest.slice(1);
    } else if (line.kind === 'section' && first) {
      const close = rest.findIndex((t) => t.kind === 'rbracket');
      const last = close >= 0 ? close : rest.length - 1;
      out.push({ kind: 'section', start: first.start, end: rest[last]?.end ?? first.end });
      rest = rest.slice(last + 1);
    }
    for (const t of rest) out.push({ kind: classify(t), start: t.start, end: t.end });
    if (line.commentStart < line.end) {
      out.push({ kind: 'comment', start: line.commentStart, end: line.end });
    }
  }
  return out;
}
