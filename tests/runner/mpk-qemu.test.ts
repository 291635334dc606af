/**
 * The Intel MPK runtime for real, on any x86-64 host: programs built with `-DFLEXOS_MPK`
 * (one protection key per compartment, gates that switch PKRU and the stack: rt/start.c) run
 * in a QEMU guest whose emulated CPU enforces the keys (src/runner/qemu/guest.ts). The
 * examples give the output they give under fcalls in every sharing mode; imgparse's crafted
 * image and a forgotten whitelist fault, named like vm-ept's faults. Skipped, with a note,
 * where QEMU, the guest kernel (fetched by `npm test`'s setup) or static gcc is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCParser } from '../../src/cli/node-parser.ts';
import type { SharingMode } from '../../src/core/model.ts';
import { applyEdits } from '../../src/core/diagnostics.ts';
import { analyzeWorkspace, buildWorkspace } from '../../src/core/pipeline/index.ts';
import { parseFaultReport } from '../../src/runner/build/fault-report.ts';
import { withMechanism } from '../../src/runner/build/with-mechanism.ts';
import { initramfs } from '../../src/runner/qemu/initramfs.ts';
import { guestKernel, qemuArgs, readGuestOutput } from '../../src/runner/qemu/guest.ts';
import { startRunner } from '../../src/runner/runner.ts';
import { gccBuild } from './gcc-build.ts';
import { loadExample, output, root, runJob } from './native-helpers.ts';

const rt = join(root, 'src/runner/rt');
const kernel = guestKernel();
const hasQemu = spawnSync('qemu-system-x86_64', ['--version'], { stdio: 'ignore' }).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'flexos-mpk-test-'));
const init = join(tmp, 'init');
const hasStaticGcc =
  spawnSync('gcc', ['-static', '-O1', '-o', init, join(rt, 'guest-init.c')], { stdio: 'ignore' })
    .status === 0;
const can = kernel !== null && hasQemu && hasStaticGcc;
const why = !hasQemu ? 'no QEMU' : kernel === null ? 'no guest kernel' : 'no static gcc';
let parser: Awaited<ReturnType<typeof createNodeCParser>>;

beforeAll(async () => {
  parser = await createNodeCParser();
});
afterAll(() => {
  parser?.delete();
  rmSync(tmp, { recursive: true, force: true });
});

let builds = 0;

/** Builds `files` for intel-mpk with `sharing` as the runner does, statically linked. */
function build(files: Record<string, string>, sharing: SharingMode): string {
  const ws = withMechanism({ files, settings: { panel: 'graph' } }, 'intel-mpk');
  if (!ws) throw new Error('no image');
  return gccBuild(buildWorkspace(ws, parser, { sharing }), join(tmp, `build${builds++}`), {
    static: true,
  });
}

/** Boots the guest with `prog` and `args`; its output, fault report and exit. */
function boot(prog: string, args: string[] = []) {
  const initrd = join(dirname(prog), 'initrd.cpio');
  const enc = new TextEncoder();
  writeFileSync(
    initrd,
    initramfs([
      { name: 'init', data: readFileSync(init), executable: true },
      { name: 'prog', data: readFileSync(prog), executable: true },
      { name: 'args', data: enc.encode(args.map((a) => `${a}\0`).join('')) },
      { name: 'stdin', data: new Uint8Array(0) },
    ]),
  );
  const started = performance.now();
  // The console goes to a file, as the runner has it: QEMU drops what a slow pipe refuses.
  const console = join(dirname(prog), 'console.out');
  spawnSync('qemu-system-x86_64', qemuArgs(kernel ?? '', initrd, 256, console), {
    stdio: 'ignore',
    timeout: 60_000,
  });
  const guest = readGuestOutput(readFileSync(console, 'utf8'));
  return { ...guest, fault: parseFaultReport(guest.reports), ms: performance.now() - started };
}

const SAYS: Record<string, RegExp> = {
  hello: /greeted 4 guests, printed 4 lines: ok/,
  iperf: /transfer complete, data verified/,
  minikv: /520 replies as expected, 0 wrong/,
  imgparse: /secret intact: yes/,
};

describe.skipIf(!can)(
  can ? 'Intel MPK in a QEMU guest' : `Intel MPK in a QEMU guest (skipped: ${why})`,
  () => {
    for (const sharing of ['heap', 'dss', 'shared-stack'] as const) {
      it(`runs every example with protection keys, sharing: ${sharing}`, () => {
        for (const [example, says] of Object.entries(SAYS)) {
          const g = boot(build(loadExample(example), sharing));
          if (example === 'hello')
            console.log(
              `hello, intel-mpk (${sharing}) in QEMU: ${g.ms.toFixed(0)} ms boot to power-off`,
            );
          expect(g.exit, `${example}: ${g.output.slice(-400)}`).toEqual({ code: 0, signal: null });
          expect(g.output).toMatch(says);
          expect(g.fault).toBeNull();
        }
      }, 240_000);
    }

    it('stops imgparse’s crafted image with a key fault in the app’s bss', () => {
      const g = boot(build(loadExample('imgparse'), 'heap'), ['--crafted']);
      expect(g.output).toContain('app: crafted upload');
      expect(g.output).not.toContain('secret intact');
      expect(g.fault).toMatchObject({
        compartment: 1,
        ownerCompartment: 0,
        region: 'bss',
        access: 'write',
      });
    }, 60_000);

    it('faults on a forgotten whitelist: greeter reads a local of the app on its stack', () => {
      const files = loadExample('hello');
      const main = files['libs/app/main.c'] ?? '';
      const planted = main.replace(
        /size_t greeted __attribute__\(\(flexos_whitelist\)\)/,
        'size_t greeted',
      );
      expect(planted).not.toBe(main);
      const g = boot(build({ ...files, 'libs/app/main.c': planted }, 'heap'));
      expect(g.fault).toMatchObject({
        compartment: 1,
        ownerCompartment: 0,
        region: 'stack',
        access: 'read',
      });
    }, 60_000);
  },
);

describe.skipIf(!can)(can ? 'the qemu-mpk target' : `the qemu-mpk target (skipped: ${why})`, () => {
  let runner: Awaited<ReturnType<typeof startRunner>>;
  beforeAll(async () => {
    runner = await startRunner();
  });
  afterAll(async () => {
    await runner?.close();
  });
  const job = (files: Record<string, string>, args: string[] = []) =>
    runJob(runner.url, { files, target: 'qemu-mpk', mechanism: 'intel-mpk', args });

  it('runs hello with protection keys: submit → done', async () => {
    const f = await job(loadExample('hello'));
    console.log(
      `hello on qemu-mpk/intel-mpk: submit → done in ${f.ms.toFixed(0)} ms`,
      f.result.durations,
    );
    expect(f.result).toMatchObject({ status: 'ok', exitCode: 0, target: 'qemu-mpk' });
    expect(output(f)).toMatch(/printed 4 lines: ok\n$/);
  }, 60_000);

  it('ends imgparse --crafted as a fault naming api_key and the line of pgm.c', async () => {
    const f = await job(loadExample('imgparse'), ['--crafted']);
    const pgm = loadExample('imgparse')['libs/imgparse/pgm.c'] ?? '';
    const line = pgm.split('\n').findIndex((l) => l.includes('pixels[i] = v;')) + 1;
    expect(f.result).toMatchObject({
      status: 'fault',
      fault: {
        library: 'imgparse',
        ownerLibrary: 'app',
        region: 'bss',
        access: 'write',
        variable: 'api_key',
        source: { file: 'libs/imgparse/pgm.c', line, function: 'pgm_decode' },
      },
    });
  }, 60_000);

  it('stops a guest program that never stops printing, its output capped', async () => {
    const files = {
      'config.yaml': [
        'name: flood',
        'compartments:',
        '  - comp1:',
        '      mechanism: intel-mpk',
        '      default: true',
        'libraries:',
        '  - app: comp1',
        '',
      ].join('\n'),
      'libs/app/main.c':
        '#include <stdio.h>\nint main(void)\n{\n\tfor (unsigned long i = 0;; i++)\n\t\tprintf("line %lu\\n", i);\n}\n',
    };
    const f = await job(files);
    expect(f.result).toMatchObject({ status: 'timeout', truncated: true });
    expect(f.result.reason).toMatch(/limit of .*\(QEMU, the guest’s boot included\)$/);
    // What came back is the start of the output, in order, with nothing lost in between.
    const lines = output(f)
      .split('\n')
      .filter((l) => l.startsWith('line '));
    expect(lines.length).toBeGreaterThan(1000);
    lines.slice(0, -1).forEach((l, i) => expect(l).toBe(`line ${i}`));
  }, 90_000);

  it('names the heap block a fault hits: its size and the line that allocated it', async () => {
    const main = [
      '#include <stdio.h>',
      '#include "../filler/filler.h"',
      'int main(void)',
      '{',
      '\tchar *buf = uk_malloc(flexos_comp0_alloc, 48); /* private to the app */',
      '\tflexos_gate(libfiller, fill, buf, 48);',
      '\tprintf("filled\\n");',
      '\treturn 0;',
      '}',
      '',
    ].join('\n');
    const files = {
      'config.yaml': [
        'name: heapfault',
        'compartments:',
        '  - comp1:',
        '      mechanism: intel-mpk',
        '      default: true',
        '  - comp2:',
        '      mechanism: intel-mpk',
        'libraries:',
        '  - app: comp1',
        '  - filler: comp2',
        '',
      ].join('\n'),
      'libs/app/main.c': main,
      'libs/filler/filler.h': 'void fill(char *p, int n);\n',
      'libs/filler/filler.c':
        '#include "filler.h"\nvoid fill(char *p, int n)\n{\n\tfor (int i = 0; i < n; i++)\n\t\tp[i] = 1;\n}\n',
    };
    const f = await job(files);
    expect(f.result).toMatchObject({
      status: 'fault',
      fault: {
        library: 'filler',
        ownerLibrary: 'app',
        region: 'heap',
        access: 'write',
        block: {
          size: 48,
          offset: 0,
          freed: false,
          allocated: { file: 'libs/app/main.c', line: 5, function: 'main' },
        },
        source: { file: 'libs/filler/filler.c', line: 5, function: 'fill' },
      },
    });
    expect(f.result.reason).toMatch(
      /^filler \(compartment 1\) wrote byte 0 of a 48-byte heap block of app \(compartment 0\) at 0x[0-9a-f]+ \(allocated in main at libs\/app\/main\.c:5\), in fill at libs\/filler\/filler\.c:5$/,
    );
  }, 60_000);

  it('ends a forgotten whitelist as a fault on the app’s stack with the fix to make', async () => {
    const files = loadExample('hello');
    const main = files['libs/app/main.c'] ?? '';
    const planted = main.replace(
      /size_t greeted __attribute__\(\(flexos_whitelist\)\)/,
      'size_t greeted',
    );
    const f = await job({ ...files, 'libs/app/main.c': planted });
    expect(f.result).toMatchObject({
      status: 'fault',
      fault: { library: 'greeter', ownerLibrary: 'app', region: 'stack' },
    });
    // The same local the editor's analysis flags (what "Insert gates" reports), with its fix.
    const line = planted.split('\n').findIndex((l) => l.includes('size_t greeted')) + 1;
    expect(f.result.fault?.suspect).toMatchObject({
      variable: 'greeted',
      file: 'libs/app/main.c',
      line,
    });
    expect(f.result.reason).toMatch(
      /a pointer to `greeted` \(a local of app, libs\/app\/main\.c:\d+\) crossed a gate; mark it flexos_whitelist$/,
    );
    const fix = f.result.fault?.suspect?.fix;
    expect(fix?.title).toBe("Whitelist 'greeted'");
    // Found before running too: the live analysis (Problems panel, flexos check) flags the
    // same local with the same fix.
    const analysed = analyzeWorkspace(
      { files: { ...files, 'libs/app/main.c': planted }, settings: { panel: 'graph' } },
      { parser },
    );
    const found = analysed.diagnostics.filter((d) => d.code === 'rewrite/address-crosses-gate');
    expect(found).toHaveLength(1);
    expect(found[0]?.fixes?.[0]).toEqual(fix);
    const fixed = applyEdits(planted, fix?.edits ?? []);
    expect(fixed).toContain('greeted __attribute__((flexos_whitelist))');
    const again = await job({ ...files, 'libs/app/main.c': fixed });
    expect(again.result.status).toBe('ok');
    expect(output(again)).toMatch(/printed 4 lines: ok/);
  }, 90_000);
});
