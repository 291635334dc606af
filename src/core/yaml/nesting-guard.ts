/**
 * Deepest nesting allowed before the text is handed to the `yaml` package. Its composer
 * recurses once per level; a few thousand levels exhaust the stack, and when that happens
 * inside V8's regular-expression compiler the whole process (or worker) aborts rather than
 * throwing. No image description comes near this depth.
 */
export const MAX_NESTING = 100;

/** Indentation past which a line counts as too deep (block nesting needs a column per level). */
const MAX_INDENT = 200;

/**
 * Offset where `text` first nests deeper than `MAX_NESTING` (open flow brackets plus the `- `,
 * `? ` and `: ` indicators of the current line) or is indented more than `MAX_INDENT`, else
 * `undefined`. Quotes and comments are deliberately not skipped: where YAML starts a quoted
 * scalar depends on context, and this estimate must only err towards deeper.
 */
export function findTooDeep(text: string): number | undefined {
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
