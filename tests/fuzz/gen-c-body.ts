/**
 * Function bodies for the C generator (gen-c.ts): gates (to other libraries, to aliases, to
 * libraries that do not exist, malformed), whitelisted locals in every declarator shape,
 * shared allocations and literals, GNU nested functions and statement expressions, returns
 * inside scopes, macro calls, and preprocessor conditionals that cut through statements.
 */
import type { Plan } from './gen-plan.ts';
import type { Rng } from './prng.ts';

/** What the grammar knows while it writes one file. */
export interface Ctx {
  rng: Rng;
  plan: Plan;
  lib: string;
  /** `libX` tokens: other libraries, the own one, aliases, unknown ones. */
  tokens: string[];
  /** Functions of other libraries, for plain calls the porting step should gate. */
  foreign: string[];
  /** Locals in scope (innermost last) and arrays among them. */
  scope: string[];
  arrays: Set<string>;
  counter: number;
  /** Macros defined at the top, callable as statements. */
  macros: string[];
}

export const WL = '__attribute__((flexos_whitelist))';
export const ATTRS = [
  [10, WL],
  [2, `${WL} ${WL}`],
  [1, '__attribute__((flexos_whitelist, unused))'],
  [1, `__attribute__((aligned(8))) ${WL}`],
  [1, '__attribute__ ((flexos_whitelist))'],
  [0.5, '__attribute__((flexos_whitelist(1)))'],
  [0.5, '__attribute__((unused))'],
] as const;
const TYPES = ['int', 'char', 'long', 'size_t', 'unsigned char', 'struct pair', 'uint64_t'];
const STORAGE = [
  [10, ''],
  [2, 'static '],
  [2, 'register '],
  [1, 'const '],
  [1, 'volatile '],
  [0.5, 'static const '],
  [0.3, 'extern '],
] as const;
const ALLOCS = [
  'flexos_malloc_whitelist(16)',
  'flexos_calloc_whitelist(4, sizeof(int))',
  'flexos_realloc_whitelist(NULL, 32)',
  'flexos_memalign_whitelist(64, 128)',
  'flexos_palloc_whitelist(1)',
  'flexos_malloc_whitelist()',
];
const STRINGS = ['"hi"', '""', '"a\\"b\\n"', '"ünï"', '"%s %d"', '"/* not a comment */"'];

export function fresh(c: Ctx, stem: string): string {
  c.counter++;
  return `${stem}${c.counter}`;
}

function local(c: Ctx): string {
  return c.scope.length > 0 && c.rng.chance(0.8) ? c.rng.pick(c.scope) : '0';
}

function arg(c: Ctx): string {
  const { rng } = c;
  return rng.weighted([
    [4, () => local(c)],
    [2, () => `&${local(c)}`],
    [2, () => `FLEXOS_SHARED_LITERAL(${rng.pick(STRINGS)})`],
    [1, () => rng.pick(STRINGS)],
    [1, () => `sizeof(${local(c)})`],
    [1, () => `sizeof ${local(c)}`],
    [1, () => String(rng.int(0, 4096))],
    [0.5, () => `${call(c)}`],
    [0.3, () => 'FLEXOS_SHARED_LITERAL()'],
    [0.3, () => `(char *)${local(c)} + 1`],
  ] as const)();
}

function args(c: Ctx, min = 0, max = 3): string {
  const n = c.rng.int(min, max);
  return Array.from({ length: n }, () => arg(c)).join(', ');
}

export function foreignFn(c: Ctx): string {
  return c.foreign.length > 0 && c.rng.chance(0.9) ? c.rng.pick(c.foreign) : 'unknown_fn';
}

/** A plain call: into another library (the porting step gates it) or local. */
function call(c: Ctx): string {
  return `${foreignFn(c)}(${args(c, 0, 2)})`;
}

export function gate(c: Ctx): string {
  const { rng } = c;
  const tok = rng.pick(c.tokens);
  const fn = foreignFn(c);
  const more = args(c);
  const tail = more ? `, ${more}` : '';
  return rng.weighted([
    [6, () => `flexos_gate(${tok}, ${fn}${tail});`],
    [6, () => `flexos_gate_r(${tok}, ${local(c)}, ${fn}${tail});`],
    [0.4, () => `flexos_gate(${tok});`],
    [0.4, () => `flexos_gate_r(${tok}, ${fn});`],
    [0.3, () => `flexos_gate();`],
    [0.3, () => `flexos_gate_r(${tok}, ${local(c)} + 1, ${fn});`],
    [0.3, () => `${local(c)} = flexos_gate_r(${tok}, ${local(c)}, ${fn});`],
    [0.3, () => `flexos_gate(${tok}, flexos_gate, ${fn});`],
    [0.2, () => `flexos_gate(1, 2, 3);`],
    [0.2, () => `flexos_gate(${tok}, ${fn}, ${arg(c)}`],
  ] as const)();
}

/** A local declaration, often whitelisted; adds the declared names to the scope. */
function declaration(c: Ctx): string {
  const { rng } = c;
  const name = fresh(c, rng.pick(['x', 'buf', 'n', 'st', 'r']));
  const storage = rng.weighted(STORAGE);
  const attr = rng.chance(0.7) ? rng.weighted(ATTRS) : '';
  const type = rng.pick(TYPES);
  const array = rng.chance(0.3);
  const dims = array ? rng.pick(['[16]', '[N]', '[]', '[2][3]', '[sizeof(int)]', '[0]']) : '';
  const pointer = !array && rng.chance(0.2) ? '*' : '';
  const init = rng.weighted([
    [3, ''],
    [
      3,
      ` = ${array ? rng.pick(['{ 0 }', '{1, 2, 3}', '"hi"', '{ [1] = 2 }']) : rng.pick(['0', '1', 'NULL', '-0', '1e308'])}`,
    ],
    [1, ` = ${call(c)}`],
    [0.5, ` = ${rng.pick(ALLOCS)}`],
    [0.5, ` = ({ int t${c.counter} ${WL} = 1; t${c.counter} + 1; })`],
  ] as const);
  const placed = rng.weighted([
    [6, `${storage}${type} ${pointer}${name}${dims} ${attr}${init}`],
    [2, `${attr} ${storage}${type} ${pointer}${name}${dims}${init}`],
    [1, `${storage}${type} ${attr} ${pointer}${name}${dims}${init}`],
  ] as const);
  c.scope.push(name);
  if (array) c.arrays.add(name);
  let more = '';
  if (rng.chance(0.15)) {
    const second = fresh(c, 'y');
    more = `, ${second}${rng.chance(0.5) ? ` ${WL}` : ''}${rng.chance(0.5) ? ` = ${name}` : ''}`;
    c.scope.push(second);
  }
  return `${placed.replace(/ +/g, ' ').trim()}${more};`;
}

function use(c: Ctx): string {
  const { rng } = c;
  const v = local(c);
  return rng.weighted([
    [3, () => `${v}++;`],
    [2, () => `${v} = ${v} + ${rng.int(1, 9)};`],
    [2, () => `consume(&${v}, sizeof(${v}));`],
    [1, () => (c.arrays.size > 0 ? `${rng.pick([...c.arrays])}[0] = ${v};` : `${v} = 0;`)],
    [1, () => `memcpy(&${v}, ${rng.pick(STRINGS)}, 1);`],
    [1, () => `${v} = ${call(c)};`],
    [1, () => `${call(c)};`],
    [0.5, () => `*(&${v}) = 1;`],
  ] as const)();
}

function alloc(c: Ctx): string[] {
  const p = fresh(c, 'p');
  const out = [`void *${p} = ${c.rng.pick(ALLOCS)};`];
  if (c.rng.chance(0.7))
    out.push(
      c.rng.chance(0.8) ? `flexos_free_whitelist(${p});` : `flexos_pfree_whitelist(${p}, 1);`,
    );
  c.scope.push(p);
  return out;
}

export function ret(c: Ctx): string {
  return c.rng.weighted([
    [2, 'return;'],
    [3, `return ${local(c)};`],
    [1, `return ${call(c)};`],
    [0.5, `return sizeof(${local(c)});`],
  ] as const);
}

export function indent(lines: string[]): string[] {
  return lines.map((l) => (l.startsWith('#') ? l : `\t${l}`));
}

/** A nested body, with its own scope: names declared inside are gone afterwards. */
function block(c: Ctx, depth: number, n: number): string[] {
  const saved = c.scope.length;
  const out = statements(c, depth, n);
  c.scope.length = saved;
  return out;
}

function statement(c: Ctx, depth: number): string[] {
  const { rng } = c;
  const inner = (n = rng.int(1, 3)): string[] => indent(block(c, depth + 1, n));
  const deep = depth < 3;
  const choice = rng.weighted([
    [5, 'decl'],
    [5, 'gate'],
    [3, 'use'],
    [2, 'call'],
    [1, 'alloc'],
    [1, 'return'],
    [deep ? 2 : 0, 'if'],
    [deep ? 1 : 0, 'loop'],
    [deep ? 1 : 0, 'switch'],
    [deep ? 1 : 0, 'block'],
    [deep ? 0.6 : 0, 'nested-fn'],
    [deep ? 0.6 : 0, 'pp-cut'],
    [0.5, 'macro'],
    [0.4, 'goto'],
    [0.3, 'stmt-expr'],
  ] as const);
  switch (choice) {
    case 'decl':
      return [declaration(c)];
    case 'gate':
      return [gate(c)];
    case 'use':
      return [use(c)];
    case 'call':
      return [
        rng.pick([
          `${call(c)};`,
          `if (${call(c)} > 0) ${ret(c)}`,
          `while (${call(c)}) break;`,
          `${local(c)} = ${call(c)} + ${call(c)};`,
        ]),
      ];
    case 'alloc':
      return alloc(c);
    case 'return':
      return [ret(c)];
    case 'if': {
      const out = [`if (${local(c)}) {`, ...inner(), '}'];
      if (rng.chance(0.4))
        out.push('else', ...(rng.chance(0.5) ? [`\t${ret(c)}`] : ['{', ...inner(), '}']));
      if (rng.chance(0.2)) return [`if (${local(c)})`, `\t${ret(c)}`, ...out];
      return out;
    }
    case 'loop':
      return rng.pick([
        () => [
          `for (int i${c.counter} = 0; i${c.counter} < 4; i${c.counter}++) {`,
          ...inner(),
          '}',
        ],
        () => [`while (${local(c)} < 8) {`, ...inner(), '\tbreak;', '}'],
        () => ['do {', ...inner(), `} while (${local(c)});`],
        () => [`for (;;) {`, ...inner(), `\tif (${local(c)}) continue;`, '\tbreak;', '}'],
      ])();
    case 'switch':
      return [
        `switch (${local(c)}) {`,
        'case 1:',
        ...inner(),
        '\tbreak;',
        'case 2: {',
        ...inner(),
        '}',
        'default:',
        `\t${ret(c)}`,
        '}',
      ];
    case 'block':
      return ['{', ...inner(), '}'];
    case 'nested-fn': {
      const name = fresh(c, 'inner');
      const out = [`int ${name}(int q) {`, ...inner(), '\treturn q;', '}'];
      if (rng.chance(0.3)) out.unshift(`auto int ${name}(int);`);
      out.push(`${local(c)} = ${name}(${local(c)});`);
      return out;
    }
    case 'pp-cut':
      return rng.pick([
        () => [
          '#if FOO',
          `if (${local(c)}) {`,
          '#else',
          `if (!${local(c)}) {`,
          '#endif',
          ...inner(),
          '}',
        ],
        () => ['#ifdef CONFIG_X', ...inner(), '#endif'],
        () => ['#if 0', 'garbage { ( [', '#endif'],
        () => [`${local(c)} = 1`, '#ifdef CONFIG_Y', '\t+ 2', '#endif', '\t;'],
        () => [
          '#if defined(A) && B',
          `${gate(c)}`,
          '#elif C',
          '{',
          '#endif',
          ...inner(),
          '#if C',
          '}',
          '#endif',
        ],
      ])();
    case 'macro':
      return [c.macros.length > 0 ? `${rng.pick(c.macros)}(${arg(c)});` : 'UNDEFINED_MACRO(1);'];
    case 'goto':
      return [`if (${local(c)}) goto out${c.counter};`, ...inner(1), `out${c.counter}:`, '\t;'];
    case 'stmt-expr':
      return [`${local(c)} = ({ ${declaration(c)} ${gate(c)} ${local(c)}; });`];
  }
}

export function statements(c: Ctx, depth: number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(...statement(c, depth));
  return out;
}
