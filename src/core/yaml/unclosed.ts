import { Parser, type CST } from 'yaml';

/** What a `yaml` error says was left open: a flow list, a flow map, or a quoted string. */
export type UnclosedKind = '[' | '{' | '"' | "'";

/**
 * The kind of opener an error of the `yaml` package is about, from its message ("... must end
 * with a ]", "Missing closing "quote"), or `undefined` for any other error. The package
 * reports these where it gave up (the next line, or the end of the file); the opener is where
 * the reader must look.
 */
export function unclosedKind(message: string): UnclosedKind | undefined {
  const m = /end with an? ([\]}])|Missing closing (["'])quote/.exec(message);
  if (!m) return undefined;
  if (m[1]) return m[1] === ']' ? '[' : '{';
  return m[2] === '"' ? '"' : "'";
}

export interface Opener {
  start: number;
  end: number;
  message: string;
}

/** The unclosed openers of a text; `take` hands each out once, innermost first. */
export interface UnclosedOpeners {
  /** The last opener of `kind` before `pos` not handed out yet. */
  take(kind: UnclosedKind, pos: number): Opener | undefined;
}

const MESSAGES: Record<UnclosedKind, string> = {
  '[': "This '[' is never closed: a flow list ends with ']' before the text goes back to its parent's indentation.",
  '{': "This '{' is never closed: a flow map ends with '}' before the text goes back to its parent's indentation.",
  '"': 'This double-quoted string is never closed.',
  "'": 'This single-quoted string is never closed.',
};

/**
 * Every flow collection without its closing bracket and every quoted scalar without its
 * closing quote, from the `yaml` package's concrete syntax tree (the parser that builds it
 * keeps its own stack; this walk does too, so neither recurses per level). Called only for a
 * text with such an error, after the nesting guard has let it through.
 */
export function findUnclosed(text: string): UnclosedOpeners {
  const found: { kind: UnclosedKind; start: number; end: number }[] = [];
  const stack: (CST.Token | null | undefined)[] = [...new Parser().parse(text)];
  while (stack.length > 0) {
    const token = stack.pop();
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) stack.push(item.key, item.value);
        if (token.type === 'flow-collection' && !closesFlow(token)) {
          const kind = token.start.source === '[' ? '[' : '{';
          found.push({ kind, start: token.start.offset, end: token.start.offset + 1 });
        }
        break;
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        if (!closesQuote(token.source)) {
          const lineEnd = token.source.search(/[\r\n]/);
          const length = lineEnd < 0 ? token.source.length : lineEnd;
          const kind = token.type === 'double-quoted-scalar' ? '"' : "'";
          found.push({ kind, start: token.offset, end: token.offset + Math.max(1, length) });
        }
        break;
      default:
        break;
    }
  }
  found.sort((a, b) => a.start - b.start);
  const used = new Set<number>();
  return {
    take(kind, pos) {
      for (let i = found.length - 1; i >= 0; i--) {
        const o = found[i];
        if (!o || o.kind !== kind || o.start >= pos || used.has(i)) continue;
        used.add(i);
        return { start: o.start, end: o.end, message: MESSAGES[kind] };
      }
      return undefined;
    },
  };
}

function closesFlow(token: CST.FlowCollection): boolean {
  const close = token.start.source === '[' ? ']' : '}';
  return token.end.some((t) => t.source === close);
}

/** True when a quoted scalar's source ends with its own, unescaped, closing quote. */
function closesQuote(source: string): boolean {
  const quote = source[0];
  if (source.length < 2 || source[source.length - 1] !== quote) return false;
  if (quote === "'") {
    // `''` inside is an escaped quote: the run of quotes at the end must be odd.
    let n = 0;
    while (source[source.length - 1 - n] === "'" && n < source.length - 1) n++;
    return n % 2 === 1;
  }
  let backslashes = 0;
  while (source[source.length - 2 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 0;
}
