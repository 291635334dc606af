/**
 * `components/<lib>.flexos` texts: every section of the metadata language, each sometimes
 * missing, sometimes malformed, sometimes replaced by garbage.
 */
import { HARDENINGS } from '../../src/core/model.ts';
import type { Plan } from './gen-plan.ts';
import type { Rng } from './prng.ts';

const REGIONS = ['Own', 'Shared', '*'];
const GARBAGE_LINES = [
  '[Memroy access] Read(*)',
  '[Call',
  'Read(Own',
  '[API] f(; g())',
  '[Requires] *(Read), (Call,x), *(Fly,Own)',
  'component',
  'component a b',
  ']]]][[[',
  '[Call] ::, lib::, ::fn, *::*',
  '[Memory access] Read(Own,,Shared); ; Write()',
  '[Hardening] asan,, ,kasan',
  '\u0000\u0001',
  '[API] ' + 'f(x); '.repeat(40),
  '# only a comment',
  'text outside of any section',
];

function memory(rng: Rng): string {
  const access = (op: string) => `${op}(${rng.some(REGIONS, 1, 2).join(',')})`;
  const items = rng.some(['Read', 'Write'], 1, 2).map(access);
  return `[Memory access] ${items.join('; ')}`;
}

function calls(rng: Rng, plan: Plan, lib: string): string {
  if (rng.chance(0.25)) return '[Call] *';
  const items: string[] = [];
  for (const other of rng.some(
    plan.libs.filter((l) => l !== lib),
    0,
    3,
  )) {
    if (rng.chance(0.3)) items.push(`${other}::*`);
    else
      for (const fn of rng.some(plan.functions[other] ?? [], 1, 3)) items.push(`${other}::${fn}`);
  }
  if (rng.chance(0.1)) items.push('ghost::fn');
  if (rng.chance(0.05)) items.push(...Object.keys(plan.aliases).map((a) => `${a}::*`));
  return `[Call] ${items.join(', ')}`;
}

function api(rng: Rng, plan: Plan, lib: string): string {
  const fns = plan.functions[lib] ?? [];
  const sig = () =>
    rng.pick([
      '...',
      '',
      'int a',
      'const char *s, size_t n',
      'void *p',
      'struct x *y, int (*cb)(int)',
    ]);
  const items = fns.filter(() => rng.chance(0.85)).map((fn) => `${fn}(${sig()})`);
  if (rng.chance(0.1)) items.push(`extra_${items.length}(...)`);
  return `[API] ${items.join('; ')}`;
}

function requires(rng: Rng, plan: Plan, lib: string): string {
  const who = () =>
    rng.chance(0.7) ? '*' : rng.pick(plan.libs.filter((l) => l !== lib).concat('*'));
  const items: string[] = [];
  for (let i = rng.int(0, 5); i > 0; i--) {
    const action = rng.pick(['Read', 'Write', 'Call']);
    const object =
      action === 'Call'
        ? rng.pick([...(plan.functions[lib] ?? []), '*', 'unknown_fn'])
        : rng.pick(['Own', 'Shared', '*']);
    items.push(`${who()}(${action},${object})`);
  }
  return `[Requires] ${items.join(', ')}`;
}

function hardening(rng: Rng): string {
  const list: string[] = rng.some<string>(HARDENINGS, 0, 5);
  if (rng.chance(0.1)) list.push('kasan');
  return `[Hardening] ${list.join(', ')}`;
}

/** The metadata text of `lib`; the header names another component now and then. */
export function componentText(rng: Rng, plan: Plan, lib: string): string {
  const lines: string[] = [];
  if (rng.chance(0.5)) lines.push(`# ${lib}: ${rng.pick(['plain C', 'verified', 'a library'])}`);
  const header = rng.weighted([
    [20, lib],
    [1, rng.pick(plan.libs)],
    [0.5, ''],
    [0.3, 'Bad-Name'],
  ]);
  if (rng.chance(0.97)) lines.push(header === '' ? 'component' : `component ${header}`);
  const sections = [
    [0.85, () => memory(rng)],
    [0.8, () => calls(rng, plan, lib)],
    [0.8, () => api(rng, plan, lib)],
    [0.45, () => requires(rng, plan, lib)],
    [0.25, () => hardening(rng)],
  ] as const;
  for (const [p, make] of sections) {
    if (!rng.chance(p)) continue;
    const text = make();
    // A section's items may continue on the next lines.
    lines.push(rng.chance(0.1) ? text.replace(/; |, /g, (s) => `${s.trim()}\n  `) : text);
  }
  if (rng.chance(0.12)) lines.splice(rng.int(0, lines.length), 0, rng.pick(GARBAGE_LINES));
  if (rng.chance(0.05)) lines.push(`[${rng.pick(['Memory access', 'Call', 'API'])}] *`);
  return `${(rng.chance(0.1) ? rng.shuffle(lines) : lines).join('\n')}${rng.chance(0.9) ? '\n' : ''}`;
}
