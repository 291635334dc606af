import { describe, expect, it } from 'vitest';
import { linkTarget, plainText, readMarkdown } from './markdown.ts';

describe('README Markdown', () => {
  it('numbers the steps: ordered items and task items, nested ones too, in order', () => {
    const { steps } = readMarkdown(
      '1. one\n2. two\n   - plain\n   - [ ] task\n\n- not a step\n\n> 1. quoted\n',
    );
    const texts = [...steps.entries()].map(([item, n]) => [n, item.text.split('\n')[0]]);
    expect(texts).toEqual([
      [0, 'one'],
      [1, 'two'],
      [2, 'task'],
      [3, 'quoted'],
    ]);
  });

  it('keeps raw HTML as tokens of their own, never as markup of a text', () => {
    const { tokens } = readMarkdown('<script>alert(1)</script>\n\nHi <b onclick="x">b</b>\n');
    expect(tokens[0]?.type).toBe('html');
    const inline = tokens.find((t) => t.type === 'paragraph');
    expect(inline && 'tokens' in inline ? inline.tokens?.map((t) => t.type) : []).toEqual([
      'text',
      'html',
      'text',
      'html',
    ]);
  });

  it('opens web links and workspace files, and nothing else', () => {
    const paths = ['README.md', 'libs/kv/kv.c', 'config.yaml'];
    expect(linkTarget('https://example.org/x', 'README.md', paths)).toEqual({
      kind: 'web',
      href: 'https://example.org/x',
    });
    expect(linkTarget('libs/kv/kv.c', 'README.md', paths)).toEqual({
      kind: 'file',
      path: 'libs/kv/kv.c',
    });
    expect(linkTarget('./config.yaml#top', 'README.md', paths)).toEqual({
      kind: 'file',
      path: 'config.yaml',
    });
    expect(linkTarget('../kv/kv.c', 'libs/sched/README.md', paths)).toEqual({
      kind: 'file',
      path: 'libs/kv/kv.c',
    });
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      '../minikv/README.md',
      '../../etc/passwd',
      'missing.c',
    ])
      expect(linkTarget(bad, 'README.md', paths), bad).toBeNull();
  });

  it('undoes the lexer escapes, which the page escapes again when it draws', () => {
    expect(plainText('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &amp;lt;')).toBe(
      'a & b <c> "d" \'e\' &lt;',
    );
  });
});
