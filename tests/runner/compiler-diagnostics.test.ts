import { describe, expect, it } from 'vitest';
import { toLineColumn } from '../../src/core/diagnostics.ts';
import {
  createDiagnosticMapper,
  workspacePath,
} from '../../src/runner/build/compiler-diagnostics.ts';

const original = [
  '#include "../greeter/greeter.h"',
  '__attribute__((libgreeter_callback))',
  'static void cb(const char *l)',
  '{',
  '}',
  'int main(void)',
  '{',
  '\tint rc = undefined_thing;',
  '\treturn rc;',
  '}',
].join('\n');
const instantiated = [
  '#include "../greeter/greeter.h"',
  'static void _cb(const char *l)',
  '{',
  '}',
  'static void cb(const char *l)',
  '{',
  '\tflexos_nop_gate(1, 0, _cb, l);',
  '}',
  '',
  'int main(void)',
  '{',
  '\tint rc = undefined_thing;',
  '\treturn rc;',
  '}',
].join('\n');

const sources = new Map([['libs/app/main.c', { original, instantiated }]]);

function gccJson(file: string, line: number, column: number, message: string, kind = 'error') {
  return JSON.stringify([
    {
      kind,
      message,
      children: [],
      locations: [{ caret: { file, line, column, 'byte-column': column } }],
    },
  ]);
}

describe('compiler messages at the user’s files and lines', () => {
  it('maps an error in an instantiated file to the original line and column', () => {
    const mapper = createDiagnosticMapper(sources, '/job');
    const stderr = `${gccJson('libs/app/main.c', 12, 11, '‘undefined_thing’ undeclared')}\n`;
    const [d] = mapper.fromGcc(stderr, ['libs/app/main.c']);
    expect(d?.code).toBe('runner/compile-error');
    expect(d?.severity).toBe('error');
    expect(d?.span.file).toBe('libs/app/main.c');
    expect(toLineColumn(original, d?.span.start ?? -1)).toEqual({ line: 8, column: 11 });
  });

  it('keeps warnings as warnings, with the option that raised them', () => {
    const mapper = createDiagnosticMapper(sources, '/job');
    const json = JSON.parse(gccJson('libs/app/main.c', 13, 2, 'w', 'warning')) as object[];
    (json[0] as { option?: string }).option = '-Wunused';
    const [d] = mapper.fromGcc(JSON.stringify(json), ['libs/app/main.c']);
    expect(d?.code).toBe('runner/compile-warning');
    expect(d?.message).toContain('[-Wunused]');
  });

  it('puts a message without a user position at the start of the unit being compiled', () => {
    const mapper = createDiagnosticMapper(sources, '/job');
    const stderr = `[]\n${gccJson('/rt/flexos/isolation.h', 3, 1, 'oops')}\n`;
    const ds = mapper.fromGcc(stderr, ['libs/app/a.c', 'libs/app/main.c']);
    expect(ds.map((d) => d.span)).toEqual([{ file: 'libs/app/main.c', start: 0, end: 0 }]);
  });

  it('maps undefined references the linker reports with debug lines', () => {
    const mapper = createDiagnosticMapper(sources, '/job');
    const stderr = [
      "/usr/bin/ld: obj/app.o: in function `main':",
      "/job/libs/app/main.c:12: undefined reference to `undefined_thing'",
      'collect2: error: ld returned 1 exit status',
    ].join('\n');
    const ds = mapper.fromGcc(stderr, ['libs/app/main.c']);
    expect(ds).toHaveLength(1);
    expect(ds[0]?.code).toBe('runner/link-error');
    expect(toLineColumn(original, ds[0]?.span.start ?? -1).line).toBe(8);
  });

  it('turns sandbox paths into workspace paths, and nothing else', () => {
    expect(workspacePath('/job/libs/app/main.c', '/job')).toBe('libs/app/main.c');
    expect(workspacePath('libs/app/../greeter/greeter.h', '/job')).toBe('libs/greeter/greeter.h');
    expect(workspacePath('/usr/include/stdio.h', '/job')).toBeNull();
    expect(workspacePath('libs/../../etc/passwd', '/job')).toBeNull();
  });
});
