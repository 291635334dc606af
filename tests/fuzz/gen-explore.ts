/**
 * `space.yaml` and `workload.yaml` over a plan's libraries. Spaces stay small (a few
 * components, at most four compartments) so exploring them is quick; now and then one is
 * large or has absurd numbers, to reach the explorer's refusal paths.
 */
import { HARDENINGS } from '../../src/core/model.ts';
import type { Plan } from './gen-plan.ts';
import type { Rng } from './prng.ts';

const ODD_NUMBERS = ['0', '-1', '1e308', '-0', '1e-320', '2.5', 'three', '.inf', '.nan', '[]', '~'];

function number(rng: Rng, min: number, max: number, odd = 0.05): string {
  return rng.chance(odd) ? rng.pick(ODD_NUMBERS) : String(rng.int(min, max));
}

function option(rng: Rng): string {
  const hs: string[] = rng.some<string>(HARDENINGS, 1, 2);
  if (rng.chance(0.05)) hs.push('kasan');
  return hs.join('+');
}

export function spaceYaml(rng: Rng, plan: Plan): { text: string; components: string[] } {
  const large = rng.chance(0.015);
  let components = rng.some(plan.libs, 1, Math.min(plan.libs.length, 5));
  if (large) {
    const n = rng.int(12, 30);
    components = Array.from({ length: n }, (_, i) => plan.libs[i] ?? `c${i}`);
  }
  if (rng.chance(0.05)) components.push(rng.pick(['ghost', 'Bad', components[0] ?? 'x']));
  const lines: string[] = [];
  if (rng.chance(0.5)) lines.push(`name: ${plan.name}`);
  lines.push(
    rng.chance(0.8)
      ? `components: [${components.join(', ')}]`
      : `components:\n${components.map((c) => `  - ${c}`).join('\n')}`,
  );
  if (components.length >= 2 && rng.chance(0.3)) {
    const group = rng.some(components, 2, 2);
    lines.push(`together: [[${group.join(', ')}]${rng.chance(0.1) ? `, [${group[0]}]` : ''}]`);
  }
  if (large) lines.push(`max-compartments: ${rng.pick([components.length, 40, 1000])}`);
  else if (rng.chance(0.85)) lines.push(`max-compartments: ${number(rng, 1, 4, 0.08)}`);
  if (rng.chance(0.7)) {
    lines.push('hardening:');
    for (const c of rng.some(components, 1, large ? components.length : 3)) {
      const options = Array.from({ length: rng.int(1, large ? 3 : 2) }, () => option(rng));
      lines.push(`  ${c}: [${options.join(', ')}]`);
    }
  }
  if (rng.chance(0.8))
    lines.push(`mechanism: ${rng.pick(plan.mechanisms.concat('cheri', 'vmept'))}`);
  if (rng.chance(0.6)) lines.push(`sharing: ${plan.sharing ?? 'heap'}`);
  if (rng.chance(0.5)) lines.push(`requires: ${rng.pick(['true', 'false', 'maybe'])}`);
  if (rng.chance(0.03)) lines.push('colour: blue');
  return { text: `${lines.join('\n')}\n`, components };
}

export function workloadYaml(rng: Rng, components: readonly string[]): string {
  const lines: string[] = [];
  const names = [...components, ...(rng.chance(0.05) ? ['ghost'] : [])];
  if (rng.chance(0.95)) lines.push(`baseline: ${number(rng, 1000, 1_000_000)}`);
  if (rng.chance(0.3)) lines.push(`clock-ghz: ${number(rng, 1, 5)}`);
  const edges = () => {
    const out: string[] = [];
    for (const a of names)
      for (const b of names) if (a !== b && rng.chance(0.4)) out.push(`${a}->${b}`);
    if (rng.chance(0.05)) out.push('a->', '->b', 'x-y');
    return out;
  };
  const calls = edges();
  if (calls.length > 0 && rng.chance(0.9)) {
    lines.push('calls:');
    for (const e of calls) lines.push(`  ${e}: ${number(rng, 0, 50)}`);
  }
  const buffers = edges().slice(0, 3);
  if (buffers.length > 0 && rng.chance(0.2)) {
    lines.push('buffers:');
    for (const e of buffers) lines.push(`  ${e}: ${number(rng, 0, 4)}`);
  }
  if (rng.chance(0.85)) {
    lines.push('share:');
    const each = 0.9 / Math.max(1, names.length);
    for (const n of names)
      lines.push(
        `  ${n}: ${rng.chance(0.05) ? rng.pick(ODD_NUMBERS) : (each * rng.next() * (rng.chance(0.05) ? 5 : 1)).toFixed(3)}`,
      );
  }
  if (rng.chance(0.2)) {
    lines.push('hardening-factors:');
    for (const h of rng.some(HARDENINGS, 1, 3))
      lines.push(`  ${h}: ${(1 + rng.next() * 2).toFixed(2)}`);
    if (rng.chance(0.1)) lines.push('  asan: 0.5');
  }
  if (rng.chance(0.03)) lines.push('colour: blue');
  return `${lines.join('\n')}\n`;
}
