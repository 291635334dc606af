import { describe, expect, it } from 'vitest';
import { splitWords } from './shell-words.ts';

const words = (text: string) => {
  const r = splitWords(text);
  return r.ok ? r.words : r.error;
};

describe('splitWords', () => {
  it('splits on blanks of any length', () => {
    expect(words('')).toEqual([]);
    expect(words('   ')).toEqual([]);
    expect(words('--crafted')).toEqual(['--crafted']);
    expect(words('  a\tb \n c ')).toEqual(['a', 'b', 'c']);
  });

  it('keeps quoted text together, quotes removed', () => {
    expect(words(`--name 'two words' "three more words"`)).toEqual([
      '--name',
      'two words',
      'three more words',
    ]);
    expect(words(`a'b c'd`)).toEqual(['ab cd']);
    expect(words(`'' ""`)).toEqual(['', '']);
  });

  it('lets a backslash escape outside quotes and some characters inside double quotes', () => {
    expect(words(String.raw`a\ b`)).toEqual(['a b']);
    expect(words(String.raw`"say \"hi\" \n"`)).toEqual([String.raw`say "hi" \n`]);
    expect(words(String.raw`'\n'`)).toEqual([String.raw`\n`]);
  });

  it('refuses an unclosed quote', () => {
    expect(words(`'open`)).toMatch(/single quote/);
    expect(words(`"open`)).toMatch(/double quote/);
  });
});
