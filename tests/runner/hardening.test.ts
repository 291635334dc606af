/**
 * Hardening in the runner and labels measured by running: each library is compiled with its
 * hardening (build/hardening-flags.ts), asan in the QEMU guest only (its 20 TB shadow does not
 * fit the native sandbox's address-space limit), what gcc cannot do said as a warning; and
 * `flexos explore --labels runner --lazy` builds and runs the configurations the frontier
 * needs. The QEMU tests are skipped, with a note, where QEMU or the guest kernel is missing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCParser } from '../../src/cli/node-parser.ts';
import { main } from '../../src/cli/main.ts';
import { createNodeIo } from '../../src/cli/node-io.ts';
import { buildWorkspace } from '../../src/core/pipeline/index.ts';
import { planHardening } from '../../src/runner/build/hardening-flags.ts';
import { guestKernel } from '../../src/runner/qemu/guest.ts';
import { startRunner } from '../../src/runner/runner.ts';
import { hasToolchain, loadExample, output, root, runJob } from './native-helpers.ts';

const hasQemu = spawnSync('qemu-system-x86_64', ['--version'], { stdio: 'ignore' }).status === 0;
const can = hasToolchain() && hasQemu && guestKernel() !== null;
const why = !hasToolchain() ? 'no gcc or bubblewrap' : !hasQemu ? 'no QEMU' : 'no guest kernel';

/** One library `app`, in one intel-mpk compartment with `hardening`, whose program is `main`. */
function hardened(hardening: string, main: string): Record<string, string> {
  return {
    'config.yaml': [
      'name: hardened',
      'compartments:',
      '  - comp1:',
      '      mechanism: intel-mpk',
      '      default: true',
      'libraries:',
      `  - app: { compartment: comp1, hardening: [${hardening}] }`,
      '',
    ].join('\n'),
    'libs/app/main.c': main,
  };
}

/** Writes one byte past a 16-byte heap block: asan stops it, nothing else notices. */
const OVERFLOW = `#include <stdio.h>
#include <stdlib.h>
static char *volatile kept; /* the block escapes: gcc cannot leave the allocation out */
int main(int argc, char **argv)
{
	char *p = malloc(16);
	(void)argv;
	kept = p;
	p[15 + argc] = 'x';
	printf("wrote past the block\\n");
	free(kept);
	return 0;
}
`;

describe('the hardening flags of each library', () => {
  let parser: Awaited<ReturnType<typeof createNodeCParser>>;
  beforeAll(async () => {
    parser = await createNodeCParser();
  });
  afterAll(() => parser?.delete());
  const plan = (hardening: string, guest: boolean) => {
    const build = buildWorkspace(
      { files: hardened(hardening, OVERFLOW), settings: { panel: 'graph' } },
      parser,
    );
    expect(build.hardening).toEqual({ app: hardening.split(', ').sort() });
    return planHardening(build, ['app'], guest);
  };

  it('compiles asan, ubsan and stack-protector with gcc’s flags in a guest', () => {
    const p = plan('asan, ubsan, stack-protector', true);
    expect(p.asan).toBe(true);
    expect(p.cflags.get('app')).toEqual([
      '-fsanitize=address',
      '-fno-omit-frame-pointer',
      '-fstack-protector-strong',
      '-fsanitize=undefined',
      '-fsanitize-undefined-trap-on-error',
    ]);
    expect(p.diagnostics).toEqual([]);
  });

  it('leaves asan out natively and cfi and safestack everywhere, each with a warning', () => {
    const p = plan('asan, cfi, safestack', false);
    expect(p.asan).toBe(false);
    expect(p.cflags.get('app')).toBeUndefined();
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.message.split(':')[0]])).toEqual([
      ['runner/hardening-not-applied', 'warning', 'asan of app is not applied here'],
      ['runner/hardening-not-applied', 'warning', 'cfi of app is not applied here'],
      ['runner/hardening-not-applied', 'warning', 'safestack of app is not applied here'],
    ]);
  });
});

describe.skipIf(!can)(
  can ? 'hardening on qemu-mpk' : `hardening on qemu-mpk (skipped: ${why})`,
  () => {
    let runner: Awaited<ReturnType<typeof startRunner>>;
    beforeAll(async () => {
      runner = await startRunner();
    });
    afterAll(async () => {
      await runner?.close();
    });
    const job = (files: Record<string, string>) =>
      runJob(runner.url, { files, target: 'qemu-mpk', mechanism: 'intel-mpk' });

    it('stops a heap overflow in a library built with asan, which runs unnoticed without it', async () => {
      const caught = await job(hardened('asan', OVERFLOW));
      expect(caught.result).toMatchObject({ status: 'runtime-error', exitCode: 1 });
      expect(output(caught)).toMatch(/AddressSanitizer: heap-buffer-overflow/);
      expect(output(caught)).not.toMatch(/wrote past the block/);
      const plain = await job(hardened('stack-protector', OVERFLOW));
      expect(plain.result).toMatchObject({ status: 'ok', exitCode: 0 });
      expect(output(plain)).toMatch(/wrote past the block/);
    }, 90_000);

    it('runs minikv with every library under asan and protection keys', async () => {
      const files = loadExample('minikv');
      const config = (files['config.yaml'] ?? '').replace(
        /- (kv|libc|sched|netstack): (comp\d)/g,
        (_, lib: string, comp: string) => `- ${lib}: { compartment: ${comp}, hardening: [asan] }`,
      );
      const f = await job({ ...files, 'config.yaml': config });
      expect(f.result).toMatchObject({ status: 'ok', exitCode: 0 });
      expect(output(f)).toMatch(/520 replies as expected, 0 wrong/);
      expect(f.result.diagnostics.filter((d) => d.code.startsWith('runner/'))).toEqual([]);
    }, 90_000);
  },
);

describe.skipIf(!can)(
  can ? 'flexos explore --labels runner' : `flexos explore --labels runner (skipped: ${why})`,
  () => {
    it('measures minikv’s frontier on qemu-mpk and says how many configurations it ran', async () => {
      const io = createNodeIo();
      const out = { stdout: '', stderr: '' };
      io.out = (t) => void (out.stdout += t);
      io.err = (t) => void (out.stderr += t);
      const code = await main(
        ['explore', join(root, 'examples/minikv'), '--labels', 'runner', '--lazy', '--json'],
        io,
      );
      expect(code, out.stderr).toBe(0);
      const json = JSON.parse(out.stdout) as {
        labels: string;
        measured: number;
        frontierDetails: { id: string; value?: number; kind?: string }[];
      };
      // No budget: the frontier is the five safest configurations, each measured once.
      expect(json).toMatchObject({ labels: 'measure', measured: 5 });
      expect(json.frontierDetails).toHaveLength(5);
      for (const m of json.frontierDetails) {
        expect(m.kind).toBe('measured');
        expect(m.value).toBeGreaterThan(0);
      }
      expect(out.stderr).toMatch(
        /^Ran 5 configurations on qemu-mpk at http:\/\/127\.0\.0\.1:\d+\.$/m,
      );
      // netstack's cfi is not something gcc can do: said for each run, never silently dropped.
      expect(out.stderr).toMatch(
        /^ {2}warning runner\/hardening-not-applied: cfi of netstack is not applied here/m,
      );
      console.log(
        'minikv frontier, requests/s on qemu-mpk:',
        json.frontierDetails.map((m) => `${m.id} = ${m.value}`),
      );
    }, 240_000);
  },
);
