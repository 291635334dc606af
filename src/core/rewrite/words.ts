/**
 * Where an identifier stands in C text as a whole word (not inside a longer identifier), found
 * with `indexOf`: a RegExp built from the name fails on identifiers of tens of thousands of
 * characters ("Regular expression too large"), which hostile input has.
 */
export function wordOccurrences(text: string, name: string): number[] {
  const out: number[] = [];
  if (name === '') return out;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (isWordChar(text.charCodeAt(i - 1)) || isWordChar(text.charCodeAt(i + name.length)))
      continue;
    out.push(i);
  }
  return out;
}

/** True when `text` holds `name` as a whole word. */
export function hasWord(text: string, name: string): boolean {
  return wordOccurrences(text, name).length > 0;
}

/** True when the text before `index`, blanks skipped, ends with `.` or `->` (a member name). */
export function isMemberAt(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return text[i] === '.' || (text[i] === '>' && text[i - 1] === '-');
}

/** `[A-Za-z0-9_$]`; NaN (outside the text) is not. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 36
  );
}
