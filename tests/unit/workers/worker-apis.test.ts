import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisApi } from '../../../workers/analysis-api.ts';
import { createExploreApi } from '../../../workers/explore-api.ts';
import { createTestHooks } from '../../../workers/test-hooks.ts';

/**
 * The production workers' APIs are exactly the pipeline's actions: the test hooks that crash
 * and hang a worker exist only in the `*-debug.worker.ts` entries, which the page starts only
 * for the test harness or `?debug`.
 */
const hookNames = Object.keys(createTestHooks('test'));
const noParser = () => Promise.reject(new Error('no parser in this test'));
const entry = (name: string) =>
  readFileSync(new URL(`../../../workers/${name}`, import.meta.url), 'utf8');

describe('the production worker APIs', () => {
  it('have no test hooks', () => {
    expect(hookNames).toEqual(expect.arrayContaining(['crash', 'hang']));
    const analysis = Object.keys(createAnalysisApi(noParser, () => 0));
    const explore = Object.keys(createExploreApi(noParser));
    expect(analysis).toContain('analyze');
    expect(explore).toContain('explore');
    for (const name of hookNames) {
      expect(analysis).not.toContain(name);
      expect(explore).not.toContain(name);
    }
  });

  it('only the debug entries take in the test hooks', () => {
    for (const name of ['analysis.worker.ts', 'explore.worker.ts'])
      expect(entry(name), name).not.toContain('test-hooks');
    for (const name of ['analysis-debug.worker.ts', 'explore-debug.worker.ts'])
      expect(entry(name), name).toContain('createTestHooks');
  });
});
