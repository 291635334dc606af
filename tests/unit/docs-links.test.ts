/**
 * The documentation must stand alone in a clone: every relative link of README.md,
 * CONTRIBUTING.md and docs/**\/*.md resolves to a file or folder of the repository, every
 * `#anchor` to a heading of its target (GitHub's slugs), and nothing points outside the
 * repository except web and mail URLs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The Markdown files checked: the two top-level guides and everything under docs/. */
function docFiles(): string[] {
  const files = ['README.md', 'CONTRIBUTING.md'].filter((f) => existsSync(join(ROOT, f)));
  const walk = (dir: string): void => {
    if (!existsSync(join(ROOT, dir))) return;
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files.sort();
}

/** The text with fenced code blocks and inline code spans blanked (links there are examples). */
function proseOf(text: string): string {
  const lines = text.split('\n');
  let fence: string | null = null;
  const out = lines.map((line) => {
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && open) {
      fence = open[1]?.[0] ?? '`';
      return '';
    }
    if (fence !== null) {
      if (new RegExp(`^\\s{0,3}\\${fence}{3,}\\s*$`).test(line)) fence = null;
      return '';
    }
    return line;
  });
  return out.join('\n').replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));
}

interface Link {
  text: string;
  target: string;
  line: number;
}

/** Inline links and images `[text](target "title")`, and reference definitions `[id]: target`. */
export function linksOf(text: string): Link[] {
  const prose = proseOf(text);
  const lineAt = (offset: number): number => prose.slice(0, offset).split('\n').length;
  const links: Link[] = [];
  const inline =
    /!?\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]*(?:\([^\s)]*\)[^\s)]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
  for (const m of prose.matchAll(inline)) {
    links.push({ text: m[1] ?? '', target: unbracket(m[2] ?? ''), line: lineAt(m.index) });
  }
  const reference = /^[ ]{0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)/gm;
  for (const m of prose.matchAll(reference)) {
    links.push({ text: m[1] ?? '', target: unbracket(m[2] ?? ''), line: lineAt(m.index) });
  }
  return links;
}

function unbracket(target: string): string {
  return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}

/**
 * GitHub's heading anchors: lower case, punctuation and symbols dropped, each space a hyphen;
 * a repeated slug gets `-1`, `-2`, ... Inline code marks and link targets are not part of it.
 */
export function headingSlugs(text: string): Set<string> {
  const slugs = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of proseOfHeadings(text)) {
    const m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const heading = (m[1] ?? '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const seen = counts.get(base) ?? 0;
    slugs.add(seen === 0 ? base : `${base}-${seen}`);
    counts.set(base, seen + 1);
  }
  return slugs;
}

/** Lines outside fenced code blocks (a `#` line inside a fence is no heading). */
function proseOfHeadings(text: string): string[] {
  let fence: string | null = null;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && open) fence = open[1]?.[0] ?? '`';
    else if (fence !== null && new RegExp(`^\\s{0,3}\\${fence}{3,}\\s*$`).test(line)) fence = null;
    else if (fence === null) out.push(line);
  }
  return out;
}

const EXTERNAL = /^(?:https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Why `link` of `file` does not resolve inside the repository, or `null` when it does. */
export function brokenReason(file: string, link: Link): string | null {
  const { target } = link;
  if (target.includes('../shared') || link.text.includes('../shared'))
    return 'points to ../shared, which a clone does not have';
  if (EXTERNAL.test(target)) return null;
  if (ANY_SCHEME.test(target)) return `uses a scheme other than http(s) or mailto`;
  if (target === '') return 'has an empty target';
  const hash = target.indexOf('#');
  const pathPart = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? undefined : target.slice(hash + 1);
  let path: string;
  try {
    path = decodeURI(pathPart);
  } catch {
    return 'is not a valid URL';
  }
  const absolute =
    path === ''
      ? join(ROOT, file)
      : path.startsWith('/')
        ? join(ROOT, path)
        : resolve(ROOT, dirname(file), path);
  const inside = relative(ROOT, absolute);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return 'points outside the repository';
  if (!existsSync(absolute)) return `names ${inside}, which does not exist`;
  if (anchor === undefined || anchor === '') return null;
  if (statSync(absolute).isDirectory()) return `has an anchor on a folder`;
  if (!absolute.endsWith('.md')) return `has an anchor into ${inside}, which is not Markdown`;
  const slugs = headingSlugs(readFileSync(absolute, 'utf8'));
  if (!slugs.has(decodeURIComponent(anchor).toLowerCase()))
    return `names #${anchor}, which is no heading of ${inside}`;
  return null;
}

const FILES = docFiles();

describe('documentation links', () => {
  it('finds the documents to check', () => {
    expect(FILES).toContain('README.md');
    expect(FILES).toContain('CONTRIBUTING.md');
    expect(FILES).toContain('docs/formats.md');
    expect(FILES).toContain('docs/architecture.md');
  });

  it.each(FILES)('%s links only to files and headings of the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const broken = linksOf(text).flatMap((link) => {
      const why = brokenReason(file, link);
      return why ? [`${file}:${link.line}: [${link.text}](${link.target}) ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it.each(FILES)('%s does not mention ../shared', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).not.toContain('../shared');
  });

  it('README links the formats, the architecture and the contributing guide', () => {
    const targets = linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) =>
      l.target.replace(/#.*$/, ''),
    );
    for (const doc of ['docs/formats.md', 'docs/architecture.md', 'CONTRIBUTING.md'])
      expect(targets).toContain(doc);
  });
});

describe('the link checker itself', () => {
  const at = (target: string, text = 'x'): Link => ({ text, target, line: 1 });

  it('accepts files, folders, headings and web links', () => {
    expect(brokenReason('README.md', at('docs/formats.md'))).toBeNull();
    expect(brokenReason('README.md', at('examples/'))).toBeNull();
    expect(brokenReason('docs/formats.md', at('semantics.md#cost-model'))).toBeNull();
    expect(brokenReason('docs/formats.md', at('#diagnostics'))).toBeNull();
    expect(brokenReason('README.md', at('https://project-flexos.github.io/'))).toBeNull();
  });

  it('refuses missing files, missing headings, ../shared and paths outside the clone', () => {
    expect(brokenReason('README.md', at('docs/nowhere.md'))).toMatch(/does not exist/);
    expect(brokenReason('README.md', at('docs/formats.md#no-such-heading'))).toMatch(/heading/);
    expect(brokenReason('README.md', at('../shared/docs/DESIGN.md'))).toMatch(/shared/);
    expect(brokenReason('README.md', at('DESIGN.md', 'see ../shared/docs'))).toMatch(/shared/);
    expect(brokenReason('README.md', at('../outside.md'))).toMatch(/outside/);
    expect(brokenReason('README.md', at('file:///etc/passwd'))).toMatch(/scheme/);
  });

  it('reads links and GitHub heading slugs as GitHub does', () => {
    const md = [
      '# `config.yaml`: one image',
      "## Differences from the FlexOS toolchain's rules",
      '## A',
      '## A',
      '```md',
      '# not a heading [not](a-link.md)',
      '```',
      'See [one](a.md "title"), ![img](<b c.png>), `[code](c.md)` and [d](e.md#f).',
      '[ref]: g.md',
    ].join('\n');
    expect([...headingSlugs(md)]).toEqual([
      'configyaml-one-image',
      'differences-from-the-flexos-toolchains-rules',
      'a',
      'a-1',
    ]);
    expect(linksOf(md).map((l) => l.target)).toEqual(['a.md', 'b c.png', 'e.md#f', 'g.md']);
  });
});
