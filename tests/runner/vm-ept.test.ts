/**
 * `vm-ept` as one process per compartment, for real (rt/start.c): the examples run with
 * their gates as RPCs between processes; memory one compartment did not share faults in
 * another, and the fault names both libraries and the region hit. Skipped, with a note, where
 * gcc or bubblewrap is missing (npm test installs both as root).
 */
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsResponse } from '../../src/runner/api/schemas.ts';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import { DEFAULT_UID_BASE } from '../../src/runner/targets/native.ts';
import {
  hasToolchain,
  loadExample,
  output,
  processesOf,
  runJob,
  RUNNER_FILES,
} from './native-helpers.ts';

const can = hasToolchain();
const uidBase = DEFAULT_UID_BASE + 200;
let runner: StartedRunner;

beforeAll(async () => {
  if (can) runner = await startRunner({ uidBase });
});
afterAll(async () => {
  await runner?.close();
});
afterEach(() => {
  if (!can) return;
  // A fault or exit() in one compartment's process takes every process of the program along.
  expect(processesOf([uidBase, uidBase + 1]), 'sandbox processes left').toEqual([]);
  expect(readdirSync(runner.jobsRoot).filter((n) => !RUNNER_FILES.includes(n))).toEqual([]);
});

/** Two vm-ept compartments: `app` (0) calls into `lib` (1). */
function twoLibraries(app: string, lib: string, header: string): Record<string, string> {
  return {
    'config.yaml': [
      'name: pair',
      'compartments:',
      '  - a: { mechanism: vm-ept, default: true }',
      '  - b: { mechanism: vm-ept }',
      'libraries:',
      '  - app: a',
      '  - lib: b',
      '',
    ].join('\n'),
    'libs/app/main.c': `#include <errno.h>\n#include <stdio.h>\n#include "../lib/lib.h"\n${app}`,
    'libs/lib/lib.c': `#include <errno.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include "lib.h"\n${lib}`,
    'libs/lib/lib.h': header,
  };
}

const job = (files: Record<string, string>, args: string[] = []) =>
  runJob(runner.url, { files, target: 'native', mechanism: 'vm-ept', args });

describe.skipIf(!can)(
  can ? 'vm-ept as processes' : 'vm-ept as processes (skipped: gcc or bubblewrap missing)',
  () => {
    it('is offered by the native target as page-table isolation (processes)', async () => {
      const res = (await (await fetch(`${runner.url}/api/targets`)).json()) as TargetsResponse;
      const native = res.targets.find((t) => t.id === 'native');
      expect(native?.mechanisms.find((m) => m.mechanism === 'vm-ept')).toMatchObject({
        enforced: true,
        label: 'page-table isolation (processes)',
      });
    });

    it('runs hello, its callback crossing back into the app’s process', async () => {
      const f = await job(loadExample('hello'));
      console.log(
        `hello on native/vm-ept: submit → done in ${f.ms.toFixed(0)} ms`,
        f.result.durations,
      );
      expect(f.result).toMatchObject({ status: 'ok', exitCode: 0, mechanism: 'vm-ept' });
      expect(output(f)).toMatch(/Hello, Ada! \(greeting #1\)[^]*printed 4 lines: ok/);
    });

    it('runs iperf, minikv and imgparse’s benign image', async () => {
      const cases = [
        { example: 'iperf', args: [], out: /data verified/ },
        { example: 'minikv', args: [], out: /520 replies as expected, 0 wrong/ },
        { example: 'imgparse', args: [], out: /secret intact: yes/ },
      ];
      for (const c of cases) {
        const f = await job(loadExample(c.example), c.args);
        expect(f.result.status, `${c.example}: ${JSON.stringify(f.result)}`).toBe('ok');
        expect(output(f)).toMatch(c.out);
      }
    });

    it('measures a process-RPC gate with gatebench, reported as metric events', async () => {
      const f = await job(loadExample('gatebench'));
      expect(f.result.status).toBe('ok');
      const metrics = f.events
        .filter((e) => e.event === 'metric')
        .map((e) => e.data as { name: string; value: number; unit: string });
      const gate = metrics.find((m) => m.name === 'gate_ns');
      const plain = metrics.find((m) => m.name === 'plain_call_ns');
      console.log(
        `gatebench on native/vm-ept: ${gate?.value} ns per gate, ${plain?.value} ns per call`,
      );
      expect(gate?.unit).toBe('ns');
      // A round trip between two processes costs far more than a call.
      expect(gate?.value).toBeGreaterThan(10 * (plain?.value ?? Infinity));
    });

    it('stops imgparse’s crafted image with a fault: the parser wrote the app’s bss', async () => {
      const f = await job(loadExample('imgparse'), ['--crafted']);
      const fault = {
        compartment: 1,
        library: 'imgparse',
        ownerCompartment: 0,
        ownerLibrary: 'app',
        region: 'bss',
        access: 'write',
      };
      expect(f.result).toMatchObject({ status: 'fault', signal: 'SIGSEGV', fault });
      // The variable from the program's symbols, the line from its debug information.
      const pgm = loadExample('imgparse')['libs/imgparse/pgm.c'] ?? '';
      const line = pgm.split('\n').findIndex((l) => l.includes('pixels[i] = v;')) + 1;
      expect(f.result.fault).toMatchObject({
        variable: 'api_key',
        source: { file: 'libs/imgparse/pgm.c', line, function: 'pgm_decode' },
      });
      expect(f.result.reason).toBe(
        `imgparse (compartment 1) wrote \`api_key\` in the bss of app (compartment 0) at ${f.result.fault?.address}, in pgm_decode at libs/imgparse/pgm.c:${line}`,
      );
      expect(f.events.find((e) => e.event === 'fault')?.data).toMatchObject(fault);
      expect(output(f)).toMatch(/app: crafted upload/);
      expect(output(f)).not.toMatch(/secret intact/);
    });

    it('faults on a local passed across a gate without being shared (the app’s stack)', async () => {
      const f = await job(
        twoLibraries(
          'int main(void)\n{\n\tint local = 1;\n\tflexos_gate(liblib, poke, &local);\n\tprintf("not reached %d\\n", local);\n\treturn 0;\n}\n',
          'void poke(int *p)\n{\n\t*p = 42;\n}\n',
          'void poke(int *p);\n',
        ),
      );
      expect(f.result).toMatchObject({
        status: 'fault',
        fault: {
          library: 'lib',
          ownerLibrary: 'app',
          region: 'stack',
          access: 'write',
          source: { file: 'libs/lib/lib.c', line: 7, function: 'poke' },
        },
      });
      expect(f.result.fault?.suspect).toMatchObject({ variable: 'local', file: 'libs/app/main.c' });
      expect(f.result.reason).toMatch(
        /a pointer to `local` \(a local of app, libs\/app\/main\.c:\d+\) crossed a gate; mark it flexos_whitelist$/,
      );
    });

    it('faults on a jump into the app’s code that skipped its gate (text, execute)', async () => {
      const f = await job(
        twoLibraries(
          'static int hidden(void)\n{\n\treturn 7;\n}\n\nint main(void)\n{\n\tint r = 0;\n\tflexos_gate_r(liblib, r, call_it, hidden);\n\treturn r;\n}\n',
          'int call_it(int (*f)(void))\n{\n\treturn f();\n}\n',
          'int call_it(int (*f)(void));\n',
        ),
      );
      expect(f.result).toMatchObject({
        status: 'fault',
        fault: { library: 'lib', ownerLibrary: 'app', region: 'text', access: 'execute' },
      });
    });

    it('brings the result and errno back, and exit() in a library ends the program', async () => {
      const f = await job(
        twoLibraries(
          'int main(void)\n{\n\tint r = 0;\n\tflexos_gate_r(liblib, r, fails, 5);\n\tprintf("r=%d enoent=%d\\n", r, errno == ENOENT);\n\tflexos_gate(liblib, bye, 3);\n\tprintf("not reached\\n");\n\treturn 0;\n}\n',
          'int fails(int x)\n{\n\terrno = ENOENT;\n\treturn -x;\n}\n\nvoid bye(int code)\n{\n\tprintf("bye\\n");\n\texit(code);\n}\n',
          'int fails(int x);\nvoid bye(int code);\n',
        ),
      );
      expect(f.result).toMatchObject({ status: 'runtime-error', exitCode: 3 });
      expect(output(f)).toBe('r=-5 enoent=1\nbye\n');
    });
  },
);
