import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portCommand } from '../../../src/cli/commands/port.ts';
import { rewriteCommand } from '../../../src/cli/commands/rewrite.ts';
import { createMemoryIo } from '../cli/memory-io.ts';
import { EXAMPLES, exampleSources, getParser, stripGates } from './support.ts';

/** An in-memory file system and captured output. */
/** The shared in-memory io, with what was printed as lists like the assertions read them. */
function memoryIo(files: Record<string, string>) {
  const io = createMemoryIo(files);
  return {
    io,
    files,
    out: { join: (_separator?: string) => io.stdout },
    err: { join: (_separator?: string) => io.stderr },
  };
}

function hello(): Record<string, string> {
  const dir = join(EXAMPLES, 'hello');
  const files: Record<string, string> = {
    'hello/config.yaml': readFileSync(join(dir, 'config.yaml'), 'utf8'),
  };
  for (const c of ['app', 'greeter'])
    files[`hello/components/${c}.flexos`] = readFileSync(
      join(dir, `components/${c}.flexos`),
      'utf8',
    );
  for (const s of exampleSources(dir)) files[`hello/${s.file}`] = s.text;
  return files;
}

describe('flexos rewrite', () => {
  it('prints one instantiated file', async () => {
    const m = memoryIo(hello());
    const code = await rewriteCommand(
      [
        '--config',
        'hello/config.yaml',
        '--lib',
        'app',
        '--sharing',
        'dss',
        'hello/libs/app/main.c',
      ],
      m.io,
    );
    expect(code).toBe(0);
    expect(m.out.join('')).toContain('flexos_intelpku_gate_r(0, 1, rc, greet_all');
    expect(m.out.join('')).toContain('_dss_greeted');
  });

  it('writes the build the app downloads: kraft.yaml, sources, build/ with fragments and gates.json', async () => {
    const m = memoryIo(hello());
    const code = await rewriteCommand(['hello', '--out', 'out'], m.io);
    expect(code).toBe(0);
    expect(
      Object.keys(m.files)
        .filter((f) => f.startsWith('out/'))
        .sort(),
    ).toEqual([
      'out/build/artefacts.json',
      'out/build/gates.json',
      'out/build/libgreeter.ld',
      'out/config.yaml',
      'out/kraft.yaml',
      'out/libs/app/main.c',
      'out/libs/greeter/greeter.c',
      'out/libs/greeter/greeter.h',
    ]);
    const table = JSON.parse(m.files['out/build/gates.json'] ?? '{}') as {
      gates: { caller: string; callee: string; sites: number; kind: string }[];
    };
    expect(table.gates.map((g) => `${g.caller}->${g.callee} ${g.sites} ${g.kind}`)).toEqual([
      'app->greeter 2 real',
      'greeter->app 1 real',
    ]);
  });

  it('rejects bad usage', async () => {
    const m = memoryIo(hello());
    expect(await rewriteCommand(['hello'], m.io)).toBe(2);
    expect(await rewriteCommand(['--config', 'hello/config.yaml', 'x.c'], m.io)).toBe(2);
    expect(await rewriteCommand(['hello', '--out', 'o', '--sharing', 'stack'], m.io)).toBe(2);
  });
});

describe('flexos port', () => {
  it('gives the placeholders back on a stripped source, using components and sibling sources', async () => {
    const files = hello();
    const original = files['hello/libs/app/main.c'] ?? '';
    files['hello/libs/app/main.c'] = stripGates(await getParser(), original);
    const m = memoryIo(files);
    const code = await portCommand(
      ['--config', 'hello/config.yaml', '--lib', 'app', 'hello/libs/app/main.c'],
      m.io,
    );
    expect(code).toBe(0);
    expect(m.out.join('').replace(/\s+/g, '')).toBe(original.replace(/\s+/g, ''));
    expect(m.err.join('')).toContain('2 calls gated');
  });

  it('applies fixes with --fix', async () => {
    const files = hello();
    files['hello/libs/app/extra.c'] =
      'void set_salutation(const char *w);\nvoid hi(void) { char w[4] = "yo"; set_salutation(w); set_salutation("hey"); }\n';
    const m = memoryIo(files);
    expect(
      await portCommand(
        ['--config', 'hello/config.yaml', '--lib', 'app', '--fix', 'hello/libs/app/extra.c'],
        m.io,
      ),
    ).toBe(0);
    const out = m.out.join('');
    expect(out).toContain('char w[4] __attribute__((flexos_whitelist)) = "yo";');
    expect(out).toContain('flexos_gate(libgreeter, set_salutation, FLEXOS_SHARED_LITERAL("hey"));');
    expect(m.err.join('')).toMatch(/extra\.c:2:\d+: warning rewrite\/address-crosses-gate/);
  });
});
