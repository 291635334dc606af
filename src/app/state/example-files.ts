import type { Example } from './examples.svelte.ts';

/**
 * Every directory of `examples/`, bundled at build time so the playground needs nothing from
 * outside its origin. Only text files of the kinds a workspace holds are taken. Imported
 * lazily (`examples.svelte.ts`): the texts are a third of the page's code and nothing needs
 * them before first paint.
 */
const sources = import.meta.glob<string>('/examples/**/*.{yaml,yml,flexos,c,h,md,csv,txt}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Shown first, in this order; other examples follow alphabetically. */
const PREFERRED = ['hello', 'minikv', 'iperf', 'imgparse'];

function collect(): Example[] {
  const bySlug = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(sources)) {
    const m = /^\/examples\/([^/]+)\/(.+)$/.exec(path);
    if (!m?.[1] || !m[2]) continue;
    const files = bySlug.get(m[1]) ?? {};
    files[m[2]] = text;
    bySlug.set(m[1], files);
  }
  const rank = (s: string) => (PREFERRED.includes(s) ? PREFERRED.indexOf(s) : PREFERRED.length);
  return [...bySlug.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([slug, files]) => ({
      slug,
      title: /^#\s+(.+)$/m.exec(files['README.md'] ?? '')?.[1]?.trim() ?? slug,
      workspace: { files, settings: { panel: 'graph' } },
    }));
}

export const EXAMPLES: readonly Example[] = collect();
