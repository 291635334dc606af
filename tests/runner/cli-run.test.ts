/**
 * `flexos run` through the real CLI `main()`: with a runner started in the CLI's process, with
 * `--runner URL` of a started runner, compiler errors at the user's lines, `--json`, and the
 * errors of the command itself. The jobs really build with gcc and run in bubblewrap; those
 * tests are skipped, with a note, where either is missing (native-helpers.ts).
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { createNodeIo } from '../../src/cli/node-io.ts';
import { faultBlock, statusLine } from '../../src/cli/run-output.ts';
import type { Fault, JobResult } from '../../src/runner/api/index.ts';
import { detectHost } from '../../src/runner/targets/host.ts';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import { hasToolchain, programWorkspace, root } from './native-helpers.ts';

const can = hasToolchain();
const HELLO = join(root, 'examples', 'hello');
const HELLO_SAYS = 'greeted 4 guests, printed 4 lines: ok';

/** Runs `flexos ARGV` in this process; its exit code and what it wrote to each stream. */
async function flexos(argv: string[]) {
  const io = createNodeIo();
  const out = { stdout: '', stderr: '' };
  io.out = (t) => void (out.stdout += t);
  io.err = (t) => void (out.stderr += t);
  const code = await main(argv, io);
  return { code, ...out };
}

let runner: StartedRunner | undefined;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'flexos-cli-run-'));
  // As on a host without protection keys (the tests of what native cannot run rely on it);
  // tests/runner/mpk-native.test.ts runs the keys where the CPU has them.
  if (can) runner = await startRunner({ hostFeatures: { ...detectHost(), pku: false } });
}, 60_000);
afterAll(async () => {
  await runner?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!can)(
  can ? 'flexos run on the native target' : 'flexos run (skipped: gcc or bubblewrap missing)',
  () => {
    it('runs hello with a runner of its own and closes it', async () => {
      const r = await flexos(['run', HELLO, '--mechanism', 'fcalls']);
      expect(r.stderr).toContain('[starting a runner in this process]');
      expect(r.stdout).toContain(HELLO_SAYS);
      expect(r.stderr).toMatch(/\[compile\]\n\[run\]\n/);
      expect(r.stderr).toMatch(/flexos run: ok \(native, fcalls, exit status 0\)/);
      expect(r.code).toBe(0);
      // Its job folder is gone with it: no runner of this process is left but the test's own.
      const left = readdirSync(tmpdir()).filter((n) =>
        n.startsWith(`flexos-runner-${process.pid}-`),
      );
      expect(left).toEqual([runner?.jobsRoot.split('/').pop()]);
    }, 60_000);

    it('runs hello on the runner at --runner URL, stdout exactly what the program printed', async () => {
      const r = await flexos([
        'run',
        HELLO,
        '--runner',
        `${runner?.url}/`,
        '--mechanism',
        'fcalls',
      ]);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(HELLO_SAYS);
      expect(r.stdout).not.toContain('[');
      expect(r.stderr).not.toContain('starting a runner');
      expect(r.code).toBe(0);
    }, 60_000);

    it('runs imgparse --crafted: a fault under vm-ept, the key corrupted (exit 2) under fcalls', async () => {
      const imgparse = join(root, 'examples', 'imgparse');
      const base = ['run', imgparse, '--runner', `${runner?.url}`];
      const vm = await flexos([...base, '--mechanism', 'vm-ept', '--', '--crafted']);
      expect(vm.stdout).toContain('app: crafted upload');
      expect(vm.stdout).not.toContain('secret intact');
      expect(vm.stderr).toMatch(
        /library imgparse \(compartment 1\) wrote to 0x[0-9a-f]+ \(api_key\),/,
      );
      expect(vm.stderr).toMatch(/ {2}at libs\/imgparse\/pgm\.c:\d+, in pgm_decode/);
      expect(vm.stderr).toMatch(/in the bss of library app \(compartment 0\)/);
      expect(vm.code).toBe(1);
      const plain = await flexos([...base, '--mechanism', 'fcalls', '--', '--crafted']);
      expect(plain.stdout).toContain('secret intact: no');
      expect(plain.stderr).toMatch(/exit (status|code) 2/);
      expect(plain.code).toBe(1);
    }, 60_000);

    it('runs imgparse --crafted on qemu-mpk: a protection-key fault naming api_key', async (ctx) => {
      const targets = (await (await fetch(`${runner?.url}/api/targets`)).json()) as {
        targets: { id: string; available: boolean }[];
      };
      if (!targets.targets.some((t) => t.id === 'qemu-mpk' && t.available)) ctx.skip();
      const imgparse = join(root, 'examples', 'imgparse');
      const r = await flexos([
        'run',
        imgparse,
        '--runner',
        `${runner?.url}`,
        '--target',
        'qemu-mpk',
        '--',
        '--crafted',
      ]);
      expect(r.stderr).toMatch(
        /library imgparse \(compartment 1\) wrote to 0x[0-9a-f]+ \(api_key\),/,
      );
      expect(r.stderr).toMatch(/ {2}at libs\/imgparse\/pgm\.c:\d+, in pgm_decode/);
      expect(r.code).toBe(1);
    }, 60_000);

    it('maps a compiler error to the user’s path:line:col and exits 1', async () => {
      const dir = join(tmp, 'broken');
      cpSync(HELLO, dir, { recursive: true });
      const mainC = join(dir, 'libs', 'app', 'main.c');
      const good = readFileSync(mainC, 'utf8');
      const bad = good.replace('ok = rc == 0 &&', 'ok = rc == 0 && undefined_thing &&');
      expect(bad).not.toBe(good);
      writeFileSync(mainC, bad);
      const lines = bad.split('\n');
      const line = lines.findIndex((l) => l.includes('undefined_thing')) + 1;
      const column = (lines[line - 1] as string).indexOf('undefined_thing') + 1;
      const r = await flexos([
        'run',
        dir,
        '--runner',
        runner?.url as string,
        '--mechanism',
        'fcalls',
      ]);
      expect(r.stderr).toContain(`${mainC}:${line}:${column}: error runner/compile-error: `);
      expect(r.stderr).toMatch(/flexos run: compile-error \(native, fcalls\)/);
      expect(r.code).toBe(1);
    }, 60_000);

    it('prints NDJSON with --json: every event, then the result', async () => {
      const url = runner?.url as string;
      const r = await flexos(['run', HELLO, '--runner', url, '--json', '--mechanism', 'fcalls']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const lines = r.stdout.trimEnd().split('\n');
      const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const events = objects.slice(0, -1) as { event: string; data: unknown }[];
      expect(events.map((e) => Object.keys(e))).toEqual(events.map(() => ['event', 'data']));
      const phases = events.filter((e) => e.event === 'phase').map((e) => e.data);
      expect(phases).toEqual(['check', 'rewrite', 'compile', 'run'].map((phase) => ({ phase })));
      expect(events.at(-1)?.event).toBe('done');
      const out = events
        .filter((e) => e.event === 'stdout')
        .map((e) => (e.data as { text: string }).text);
      expect(out.join('')).toContain(HELLO_SAYS);
      expect(objects.at(-1)).toMatchObject({
        event: 'result',
        result: { status: 'ok', target: 'native', mechanism: 'fcalls', exitCode: 0 },
        diagnostics: [
          { code: 'config/fcalls-no-isolation', file: `${HELLO}/config.yaml`, line: 1, column: 1 },
        ],
      });
    }, 60_000);

    it('runs the image’s own mechanism or says why not, never another (exit 1)', async () => {
      const r = await flexos(['run', HELLO, '--runner', runner?.url as string]);
      expect(r.stderr).toMatch(
        new RegExp(
          `${HELLO}/config.yaml:\\d+:\\d+: error runner/mechanism-unavailable: This target cannot run intel-mpk: `,
        ),
      );
      expect(r.stderr).toMatch(/flexos run: config-error \(native, intel-mpk\)/);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      const asked = await flexos([
        'run',
        HELLO,
        '--runner',
        runner?.url as string,
        '--mechanism',
        'intel-mpk',
      ]);
      expect(asked.stderr).toMatch(/^flexos run: native cannot run intel-mpk: /m);
      expect(asked.code).toBe(1);
    }, 60_000);

    it('passes the arguments after -- and --stdin FILE to the program', async () => {
      const echo = [
        '#include <stdio.h>',
        'int main(int argc, char **argv)',
        '{',
        '\tchar line[64];',
        '\tfor (int i = 1; i < argc; i++)',
        '\t\tprintf("arg %d: %s\\n", i, argv[i]);',
        '\tif (fgets(line, sizeof line, stdin))',
        '\t\tprintf("stdin: %s", line);',
        '\treturn 3;',
        '}',
        '',
      ].join('\n');
      const dir = join(tmp, 'echo');
      for (const [path, text] of Object.entries(programWorkspace(echo))) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      writeFileSync(join(tmp, 'input.txt'), 'from a file\n');
      const r = await flexos([
        'run',
        dir,
        '--runner',
        runner?.url as string,
        '--stdin',
        join(tmp, 'input.txt'),
        '--',
        '--json',
        'two words',
      ]);
      expect(r.stdout).toBe('arg 1: --json\narg 2: two words\nstdin: from a file\n');
      expect(r.stderr).toMatch(/flexos run: runtime-error \(native, fcalls, exit status 3\)/);
      expect(r.code).toBe(1);
    }, 60_000);
  },
);

describe('flexos run without a runner to reach, or with bad options', () => {
  it('exits 2 and says how to start a runner when none answers at --runner', async () => {
    const r = await flexos(['run', HELLO, '--runner', 'http://127.0.0.1:1']);
    expect(r.stderr).toContain('flexos run: no runner answers at http://127.0.0.1:1');
    expect(r.stderr).toContain('npm start');
    expect(r.stderr).toContain('npm run runner');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('exits 2 on a usage or input error, before any runner is involved', async () => {
    const cases = [
      [['run'], /^usage: flexos run DIR/],
      [['run', HELLO, 'extra'], /the program’s arguments go after --/],
      [['run', HELLO, '--mechanism', 'mpk'], /unknown mechanism mpk; one of fcalls, intel-mpk/],
      [['run', HELLO, '--sharing', 'all'], /unknown sharing mode all/],
      [['run', HELLO, '--runner', 'ftp://x'], /not an http or https URL/],
      [['run', join(tmp, 'nothing-here')], /is not a directory/],
      [
        ['run', HELLO, '--runner', 'http://127.0.0.1:1', '--stdin', join(tmp, 'no')],
        /no such file/,
      ],
    ] as const;
    for (const [argv, message] of cases) {
      const r = await flexos([...argv]);
      expect(r.stderr, argv.join(' ')).toMatch(message);
      expect(r.code, argv.join(' ')).toBe(2);
    }
  });
});

describe('following the event stream', () => {
  // A scripted stand-in for the runner's two routes, to cut the stream at a chosen event:
  // the real server never drops a connection on purpose.
  let server: Server;
  let base = '';
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    const event = (id: number, name: string, data: unknown) =>
      `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
    const done = {
      status: 'ok',
      target: 'native',
      mechanism: 'fcalls',
      exitCode: 0,
      signal: null,
      durations: {},
      truncated: false,
      diagnostics: [],
    };
    server = createServer((req, res) => {
      if (req.method === 'POST') {
        req.resume();
        res.writeHead(202, { 'content-type': 'application/json' });
        return res.end('{"id":"j1"}');
      }
      const last = req.headers['last-event-id'] as string | undefined;
      seen.push(last);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (last === undefined) {
        res.write(': ping\n\n');
        res.write(event(1, 'phase', { phase: 'run' }));
        res.write(event(2, 'stdout', { text: 'part one\n' }));
        // Cut mid-event: the half-written event 3 must not be taken.
        res.write('id: 3\nevent: stdout\ndata: {"text":"lost');
        setTimeout(() => res.destroy(), 50);
        return;
      }
      res.write(event(3, 'stdout', { text: 'part two\n' }));
      res.end(event(4, 'done', done));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('resumes a dropped stream with Last-Event-ID, losing and repeating nothing', async () => {
    const r = await flexos(['run', HELLO, '--runner', base, '--mechanism', 'fcalls']);
    expect(seen).toEqual([undefined, '2']);
    expect(r.stdout).toBe('part one\npart two\n');
    expect(r.code).toBe(0);
  });
});

describe('the text output', () => {
  const result: JobResult = {
    status: 'fault',
    target: 'native',
    mechanism: 'intel-mpk',
    exitCode: null,
    signal: 'SIGSEGV',
    durations: { check: 3.2, rewrite: 20.4, compile: 1234, run: 7 },
    truncated: true,
    diagnostics: [],
    reason: 'died of SIGSEGV',
    fault: {
      compartment: 2,
      library: 'imgparse',
      address: '0x7f0000001000',
      ownerCompartment: 1,
      ownerLibrary: 'app',
      access: 'write',
      region: 'data',
    },
  };

  it('shows a fault as who touched what, of whom', () => {
    expect(faultBlock(result.fault as Fault)).toBe(
      [
        'separation fault:',
        '  library imgparse (compartment 2) wrote to 0x7f0000001000,',
        '  in the data of library app (compartment 1)',
      ].join('\n'),
    );
  });

  it('ends with one status line: how, why, where the time went', () => {
    expect(statusLine(result)).toBe(
      'flexos run: fault (native, intel-mpk, signal SIGSEGV); check 3 ms, rewrite 20 ms, ' +
        'compile 1.2 s, run 7 ms; output truncated at the runner’s limit',
    );
    expect(
      statusLine({
        ...result,
        status: 'timeout',
        signal: 'SIGKILL',
        reason: 'wall-clock limit of 10 s',
        truncated: false,
        durations: {},
      }),
    ).toBe('flexos run: timeout (native, intel-mpk, signal SIGKILL, wall-clock limit of 10 s)');
  });
});
