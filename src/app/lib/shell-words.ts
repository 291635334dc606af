/**
 * Splits an arguments field the way a POSIX shell splits words, without expanding anything:
 * blanks separate words; `'…'` keeps everything literally; `"…"` keeps everything but lets a
 * backslash escape `"`, `\`, `$` and `` ` ``; outside quotes a backslash keeps the next
 * character. `--name 'two words' ""` is three arguments, the last one empty.
 */
export function splitWords(
  text: string,
): { ok: true; words: string[] } | { ok: false; error: string } {
  const words: string[] = [];
  let word = '';
  /** A word has started, even if it is empty so far (`""`). */
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "a single quote (') is not closed" };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1] ?? '')) j++;
        word += text[j];
      }
      if (j >= text.length) return { ok: false, error: 'a double quote (") is not closed' };
      inWord = true;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < text.length) word += text[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
