import { describe, expect, it } from 'vitest';
import { AnsiDecoder } from './ansi.ts';
import { TerminalBuffer, type Line } from './terminal.ts';

const plain = (lines: Line[]) => lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('AnsiDecoder', () => {
  it('turns SGR colours into CSS and never lets an escape through', () => {
    const d = new AnsiDecoder();
    const out = d.push('a\x1b[31mred\x1b[0m \x1b[1;92mbold green\x1b[39mplain\x1b[0m!');
    expect(out).toEqual([
      { text: 'a', css: '' },
      { text: 'red', css: 'color: var(--ansi-1)' },
      { text: ' ', css: '' },
      { text: 'bold green', css: 'color: var(--ansi-10); font-weight: bold' },
      { text: 'plain', css: 'font-weight: bold' },
      { text: '!', css: '' },
    ]);
    expect(out.map((s) => s.text).join('')).not.toContain('\x1b');
  });

  it('completes a sequence cut between chunks', () => {
    const d = new AnsiDecoder();
    expect(d.push('x\x1b[3')).toEqual([{ text: 'x', css: '' }]);
    expect(d.push('4my')).toEqual([{ text: 'y', css: 'color: var(--ansi-4)' }]);
    expect(d.push('\x1b')).toEqual([]);
    expect(d.push('[mz')).toEqual([{ text: 'z', css: '' }]);
  });

  it('reads 256 and true colours, and drops other escapes and controls', () => {
    const d = new AnsiDecoder();
    expect(d.push('\x1b[38;5;196ma\x1b[48;2;1;2;3mb')).toEqual([
      { text: 'a', css: 'color: rgb(255 0 0)' },
      { text: 'b', css: 'color: rgb(255 0 0); background: rgb(1 2 3)' },
    ]);
    const e = new AnsiDecoder();
    expect(e.push('\x1b[2J\x1b[Hclear\x1b]0;title\x07\x1b(Bok\x07\x08')).toEqual([
      { text: 'clearok', css: '' },
    ]);
  });
});

describe('TerminalBuffer', () => {
  it('interleaves streams in arrival order and marks stderr', () => {
    const t = new TerminalBuffer();
    t.write('stdout', 'one\ntw');
    t.write('stderr', 'ERR\n');
    t.write('stdout', 'three\n');
    const lines = t.lines();
    expect(plain(lines)).toEqual(['one', 'twERR', 'three']);
    expect(lines.map((l) => l.stderr)).toEqual([false, true, false]);
    expect(lines[1]?.segments.map((s) => s.stream)).toEqual(['stdout', 'stderr']);
  });

  it('keeps the last lines and counts the rest', () => {
    const t = new TerminalBuffer(100, 50);
    for (let i = 0; i < 5000; i++) t.write('stdout', `line ${i}\n`);
    const lines = t.lines();
    expect(lines).toHaveLength(100);
    expect(plain(lines).at(-1)).toBe('line 4999');
    expect(lines[0]?.n).toBe(4900);
    expect(t.hidden).toBe(4900);
  });

  it('splits a long line into continuations and handles CR', () => {
    const t = new TerminalBuffer(100, 4);
    t.write('stdout', 'abcdefghij\r\n');
    t.write('stdout', '10%\r50%\r');
    t.write('stdout', '100%\n');
    const lines = t.lines();
    expect(plain(lines)).toEqual(['abcd', 'efgh', 'ij', '100%']);
    expect(lines.map((l) => l.cont)).toEqual([false, true, true, false]);
  });

  it('copes with a megabyte in one chunk quickly', () => {
    const t = new TerminalBuffer();
    const text = '\x1b[32mgreen\x1b[0m and plain text, then a newline\n'.repeat(25_000);
    const start = performance.now();
    t.write('stdout', text);
    const lines = t.lines();
    expect(performance.now() - start).toBeLessThan(2000);
    expect(lines).toHaveLength(2000);
    expect(t.hidden).toBe(23_000);
  });
});
