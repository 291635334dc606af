/**
 * Token-level helpers for macro bodies, which tree-sitter keeps as raw text.
 */

/** Index of the `)` matching the `(` at `open`, skipping strings; -1 if unbalanced. */
export function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level arguments between the parentheses at `open`, trimmed, with their offsets. */
export function splitArgs(
  text: string,
  open: number,
): { text: string; start: number; end: number }[] | undefined {
  const close = matchParen(text, open);
  if (close < 0) return undefined;
  const args: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let from = open + 1;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '' || args.length > 0 || to < close)
      args.push({ text: body, start: from + lead, end: from + lead + body.length });
  };
  for (let i = open + 1; i < close; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < close && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(close);
  return args;
}
