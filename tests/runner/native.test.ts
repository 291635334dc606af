/**
 * The native target for real: the examples built with gcc against the runner's runtime and
 * run in the sandbox, compiler errors at the user's lines, configuration errors as results.
 * Skipped, with a note, where gcc or bubblewrap is missing (npm test installs both as root).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLineColumn } from '../../src/core/diagnostics.ts';
import { readdirSync } from 'node:fs';
import { detectHost } from '../../src/runner/targets/host.ts';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import {
  hasToolchain,
  loadExample,
  output,
  programWorkspace,
  runJob,
  RUNNER_FILES,
} from './native-helpers.ts';

const can = hasToolchain();
let runner: StartedRunner;

beforeAll(async () => {
  // As on a host without protection keys (the tests of what native cannot run rely on it);
  // tests/runner/mpk-native.test.ts runs the keys where the CPU has them.
  if (can) runner = await startRunner({ hostFeatures: { ...detectHost(), pku: false } });
});
afterAll(async () => {
  await runner?.close();
});

describe.skipIf(!can)(
  can ? 'native target' : 'native target (skipped: gcc or bubblewrap missing)',
  () => {
    it('builds and runs hello under fcalls: submit → done', async () => {
      const f = await runJob(runner.url, {
        files: loadExample('hello'),
        target: 'native',
        mechanism: 'fcalls',
      });
      console.log(
        `hello on native/fcalls: submit → done in ${f.ms.toFixed(0)} ms`,
        f.result.durations,
      );
      expect(f.result).toMatchObject({
        status: 'ok',
        exitCode: 0,
        mechanism: 'fcalls',
        truncated: false,
      });
      expect(output(f)).toMatch(/greeted 4 guests, printed 4 lines: ok/);
      const phases = f.events
        .filter((e) => e.event === 'phase')
        .map((e) => (e.data as { phase: string }).phase);
      expect(phases).toEqual(['check', 'rewrite', 'compile', 'run']);
      expect(readdirSync(runner.jobsRoot).filter((n) => !RUNNER_FILES.includes(n))).toEqual([]);
    });

    it('runs every example under fcalls; imgparse’s crafted image overwrites the secret', async () => {
      const cases = [
        { example: 'iperf', args: [], status: 'ok', out: /data verified/ },
        { example: 'minikv', args: [], status: 'ok', out: /520 replies as expected, 0 wrong/ },
        {
          example: 'imgparse',
          args: ['--crafted'],
          status: 'runtime-error',
          out: /secret intact: no/,
        },
      ];
      for (const c of cases) {
        const f = await runJob(runner.url, {
          files: loadExample(c.example),
          target: 'native',
          mechanism: 'fcalls',
          args: c.args,
        });
        expect(f.result.status, `${c.example}: ${JSON.stringify(f.result)}`).toBe(c.status);
        expect(output(f)).toMatch(c.out);
      }
    });

    it('reports a compiler error at the user’s file and line, not the instantiated copy', async () => {
      const files = loadExample('hello');
      const main = files['libs/app/main.c'] as string;
      const bad = main.replace('ok = rc == 0 &&', 'ok = rc == 0 && undefined_thing &&');
      expect(bad).not.toBe(main);
      const f = await runJob(runner.url, {
        files: { ...files, 'libs/app/main.c': bad },
        target: 'native',
        mechanism: 'fcalls',
      });
      expect(f.result.status).toBe('compile-error');
      const error = f.result.diagnostics.find((d) => d.code === 'runner/compile-error');
      expect(error?.span.file).toBe('libs/app/main.c');
      const at = toLineColumn(bad, error?.span.start ?? -1);
      const line = bad.split('\n').findIndex((l) => l.includes('undefined_thing')) + 1;
      expect(at).toEqual({
        line,
        column: (bad.split('\n')[line - 1] ?? '').indexOf('undefined_thing') + 1,
      });
    });

    it('ends a workspace with errors as config-error, with its diagnostics', async () => {
      const files = loadExample('hello');
      const config = (files['config.yaml'] as string).replace('greeter: comp2', 'greeter: comp9');
      const f = await runJob(runner.url, {
        files: { ...files, 'config.yaml': config },
        target: 'native',
        mechanism: 'fcalls',
      });
      expect(f.result.status).toBe('config-error');
      const d = f.result.diagnostics.find((x) => x.code === 'config/unknown-compartment');
      expect(config.slice(d?.span.start, d?.span.end)).toBe('comp9');
    });

    it('ends an image whose mechanism the target cannot run as config-error, saying why', async () => {
      const f = await runJob(runner.url, { files: loadExample('hello'), target: 'native' });
      expect(f.result.status).toBe('config-error');
      expect(f.result.diagnostics.map((d) => d.code)).toContain('runner/mechanism-unavailable');
    });

    it('reports an undeclared function behind a gate as a compile error, never builds it', async () => {
      const main = 'int main(void)\n{\n\tflexos_gate(libx, missing_fn);\n\treturn 0;\n}\n';
      const f = await runJob(runner.url, { files: programWorkspace(main), target: 'native' });
      expect(f.result.status).toBe('compile-error');
      const error = f.result.diagnostics.find((d) => d.code === 'runner/compile-error');
      expect(error?.span.file).toBe('libs/app/main.c');
      expect(toLineColumn(main, error?.span.start ?? -1).line).toBe(3);
    });

    it('never hands an odd library folder name to the compiler or the linker script', async () => {
      const files = programWorkspace('int main(void) { return 0; }\n');
      files['libs/My Lib+x/a.c'] = 'int a(void) { return 1; }\n';
      const f = await runJob(runner.url, { files, target: 'native' });
      expect(['config-error', 'compile-error']).toContain(f.result.status);
      expect(f.result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    });
  },
);
