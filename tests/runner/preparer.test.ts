/**
 * Jobs are checked and rewritten in a worker thread (src/runner/prepare/): the service's
 * thread stays free while a hostile workspace is read, and a step over its time limit stops
 * the worker, ends the job, and leaves the next job a fresh worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPreparer } from '../../src/runner/prepare/preparer.ts';
import { loadExample } from './native-helpers.ts';

const CONFIG =
  'name: x\ncompartments:\n  - comp1:\n      mechanism: fcalls\n      default: true\nlibraries:\n  - app: comp1\n';
const fcalls = { fcalls: { ok: true } } as const;

/** A config.yaml with 40,000 unknown keys: hundreds of milliseconds to check. */
const slow = {
  files: {
    'config.yaml': `${CONFIG}${Array.from({ length: 40_000 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`,
  },
  settings: { panel: 'graph' },
};

describe('the prepare worker', () => {
  const preparer = createPreparer({ timeoutMs: 30_000 });
  afterAll(() => preparer.close());

  it('checks and instantiates an example as the pipeline does', async () => {
    const ws = { files: loadExample('hello'), settings: { panel: 'graph' } };
    const checked = await preparer.check(ws, 'fcalls', fcalls);
    expect(checked.ok && checked.value.status).toBe('ok');
    if (!checked.ok || checked.value.status !== 'ok') return;
    const inst = await preparer.instantiate(ws, checked.value, undefined);
    expect(inst.ok && inst.value.status).toBe('ok');
    if (inst.ok && inst.value.status === 'ok')
      expect(inst.value.build.sources.map((s) => s.path)).toContain('libs/app/main.c');
  });

  it('keeps the caller’s thread free while a slow workspace is checked', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const checked = await preparer.check(slow, undefined, fcalls);
    clearInterval(timer);
    expect(checked.ok && checked.value.status).toBe('config-error');
    // The event loop ran all along (in this thread it would not tick once).
    expect(ticks).toBeGreaterThan(2);
  });

  it('stops a step over its time limit, and the next step gets a fresh worker', async () => {
    const hasty = createPreparer({ timeoutMs: 20 });
    try {
      // Warm the worker first: its start-up does not count against a step.
      await hasty.check(
        { files: { 'config.yaml': CONFIG }, settings: { panel: 'graph' } },
        undefined,
        fcalls,
      );
      const timedOut = await hasty.check(slow, undefined, fcalls);
      expect(timedOut).toMatchObject({ ok: false, timedOut: true });
      const again = await hasty.check(
        { files: { 'config.yaml': CONFIG }, settings: { panel: 'graph' } },
        undefined,
        fcalls,
      );
      expect(again.ok && again.value.status).toBe('ok');
    } finally {
      await hasty.close();
    }
  });
});
