/**
 * C sources of one library from a snippet grammar aimed at the rewriter: whitelisted globals,
 * macros wrapping gates, the library's entry points and callbacks (`libX_callback`, doubled
 * and combined now and then), `main(int __unused argc, ...)`, unfinished functions; bodies
 * come from gen-c-body.ts.
 */
import { ATTRS, foreignFn, fresh, gate, indent, ret, statements, type Ctx } from './gen-c-body.ts';
import { cIdent, type Plan } from './gen-plan.ts';
import type { Rng } from './prng.ts';

function global(c: Ctx): string {
  const { rng } = c;
  const name = fresh(c, 'g');
  const attr = rng.weighted(ATTRS);
  const decl = rng.pick([
    `static char ${name}[64] ${attr} = "shared";`,
    `static int ${name} ${attr};`,
    `${attr} int ${name} = 1;`,
    `static _Alignas(16) unsigned char ${name}[N] ${attr};`,
    `struct pair ${name} ${attr} = { .a = 1, .b = 2 };`,
    `extern int ${name} ${attr};`,
    `const char *${name} ${attr} = FLEXOS_SHARED_LITERAL("x");`,
    `int ${name} ${attr}, ${name}b = 2;`,
  ]);
  c.scope.push(name);
  return decl;
}

function macro(c: Ctx): string {
  const name = `GATE_${c.macros.length}`;
  c.macros.push(name);
  const tok = c.rng.pick(c.tokens);
  return c.rng.pick([
    `#define ${name}(a) flexos_gate(${tok}, ${foreignFn(c)}, a)`,
    `#define ${name}(a) \\\n\tdo { \\\n\t\tflexos_gate_r(${tok}, ret_, ${foreignFn(c)}, a); \\\n\t} while (0)`,
    `#define ${name}(a) ${foreignFn(c)}(a)`,
  ]);
}

function functionDef(c: Ctx, name: string, callbackOf: string | null): string[] {
  const { rng } = c;
  const saved = c.scope.length;
  const params = rng.pick([
    ['void', []],
    ['int a, char *b', ['a', 'b']],
    ['int __unused argc, char *argv[]', ['argc']],
    ['const char *s, size_t n', ['s', 'n']],
  ] as const);
  c.scope.push(...params[1]);
  const type = rng.pick(['int', 'void', 'static int', 'static void', 'size_t']);
  const head = `${type} ${name}(${params[0]})`;
  const attrs: string[] = [];
  if (callbackOf !== null) {
    const one = `__attribute__((${callbackOf}_callback))`;
    const attr = rng.weighted([
      [8, one],
      [1, `${one} ${one}`],
      [1, `__attribute__((${callbackOf}_callback, unused))`],
      [0.5, `__attribute__((unused)) ${one}`],
    ] as const);
    const at = rng.int(0, 2);
    if (at === 0) attrs.push(attr);
    else if (at === 1) return finish([`${attr} ${head}`]);
    else return finish([`${head.replace(name, `${attr} ${name}`)}`]);
  }
  return finish([...attrs, head]);

  function finish(top: string[]): string[] {
    const body = indent(statements(c, 0, rng.int(1, 8)));
    if (rng.chance(0.6)) body.push(`\t${ret(c)}`);
    c.scope.length = saved;
    return [...top, '{', ...body, '}'];
  }
}

export interface CFile {
  name: string;
  text: string;
}

/** One to three source files (and sometimes a header) of `lib`. */
export function libraryFiles(rng: Rng, plan: Plan, lib: string): CFile[] {
  const others = plan.libs.filter((l) => l !== lib);
  const tokens = [
    ...others.map((l) => `lib${l.replace(/-/g, '')}`),
    `lib${lib.replace(/-/g, '')}`,
    ...Object.keys(plan.aliases).map((a) => `lib${a}`),
    'libghost',
    'lib',
  ];
  const weighted = [
    ...tokens.slice(0, others.length),
    ...tokens.slice(0, others.length),
    ...tokens,
  ];
  const foreign = others.flatMap((l) => plan.functions[l] ?? []);
  const files: CFile[] = [];
  const count = rng.weighted([
    [6, 1],
    [3, 2],
    [1, 3],
  ] as const);
  for (let f = 0; f < count; f++) {
    const c: Ctx = {
      rng,
      plan,
      lib,
      tokens: weighted,
      foreign,
      scope: [],
      arrays: new Set(),
      counter: 0,
      macros: [],
    };
    const top: string[] = [];
    if (rng.chance(0.5)) top.push(`/* ${lib}: generated */`);
    top.push('#include <stddef.h>', '#include <stdint.h>');
    if (rng.chance(0.4)) top.push(`#include "../${rng.pick(plan.libs)}/${rng.pick(plan.libs)}.h"`);
    top.push('#define N 8', 'struct pair { int a, b; };');
    for (const fn of rng.some(foreign, 0, 3))
      top.push(`int ${fn}(${rng.pick(['void', 'int a', '...'])});`);
    for (let i = rng.int(0, 2); i > 0; i--) top.push(macro(c));
    for (let i = rng.int(0, 3); i > 0; i--) top.push(global(c));
    const own = plan.functions[lib] ?? [];
    const defs = f === 0 ? rng.some(own, 1, 3) : rng.some(own, 0, 1);
    for (const fn of defs) top.push('', ...functionDef(c, fn, null));
    if (rng.chance(0.3) && others.length > 0) {
      const caller = rng.chance(0.9) ? rng.pick(tokens) : 'libghost';
      top.push('', ...functionDef(c, fresh(c, `${cIdent(lib)}_cb`), caller));
    }
    if (rng.chance(0.15)) top.push('', ...functionDef(c, 'main', null));
    if (rng.chance(0.05)) top.push('int unfinished(void) {', `\t${gate(c)}`);
    files.push({ name: f === 0 ? `${cIdent(lib)}.c` : `part${f}.c`, text: `${top.join('\n')}\n` });
  }
  if (rng.chance(0.15)) {
    const header = (plan.functions[lib] ?? []).map((fn) => `int ${fn}(...);`);
    files.push({ name: `${cIdent(lib)}.h`, text: `#pragma once\n${header.join('\n')}\n` });
  }
  return files;
}
