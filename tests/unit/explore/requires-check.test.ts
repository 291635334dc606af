import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRequiresCheck,
  createSpace,
  enumerateConfigurations,
  parseSpace,
  toImageConfig,
  type Configuration,
  type Space,
} from '../../../src/core/explore/index.ts';
import { parseComponent, type ComponentSpec } from '../../../src/core/metadata/index.ts';
import { checkPlacement } from '../../../src/core/solver/index.ts';
import { MECHANISMS } from '../../../src/core/model.ts';

/**
 * What the filter decided before it was written on `checkPair`: the whole placement check
 * (fixes included), one reason line per pair of components in conflict, then the other errors.
 */
function reference(space: Space, specs: ComponentSpec[], cfg: Configuration): true | string {
  const mine = specs.filter((c) => space.components.includes(c.name));
  const { violations, diagnostics } = checkPlacement(toImageConfig(space, cfg), mine);
  const lines = new Map<string, string[]>();
  for (const v of violations) {
    const key = `${v.actor} → ${v.target}`;
    lines.set(key, [...(lines.get(key) ?? []), v.message]);
  }
  const pairs = [...lines].map(([pair, messages]) => `${pair}: ${messages.join('; ')}`);
  const others = diagnostics
    .filter((d) => d.severity === 'error' && !d.code.startsWith('solver/violation-'))
    .map((d) => d.message);
  const reasons = [...new Set([...pairs, ...others])].sort();
  return reasons.length === 0 ? true : reasons.join('\n');
}

function verdict(r: boolean | { allowed: false; reason: string }): true | string {
  return r === true ? true : r === false ? 'not allowed' : r.reason;
}

const NAMES = ['app', 'lwip', 'sched', 'zlib'];

/** A random `.flexos` file of component `name`: any section may be missing. */
function arbitraryComponent(name: string): fc.Arbitrary<string> {
  const other = fc.constantFrom(...NAMES.filter((n) => n !== name));
  const region = fc.constantFrom('Own', 'Own', 'Own,Shared', 'Shared', '*');
  const call = fc.oneof(
    fc.constant('*'),
    other.map((o) => `${o}::*`),
    fc.tuple(other, fc.constantFrom('f', 'g', 'h')).map(([o, f]) => `${o}::${f}`),
  );
  const requirement = fc
    .tuple(
      fc.oneof(fc.constant('*'), fc.constant('*'), other),
      fc.constantFrom('Read', 'Write', 'Call'),
      fc.constantFrom('Own', 'Shared', '*', '*', 'f', 'g'),
    )
    .map(([who, action, object]) => `${who}(${action},${object})`);
  const section = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  return fc
    .record({
      memory: section(fc.tuple(region, region)),
      calls: section(fc.array(call, { maxLength: 3 })),
      api: section(fc.subarray(['f', 'g'])),
      // Often none, which accepts anything: otherwise almost no configuration is allowed.
      requires: fc.option(fc.array(requirement, { maxLength: 9 }), { nil: undefined, freq: 2 }),
      hardening: section(fc.subarray(['asan', 'cfi'])),
    })
    .map((s) =>
      [
        `component ${name}`,
        s.memory ? `[Memory access] Read(${s.memory[0]}); Write(${s.memory[1]})` : '',
        s.calls ? `[Call] ${s.calls.join(', ')}` : '',
        s.api ? `[API] ${s.api.map((f) => `${f}(...)`).join('; ')}` : '',
        s.requires ? `[Requires] ${s.requires.join(', ')}` : '',
        s.hardening ? `[Hardening] ${s.hardening.join(', ')}` : '',
      ]
        .filter((l) => l !== '')
        .join('\n'),
    );
}

describe('the [Requires] filter', () => {
  it('decides exactly what the placement check decides, with the same reasons (random metadata and spaces)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.constantFrom(...MECHANISMS),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom('asan', 'cfi', 'asan+cfi'), { minLength: 4, maxLength: 4 }),
        fc.tuple(...NAMES.map(arbitraryComponent)),
        (count, mechanism, max, options, texts) => {
          const components = NAMES.slice(0, count);
          const specs = texts.flatMap((t, i) => {
            const spec = parseComponent(t, `components/${NAMES[i]}.flexos`).spec;
            return spec ? [spec] : [];
          });
          const space = createSpace({
            components,
            maxCompartments: max,
            mechanism,
            // Options a component's [Hardening] forbids stay in: the filter reports them too.
            hardening: Object.fromEntries(components.map((c, i) => [c, [options[i] as string]])),
          });
          const check = createRequiresCheck(space, specs);
          for (const cfg of enumerateConfigurations(space))
            expect(verdict(check(cfg))).toEqual(reference(space, specs, cfg));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('agrees with the placement check on every configuration of minikv', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'examples', 'minikv');
    const space = parseSpace(readFileSync(join(dir, 'space.yaml'), 'utf8')).space as Space;
    const specs = ['kv', 'libc', 'sched', 'netstack'].map(
      (c) =>
        parseComponent(
          readFileSync(join(dir, 'components', `${c}.flexos`), 'utf8'),
          `components/${c}.flexos`,
        ).spec as ComponentSpec,
    );
    const check = createRequiresCheck(space, specs);
    let allowed = 0;
    for (const cfg of enumerateConfigurations(space)) {
      const v = verdict(check(cfg));
      expect(v).toEqual(reference(space, specs, cfg));
      if (v === true) allowed++;
    }
    expect(allowed).toBe(52);
  });

  it("reports the mechanism's limit on compartments", () => {
    const components = Array.from({ length: 16 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const space = createSpace({ components, maxCompartments: 16, mechanism: 'intel-mpk' });
    const check = createRequiresCheck(space, []);
    const apart: Configuration = { blocks: components.map((_, i) => i), hardening: 0 };
    expect(verdict(check(apart))).toEqual(reference(space, [], apart));
    expect(check(apart)).not.toBe(true);
    expect(check({ blocks: components.map((_, i) => Math.min(i, 14)), hardening: 0 })).toBe(true);
  });
});
