import { getBackend } from '../../backends/index.ts';
import type { ComponentSpec } from '../../metadata/component-spec.ts';
import type { Hardening } from '../../model.ts';
import {
  behaviourOf,
  checkLimits,
  checkPair,
  targetOf,
  type Behaviour,
} from '../../solver/index.ts';
import { violationMessage } from '../../solver/violation-report.ts';
import type { AllowedCheck } from '../explore-types.ts';
import {
  blockCount,
  componentBlocks,
  hardeningByComponent,
  type Configuration,
  type Space,
} from '../space/space.ts';
import { toImageConfig } from '../space/to-config.ts';

/**
 * The validity check of `requires: true`: a configuration is allowed when its image breaks no
 * component's `[Requires]` and has no other error (hardening a component's `[Hardening]`
 * forbids, a mechanism limit) — what `checkPlacement` reports as errors, decided without
 * building a single fix. Validity is a property of pairs: `checkPair` per ordered pair of
 * components, given the actor's hardening and whether the two are co-located, plus the
 * mechanism's limit on compartments. Those inputs repeat across a space, so each pair verdict
 * is computed once and looked up afterwards: a configuration costs components² look-ups.
 *
 * The reason has one line per pair of components in conflict (`actor → target: ...`), so the
 * explorer can count configurations per conflict. The check carries `components`, so
 * `exploreSpace` leaves out the options their `[Hardening]` forbids first: what is left is
 * closed under "safer", as the structural frontier needs.
 */
export function createRequiresCheck(
  space: Space,
  components: readonly ComponentSpec[],
): AllowedCheck {
  const specs = components.filter((c) => space.components.includes(c.name));
  // The first spec of a name wins, as in the solver.
  const byName = new Map<string, ComponentSpec>();
  for (const c of specs) if (!byName.has(c.name)) byName.set(c.name, c);
  const names = space.components;
  const n = names.length;
  const specOf = names.map((name) => byName.get(name));
  const targets = names.map((name, c) => targetOf(name, specOf[c]));
  const ownOptions = names.map((_, c) =>
    space.options.reduce((m, o, i) => (o.component === c ? m | (1 << i) : m), 0),
  );
  const separates = getBackend(space.mechanism).separatesMemory;

  const behaviours = new Map<number, Behaviour>();
  const actorHardening = new Map<number, Hardening[]>();
  const hardeningOf = (c: number, bits: number): Hardening[] => {
    const key = c * 2 ** 31 + bits;
    let h = actorHardening.get(key);
    if (!h) actorHardening.set(key, (h = hardeningByComponent(space, bits)[c] ?? []));
    return h;
  };
  const behaviourFor = (c: number, bits: number): Behaviour => {
    const key = c * 2 ** 31 + bits;
    let b = behaviours.get(key);
    if (!b)
      behaviours.set(key, (b = behaviourOf(names[c] as string, specOf[c], hardeningOf(c, bits))));
    return b;
  };
  /** The reason line of one ordered pair, or null when it is fine. */
  const pairs = new Map<number, string | null>();
  const pairLine = (a: number, t: number, bits: number, colocated: boolean): string | null => {
    const key = ((a * n + t) * 2 + (colocated ? 1 : 0)) * 2 ** 31 + bits;
    const known = pairs.get(key);
    if (known !== undefined) return known;
    const target = targets[t] as (typeof targets)[number];
    const { findings } = checkPair(behaviourFor(a, bits), target, colocated);
    const line =
      findings.length === 0
        ? null
        : `${names[a]} → ${names[t]}: ${findings
            .map((f) => violationMessage(f, target.requires, target.api.length > 0))
            .join('; ')}`;
    pairs.set(key, line);
    return line;
  };
  /** Hardening a component's `[Hardening]` forbids, as the solver words it. */
  const forbidden = new Map<number, string[]>();
  const forbiddenLines = (c: number, bits: number): string[] => {
    const key = c * 2 ** 31 + bits;
    let lines = forbidden.get(key);
    if (lines) return lines;
    const allowed = specOf[c]?.hardening;
    const list = allowed && allowed.length > 0 ? allowed.join(', ') : 'none';
    lines = allowed
      ? hardeningOf(c, bits)
          .filter((h) => !allowed.includes(h))
          .map((h) => `${names[c]} cannot be hardened with ${h}: its [Hardening] allows ${list}`)
      : [];
    forbidden.set(key, lines);
    return lines;
  };
  /** Mechanism limits broken by a number of compartments (the same for every configuration). */
  const limits = new Map<number, string[]>();
  const limitLines = (cfg: Configuration): string[] => {
    const k = blockCount(cfg);
    let lines = limits.get(k);
    if (!lines)
      limits.set(
        k,
        (lines = checkLimits(toImageConfig(space, cfg))
          .filter((d) => d.severity === 'error')
          .map((d) => d.message)),
      );
    return lines;
  };

  const check = (cfg: Configuration): ReturnType<AllowedCheck> => {
    const blockOf = componentBlocks(space, cfg);
    const reasons: string[] = [...limitLines(cfg)];
    for (let a = 0; a < n; a++) {
      const bits = cfg.hardening & (ownOptions[a] as number);
      reasons.push(...forbiddenLines(a, bits));
      for (let t = 0; t < n; t++) {
        if (t === a) continue;
        const line = pairLine(a, t, bits, !separates || blockOf[a] === blockOf[t]);
        if (line !== null) reasons.push(line);
      }
    }
    if (reasons.length === 0) return true;
    return { allowed: false, reason: [...new Set(reasons)].sort().join('\n') };
  };
  return Object.assign(check, { components: specs });
}
