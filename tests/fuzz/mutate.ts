/**
 * Damage to a text, for generated and example workspaces alike: lines deleted, duplicated and
 * swapped, bytes flipped and inserted, truncation, and hostile tokens (NUL, very long lines,
 * nesting 5,000 deep, extreme numbers, unicode, CRLF).
 */
import type { Rng } from './prng.ts';

export type TextKind = 'yaml' | 'c' | 'meta';

const ALPHABET: Record<TextKind, string> = {
  yaml: ' \n\t-:#[]{},\'"&*!|>?%@`x1.',
  c: ' \n\t{}()[];,*&#"\'\\/=<>+-!x1_',
  meta: ' \n\t[](),;:*#x1',
};

/** Nesting `depth` deep, balanced or not, in the brackets of the file's language. */
function nesting(rng: Rng, kind: TextKind, depth: number): string {
  const balanced = rng.chance(0.5);
  const pairs: Record<TextKind, [string, string][]> = {
    yaml: [
      ['[', ']'],
      ['{a: ', '}'],
      ['- ', ''],
    ],
    c: [
      ['{', '}'],
      ['(', ')'],
      ['[', ']'],
      ['{ {', '} }'],
    ],
    meta: [
      ['(', ')'],
      ['[', ']'],
    ],
  };
  const [open, close] = rng.pick(pairs[kind]);
  if (kind === 'c' && open === '(')
    return `\nint deep(void) { return ${open.repeat(depth)}1${balanced ? close.repeat(depth) : ''}; }\n`;
  if (kind === 'c' && open.startsWith('{'))
    return `\nvoid deep(void) ${open.repeat(depth)} x++; ${balanced ? close.repeat(depth) : ''}\n`;
  if (kind === 'yaml' && open === '- ') return `\nk: ${'- '.repeat(depth)}x\n`;
  if (kind === 'yaml') return `\nk: ${open.repeat(depth)}x${balanced ? close.repeat(depth) : ''}\n`;
  return `${open.repeat(depth)}${balanced ? close.repeat(depth) : ''}`;
}

/** Block-style YAML nested by indentation (the file grows as depth squared, so less deep). */
function indentedYaml(depth: number): string {
  let out = '\n';
  for (let i = 0; i < depth; i++) out += `${' '.repeat(i)}a:\n`;
  return out;
}

export function hostileToken(rng: Rng, kind: TextKind): string {
  return rng.weighted([
    [3, () => nesting(rng, kind, 5000)],
    [1, () => nesting(rng, kind, rng.int(50, 500))],
    [kind === 'yaml' ? 1 : 0, () => indentedYaml(rng.int(200, 800))],
    [2, () => '\u0000'],
    [1, () => '\u0000'.repeat(rng.int(2, 100))],
    [2, () => 'x'.repeat(rng.int(10_000, 200_000))],
    // Many small items (a node each): enough for quadratic work to show, not so many that
    // linear work over 25 stages outlasts the hang limit.
    [1, () => `\n${'a, '.repeat(rng.int(2_000, 12_000))}\n`],
    [2, () => rng.pick(['1e308', '-0', '1e-320', '9'.repeat(400), '-1e308', '0x7fffffff', 'NaN'])],
    [2, () => rng.pick(['ünïcödé', '\u202e', '\ufeff', '\ud800', '😀', '\u2028', 'Ω≈ç√'])],
    [1, () => rng.pick(['\r', '\r\n', '\t', '\v', '\f'])],
    [
      1,
      () =>
        rng.pick([
          '*/',
          '/*',
          '"',
          "'",
          '\\',
          '#',
          '&a',
          '*a',
          '!!binary',
          '%YAML 1.2',
          '---',
          '...',
        ]),
    ],
    [
      1,
      () =>
        rng.pick([
          '__attribute__((flexos_whitelist))',
          'flexos_gate(',
          'FLEXOS_SHARED_LITERAL(',
          '[Call]',
          'component x',
        ]),
    ],
  ] as const)();
}

/** One random edit of `text`. */
function mutateOnce(rng: Rng, text: string, kind: TextKind): string {
  const at = rng.int(0, text.length);
  const lines = text.split('\n');
  const line = rng.int(0, Math.max(0, lines.length - 1));
  const op = rng.weighted([
    [3, 'delete-line'],
    [3, 'duplicate-line'],
    [2, 'swap-lines'],
    [3, 'flip-byte'],
    [3, 'insert-bytes'],
    [2, 'delete-range'],
    [1, 'duplicate-range'],
    [1, 'truncate'],
    [1, 'crlf'],
    [2, 'hostile'],
  ] as const);
  switch (op) {
    case 'delete-line':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'swap-lines': {
      const other = rng.int(0, Math.max(0, lines.length - 1));
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
    case 'flip-byte':
      return text.slice(0, at) + String.fromCharCode(rng.int(0, 255)) + text.slice(at + 1);
    case 'insert-bytes': {
      const n = rng.int(1, 6);
      const alphabet = ALPHABET[kind];
      let bytes = '';
      for (let i = 0; i < n; i++) bytes += alphabet[rng.int(0, alphabet.length - 1)];
      return text.slice(0, at) + bytes + text.slice(at);
    }
    case 'delete-range':
      return text.slice(0, at) + text.slice(at + rng.int(1, 40));
    case 'duplicate-range': {
      const end = Math.min(text.length, at + rng.int(1, 60));
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    }
    case 'truncate':
      return text.slice(0, at);
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'hostile':
      return text.slice(0, at) + hostileToken(rng, kind) + text.slice(at);
  }
}

/** `1..max` random edits of `text`. */
export function mutate(rng: Rng, text: string, kind: TextKind, max = 4): string {
  let out = text;
  for (let n = rng.int(1, max); n > 0; n--) out = mutateOnce(rng, out, kind);
  return out;
}

export function kindOfPath(path: string): TextKind {
  if (path.endsWith('.flexos')) return 'meta';
  if (/\.[ch]$/.test(path)) return 'c';
  return 'yaml';
}
