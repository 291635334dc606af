import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openFile, openPlayground, replaceLine, snap, test } from './fixtures.ts';

/** The 1-based line of minikv's `file` that contains `needle`. */
function lineOf(file: string, needle: string): number {
  const text = readFileSync(join(import.meta.dirname, '../../examples/minikv', file), 'utf8');
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file} has no line with ${needle}`);
  return i + 1;
}

/** One broken line per kind of file of minikv, and the diagnostic it must produce. */
const CASES = [
  {
    file: 'config.yaml',
    line: lineOf('config.yaml', 'mechanism: intel-mpk'),
    text: 'mechanism: intel-mkp',
    code: 'config/unknown-mechanism',
  },
  {
    file: 'components/sched.flexos',
    line: lineOf('components/sched.flexos', '[Memory access]'),
    text: '[Memory access] Read(Own,Sharde); Write(Own,Shared)',
    code: 'meta/bad-region',
  },
  {
    file: 'libs/kv/kv.c',
    line: lineOf('libs/kv/kv.c', 'flexos_gate(libsched, yield);'),
    text: 'flexos_gate(libschde, yield);',
    code: 'rewrite/unknown-lib',
  },
  {
    file: 'workload.yaml',
    line: lineOf('workload.yaml', 'baseline:'),
    text: 'baseline: lots',
    code: 'workload/bad-number',
  },
  {
    file: 'space.yaml',
    line: lineOf('space.yaml', 'max-compartments:'),
    text: 'max-compartments: zero',
    code: 'space/bad-max-compartments',
  },
];

for (const c of CASES) {
  test(`an error in ${c.file} gets a marker and a Problems entry at line ${c.line}`, async ({
    page,
  }) => {
    await openPlayground(page);
    await openFile(page, c.file);
    await replaceLine(page, c.line, c.text);
    const entry = page.getByTestId('problems').locator(`[data-code="${c.code}"]`);
    await expect(entry).toHaveCount(1);
    await expect(entry).toHaveAttribute('data-file', c.file);
    await expect(entry).toHaveAttribute('data-line', String(c.line));
    const marker = page.getByTestId('editor').locator('.squiggly-error, .squiggly-warning');
    await expect(marker.first()).toBeVisible();
    await snap(page, `problem-${c.file.replace(/\W+/g, '-')}`);

    // Clicking the entry brings the editor to the line.
    await entry.locator('button').first().click();
    await expect(page.getByTestId('editor').locator('.current-line').first()).toBeVisible();
  });
}
