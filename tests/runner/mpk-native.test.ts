/**
 * Intel MPK with the CPU's own protection keys, on the native target: where the CPU has PKU
 * (`pku ospke`, an Intel Xeon for instance) every example runs with keys as under fcalls and
 * imgparse's crafted image faults. Reported as skipped elsewhere; tests/runner/mpk-qemu.test.ts
 * runs the same runtime under QEMU on any x86-64 host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import { detectHost } from '../../src/runner/targets/host.ts';
import { hasToolchain, loadExample, output, runJob } from './native-helpers.ts';

const pku = detectHost().pku;
const can = pku && hasToolchain();
let runner: StartedRunner;

beforeAll(async () => {
  if (can) runner = await startRunner();
});
afterAll(async () => {
  await runner?.close();
});

describe.skipIf(!can)(
  can
    ? 'Intel MPK on the native target'
    : 'Intel MPK on the native target (skipped: this CPU has no protection keys)',
  () => {
    const job = (example: string, sharing: string, args: string[] = []) =>
      runJob(runner.url, {
        files: loadExample(example),
        target: 'native',
        mechanism: 'intel-mpk',
        sharing,
        args,
      });

    it('runs every example with the CPU’s keys in every sharing mode', async () => {
      const says: Record<string, RegExp> = {
        hello: /greeted 4 guests, printed 4 lines: ok/,
        iperf: /data verified/,
        minikv: /520 replies as expected, 0 wrong/,
        imgparse: /secret intact: yes/,
      };
      for (const sharing of ['heap', 'dss', 'shared-stack'])
        for (const [example, out] of Object.entries(says)) {
          const f = await job(example, sharing);
          expect(f.result.status, `${example} ${sharing}: ${JSON.stringify(f.result)}`).toBe('ok');
          expect(output(f)).toMatch(out);
        }
    }, 240_000);

    it('faults on imgparse’s crafted image, naming api_key', async () => {
      const f = await job('imgparse', 'heap', ['--crafted']);
      expect(f.result).toMatchObject({
        status: 'fault',
        fault: { library: 'imgparse', ownerLibrary: 'app', variable: 'api_key', access: 'write' },
      });
    }, 60_000);
  },
);
