/**
 * What ported Unikraft and FlexOS libraries contain (issue 9): attribute-like macros,
 * preprocessor conditionals that cut through syntax, allocation placeholders with the extra
 * arguments FlexOS sources pass, fragments that do not parse at all. The golden cases
 * `flexos-*`, `attribute-macros` and `preprocessor-cuts` show whole files; these tests pin the
 * pieces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../../src/cli/commands/check.ts';
import { rewriteCommand } from '../../../src/cli/commands/rewrite.ts';
import { analyzeWorkspace } from '../../../src/core/pipeline/index.ts';
import { maskAttributes } from '../../../src/core/rewrite/attributes.ts';
import { findConditionals, maskConditionals } from '../../../src/core/rewrite/conditionals.ts';
import { instantiate, parseCDocument, parseErrors, port } from '../../../src/core/rewrite/index.ts';
import { createMemoryIo } from '../cli/memory-io.ts';
import { EXAMPLES, exampleSources, getParser, readConfig } from './support.ts';

const config = readConfig(`name: real
compartments:
  - main: { mechanism: intel-mpk, default: true }
  - net: { mechanism: intel-mpk }
libraries:
  - app: main
  - netstack: net
`);

async function errorsOf(text: string) {
  const doc = parseCDocument(await getParser(), 'f.c', text);
  try {
    return { errors: parseErrors(doc), hidden: doc.hidden };
  } finally {
    doc.tree.delete();
  }
}

describe('attribute-like macros', () => {
  it('parse after declarators, among specifiers, on parameters, types and prototypes', async () => {
    const text = [
      'int main(int __unused argc, char __unused *argv[]);',
      'static void done(void *arg __unused) {}',
      'const char __maybe_unused **strcfg;',
      'struct __packed hdr { int a; };',
      'static int table[4] __section(".data_shared") __align(64);',
      'int log_it(const char *fmt, ...) __printf(1, 2);',
      'static int __used counter;',
      '__noreturn void stop(void);',
    ].join('\n');
    expect((await errorsOf(text)).errors).toEqual([]);
    const { masked, attributes } = maskAttributes(text);
    expect(masked.length).toBe(text.length);
    expect(attributes.filter((a) => a.macro).map((a) => text.slice(a.start, a.end))).toEqual([
      '__unused',
      '__unused',
      '__unused',
      '__maybe_unused',
      '__packed',
      '__section(".data_shared")',
      '__align(64)',
      '__printf(1, 2)',
      '__used',
      '__noreturn',
    ]);
  });

  it('are left alone on preprocessor lines and as parts of longer names', () => {
    const text =
      '#ifndef __unused\n#define __unused __attribute__((unused))\n#endif\nint __unused_x;\n';
    const { attributes } = maskAttributes(text);
    expect(attributes.filter((a) => a.macro)).toEqual([]);
  });

  it('stay as written when a whitelisted variable carries one', async () => {
    const r = instantiate(
      await getParser(),
      'f.c',
      'int net_send(int *p);\nint f(int __unused k)\n{\n\tint __maybe_unused v __attribute__((flexos_whitelist)) = 1;\n\tflexos_gate(libnetstack, net_send, &v);\n\treturn 0;\n}\n',
      { lib: 'app', config },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toContain('int f(int __unused k)');
    expect(r.text).toContain(
      'int __maybe_unused *v = uk_malloc(flexos_shared_alloc, sizeof(int)); *v = 1;',
    );
  });
});

describe('preprocessor conditionals that cut through syntax', () => {
  const cut = [
    'int net_send(int v);',
    '#ifndef CONFIG_VMEPT',
    'static',
    '#endif',
    'int f(int a)',
    '{',
    '#if LWIP_IPV4',
    '\tif (a > 0 && a < 9) {',
    '#else',
    '\tif (a > 0) {',
    '\t\tflexos_gate(libnetstack, net_send, 0);',
    '#endif',
    '\t\tflexos_gate(libnetstack, net_send, a);',
    '\t}',
    '\treturn 0;',
    '}',
    'int g(void) { flexos_gate(libnetstack, net_send, 1); return 0; }',
    '',
  ].join('\n');

  it('finds groups and blanks directives and other branches, keeping offsets and lines', () => {
    const groups = findConditionals(cut);
    expect(groups.map((g) => g.directives.map((d) => d.kind))).toEqual([
      ['ifndef', 'endif'],
      ['if', 'else', 'endif'],
    ]);
    const { masked, hidden } = maskConditionals(cut, groups);
    expect(masked.length).toBe(cut.length);
    expect(masked.split('\n').length).toBe(cut.split('\n').length);
    expect(masked).toContain('static');
    expect(masked).toContain('if (a > 0 && a < 9) {');
    expect(masked).not.toContain('#else');
    expect(
      hidden.map((h) => [h.directive, cut.slice(h.start, h.end).trim().split('\n')[0]]),
    ).toEqual([['#else', 'if (a > 0) {']]);
  });

  it('takes the #else of an #if 0 and ignores # in comments and strings', () => {
    const text = '#if 0\nint a;\n#else\nint b;\n#endif\n/*\n#if X\n*/\nconst char *s = "#endif";\n';
    const [g, ...rest] = findConditionals(text);
    expect(rest).toEqual([]);
    expect(g?.kept).toBe(1);
    expect(maskConditionals(text, [g!]).hidden).toEqual([]);
  });

  it('parse; every gate is instantiated, also in the branch read as text', async () => {
    expect((await errorsOf(cut)).errors).toEqual([]);
    const r = instantiate(await getParser(), 'f.c', cut, { lib: 'app', config });
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toContain('\t\tflexos_intelpku_gate(0, 1, net_send, a);');
    expect(r.text).toContain('int g(void) { flexos_intelpku_gate(0, 1, net_send, 1);');
    // The hidden branch is read as text: its gate is instantiated, the rest stays as written.
    expect(r.text).toContain(
      '\tif (a > 0) {\n\t\tflexos_intelpku_gate(0, 1, net_send, 0);\n#endif',
    );
    // What needs the tree there is a warning: a shared local used in the hidden branch.
    const shared = cut
      .replace(
        'int f(int a)\n{\n',
        'int f(int a)\n{\n\tint v __attribute__((flexos_whitelist)) = a;\n',
      )
      .replace(
        '\tif (a > 0) {\n\t\tflexos_gate(libnetstack, net_send, 0);',
        '\tif (v > 0) {\n\t\tflexos_gate(libnetstack, net_send, 0);',
      );
    const w = instantiate(await getParser(), 'f.c', shared, {
      lib: 'app',
      config,
      sharing: 'heap',
    });
    expect(
      w.diagnostics.map((d) => [
        d.code,
        d.severity,
        shared.slice(d.span.start, d.span.end).trim().split('\n')[0],
      ]),
    ).toEqual([['rewrite/hidden-branch', 'warning', 'if (v > 0) {']]);
    // A commented-out gate in a hidden branch stays a comment.
    const commented = cut.replace(
      '\t\tflexos_gate(libnetstack, net_send, 0);',
      '\t\t/* flexos_gate(libnetstack, net_send, 0); */',
    );
    expect(instantiate(await getParser(), 'f.c', commented, { lib: 'app', config }).text).toContain(
      '/* flexos_gate(libnetstack, net_send, 0); */',
    );
  });

  it('are ported outside the hidden branch; a call into another library there warns', async () => {
    const r = port(
      await getParser(),
      'f.c',
      cut.replace(/flexos_gate\(libnetstack, net_send, (\w+)\)/g, 'net_send($1)'),
      {
        lib: 'app',
        owners: new Map([['net_send', 'netstack']]),
      },
    );
    expect(r.text).toContain('\t\tflexos_gate(libnetstack, net_send, a);');
    expect(r.text).toContain('\t\tnet_send(0);\n#endif');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['rewrite/hidden-branch', 'warning'],
    ]);
  });

  it('leave groups that parse alone, even next to an error', async () => {
    const text =
      'int f(int a)\n{\n#if A\n\treturn 1;\n#else\n\treturn 2;\n#endif\n}\nint g(void) { int x = (1 + ; return x; }\n';
    const { errors, hidden } = await errorsOf(text);
    expect(hidden).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.every((e) => e.severity === 'warning' && e.span.start > text.indexOf('int g')),
    ).toBe(true);
  });

  it('read a file-scope macro invocation without a semicolon as a declaration', async () => {
    const text =
      'int a;\nNETIF_DECLARE_EXT_CALLBACK(netif_status_print)\n#endif\nint b;\nUK_FOO(x, y)\nstatic int c(void) { return 0; }\n';
    expect((await errorsOf(text.replace('#endif\n', ''))).errors).toEqual([]);
  });
});

describe('loop macros', () => {
  it('read as loops: no parse problem, a break in the body frees nothing', async () => {
    const text = [
      'int net_send(int *p);',
      'struct node { struct node *next; int v; };',
      'int walk(struct node *head)',
      '{',
      '\tstruct node *it;',
      '\tint total __attribute__((flexos_whitelist)) = 0;',
      '\tUK_SLIST_FOREACH(it, head, next) {',
      '\t\tif (it->v < 0)',
      '\t\t\tbreak;',
      '\t\ttotal += it->v;',
      '\t\tflexos_gate(libnetstack, net_send, &total);',
      '\t}',
      '\tuk_list_for_each(it, head)',
      '\t\ttotal++;',
      '\treturn total;',
      '}',
      '',
    ].join('\n');
    expect((await errorsOf(text)).errors).toEqual([]);
    const r = instantiate(await getParser(), 'f.c', text, { lib: 'app', config });
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toContain(
      '\tUK_SLIST_FOREACH(it, head, next) {\n\t\tif (it->v < 0)\n\t\t\tbreak;',
    );
    expect(r.text).toContain('\tuk_list_for_each(it, head)\n\t\t(*total)++;');
  });
});

describe('fragments that do not parse', () => {
  const text = [
    'int net_send(int v);',
    'int broken(void)',
    '{',
    '\tint rc = (1 + ;',
    '\tflexos_gate(libnetstack, net_send, rc);',
    '\treturn rc;',
    '}',
    'int @@@ garbage ### (( flexos_gate(libnetstack, net_send, 7);',
    'int fine(void)',
    '{',
    '\tint v __attribute__((flexos_whitelist)) = 2;',
    '\tflexos_gate(libnetstack, net_send, v);',
    '\treturn v;',
    '}',
    '',
  ].join('\n');

  it('are warnings at their spans; every gate outside is instantiated', async () => {
    const r = instantiate(await getParser(), 'f.c', text, { lib: 'app', config, sharing: 'heap' });
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(
      r.diagnostics.every((d) => d.code === 'rewrite/parse-error' && d.severity === 'warning'),
    ).toBe(true);
    const garbage = text.indexOf('@@@');
    expect(r.diagnostics.some((d) => d.span.start <= garbage && garbage < d.span.end)).toBe(true);
    expect(r.text).toContain('flexos_intelpku_gate(0, 1, net_send, rc);');
    expect(r.text).toContain('flexos_intelpku_gate(0, 1, net_send, (*v));');
    // The fragment is left as written, placeholder included.
    expect(r.text).toContain('int @@@ garbage ### (( flexos_gate(libnetstack, net_send, 7);');
    const p = port(await getParser(), 'f.c', text, {
      lib: 'app',
      owners: new Map([['net_send', 'netstack']]),
    });
    expect(p.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  });

  it('make `flexos rewrite` exit 0 when there are only warnings', async () => {
    const files: Record<string, string> = {
      'w/config.yaml':
        'name: w\ncompartments:\n  - main: { mechanism: intel-mpk, default: true }\n  - net: { mechanism: intel-mpk }\nlibraries:\n  - app: main\n  - netstack: net\n',
      'w/libs/app/main.c': text,
    };
    const io = createMemoryIo(files);
    const code = await rewriteCommand(
      ['--config', 'w/config.yaml', '--lib', 'app', 'w/libs/app/main.c'],
      io,
    );
    expect(code).toBe(0);
    expect(io.stderr).toMatch(/warning rewrite\/parse-error/);
    expect(io.stdout).toContain('flexos_intelpku_gate(0, 1, net_send, rc);');
  });
});

describe('allocation placeholders with the extra arguments FlexOS sources pass', () => {
  it('drop them, as the toolchain does, with an info note; too few is still an error', async () => {
    const text =
      '#define GROW(p) flexos_realloc_whitelist(p, 64, libnetstack)\nvoid f(void)\n{\n\tchar *b = flexos_malloc_whitelist(32, libflexosexample);\n\tchar *c = flexos_calloc_whitelist(4, 8, libnetstack, 1);\n\tflexos_free_whitelist(b, libnetstack);\n\tflexos_free_whitelist(c);\n\tvoid *d = flexos_memalign_whitelist(8);\n}\n';
    const r = instantiate(await getParser(), 'f.c', text, { lib: 'app', config });
    expect(r.text).toContain('char *b = uk_malloc(flexos_shared_alloc, 32);');
    expect(r.text).toContain('char *c = uk_calloc(flexos_shared_alloc, 4, 8);');
    expect(r.text).toContain('uk_free(flexos_shared_alloc, b);');
    expect(r.text).toContain('#define GROW(p) uk_realloc(flexos_shared_alloc, p, 64)');
    const infos = r.diagnostics.filter((d) => d.code === 'rewrite/alloc-extra-args');
    expect(infos.map((d) => [d.severity, text.slice(d.span.start, d.span.end)])).toEqual([
      ['info', ', libflexosexample'],
      ['info', ', libnetstack, 1'],
      ['info', ', libnetstack'],
    ]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([
      'rewrite/bad-alloc-args',
    ]);
  });
});

describe('flexos check parses C too', () => {
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

  // Bytes of no text encoding, as a UTF-8 reader hands them over.
  const garbage = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256)).toString(
    'utf8',
  );

  it('reports a binary .c file as parse problems (warnings), not as 0 problems', async () => {
    const files = { ...hello(), 'hello/libs/app/blob.c': garbage };
    const io = createMemoryIo(files);
    const code = await checkCommand(['hello', '--json'], io);
    const json = JSON.parse(io.stdout) as {
      diagnostics: { code: string; severity: string; file: string }[];
    };
    const blob = json.diagnostics.filter((d) => d.file.endsWith('libs/app/blob.c'));
    expect(blob.length).toBeGreaterThan(0);
    expect(blob.every((d) => d.code === 'rewrite/parse-error' && d.severity === 'warning')).toBe(
      true,
    );
    expect(code).toBe(0);
  });

  it('is the same analysis as the page: analyzeWorkspace instantiates every C file', async () => {
    const ws = { name: 'hello', files: {} as Record<string, string> };
    for (const [path, text] of Object.entries(hello()))
      ws.files[path.slice('hello/'.length)] = text;
    ws.files['libs/app/blob.c'] = garbage;
    const r = analyzeWorkspace(ws as never, { parser: await getParser() });
    expect(
      r.diagnostics.filter((d) => d.span.file === 'libs/app/blob.c').map((d) => d.code),
    ).toContain('rewrite/parse-error');
  });
});
