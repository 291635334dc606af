import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyConfigChange,
  hardeningOf,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import type { ComponentSpec } from '../../../src/core/metadata/component-spec.ts';
import type { Hardening } from '../../../src/core/model.ts';
import {
  checkGateSites,
  checkPlacement,
  conflictGraph,
  minimumCompartments,
  proposeConfig,
  separationCanRemove,
} from '../../../src/core/solver/index.ts';
import { partitions, systemArb } from './arbitraries.ts';
import {
  bruteGateSites,
  brutePair,
  bruteViolations,
  calledFunctions,
  isSharedKey,
  keyOf,
} from './brute-force.ts';

const RUNS = { numRuns: 200 };

describe('solver agrees with brute force on small random systems', () => {
  it('(a) conflict graph and minimum compartments match every partition', () => {
    fc.assert(
      fc.property(systemArb, ({ specs, config }) => {
        const hardening: Record<string, Hardening[]> = {};
        for (const s of specs) hardening[s.name] = hardeningOf(config, s.name);
        const fnNames = calledFunctions(specs);
        const byName = new Map(specs.map((s) => [s.name, s]));
        // Shared memory is open to every compartment: no colouring removes such a finding.
        const findings = (x: string, y: string) =>
          brutePair(x, byName.get(x), hardening[x]!, y, byName.get(y), true, fnNames).filter(
            (v) => !isSharedKey(v.key),
          );
        const clash = (a: string, b: string) =>
          findings(a, b).length > 0 || findings(b, a).length > 0;

        const graph = conflictGraph(specs, { hardening });
        const names = specs.map((s) => s.name);
        expect(graph.nodes).toEqual(names);
        const expectedEdges = names.flatMap((a, i) =>
          names
            .slice(i + 1)
            .filter((b) => clash(a, b))
            .map((b) => `${a}-${b}`),
        );
        expect(graph.edges.map((e) => `${e.a}-${e.b}`)).toEqual(expectedEdges);
        for (const e of graph.edges) expect(e.reasons.length).toBeGreaterThan(0);

        let best = Infinity;
        for (const p of partitions(names))
          if (p.every((block) => block.every((a) => block.every((b) => a === b || !clash(a, b)))))
            best = Math.min(best, p.length);
        const colouring = minimumCompartments(graph);
        expect(colouring.count).toBe(best);
        expect(colouring.exact).toBe(true);
        for (const e of graph.edges)
          expect(colouring.assignment[e.a]).not.toBe(colouring.assignment[e.b]);
      }),
      RUNS,
    );
  });

  it('(b) checkPlacement finds exactly the violations of a direct set evaluation', () => {
    fc.assert(
      fc.property(systemArb, ({ specs, config }) => {
        const { violations, diagnostics } = checkPlacement(config, specs);
        const actual = violations.map((v) => ({
          key: keyOf(v.actor, v.target, v.rule),
          functions: v.functions,
        }));
        const expected = bruteViolations(config, specs).map((v) => ({
          key: v.key,
          functions: v.functions,
        }));
        const byKey = (x: { key: string }, y: { key: string }) =>
          x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
        expect(actual.sort(byKey)).toEqual(expected.sort(byKey));
        const violationCodes = diagnostics.filter((d) => d.code.startsWith('solver/violation-'));
        expect(violationCodes.map((d) => d.code)).toEqual(
          violations.map((v) => `solver/violation-${v.rule}`),
        );
      }),
      RUNS,
    );
  });

  it('(c) every proposed fix removes the violation it is proposed for', () => {
    /** `lib|hardening` for each hardening a library gets that its `[Hardening]` forbids. */
    const forbidden = (config: ImageConfig, specs: readonly ComponentSpec[]): string[] =>
      specs.flatMap((s) =>
        hardeningOf(config, s.name)
          .filter((h) => s.hardening !== null && !s.hardening.includes(h))
          .map((h) => `${s.name}|${h}`),
      );
    fc.assert(
      fc.property(systemArb, ({ specs, config }) => {
        const before = checkPlacement(config, specs).violations;
        const beforeKeys = new Set(before.map((v) => keyOf(v.actor, v.target, v.rule)));
        const beforeForbidden = new Set(forbidden(config, specs));
        const fcalls = config.compartments[0]!.mechanism === 'fcalls';
        for (const v of before) {
          const clean: boolean[] = [];
          for (const change of v.fixes) {
            if (fcalls || !separationCanRemove(v.rule)) expect(change.kind).toBe('harden');
            if (change.kind === 'harden') {
              expect(change.lib).toBe(v.actor);
              const allowed = specs.find((s) => s.name === v.actor)?.hardening;
              if (allowed) expect(allowed).toContain(change.hardening);
            }
            if (change.kind === 'move')
              expect(config.compartments.map((c) => c.name)).toContain(change.compartment);
            if (change.kind === 'new-compartment')
              expect(config.compartments.map((c) => c.name)).not.toContain(change.compartment);
            const next = applyConfigChange(config, change);
            const after = checkPlacement(next, specs).violations;
            const afterKeys = after.map((w) => keyOf(w.actor, w.target, w.rule));
            expect(afterKeys).not.toContain(keyOf(v.actor, v.target, v.rule));
            clean.push(
              afterKeys.every((k) => beforeKeys.has(k)) &&
                forbidden(next, specs).every((k) => beforeForbidden.has(k)),
            );
          }
          // Fixes that add no violation and no hardening a library forbids come first.
          expect(clean).toEqual([...clean].sort((x, y) => Number(y) - Number(x)));
        }
      }),
      RUNS,
    );
  });

  it('(d) the proposed config of a minimum colouring has no co-location violation', () => {
    // ...but keeps every shared-memory violation, which no placement removes.
    fc.assert(
      fc.property(systemArb, ({ specs, config }) => {
        const hardening: Record<string, Hardening[]> = {};
        for (const s of specs) hardening[s.name] = hardeningOf(config, s.name);
        const { count, assignment } = minimumCompartments(conflictGraph(specs, { hardening }));
        const proposed = proposeConfig(config, specs, assignment);
        expect(proposed.compartments.map((c) => [c.name, c.default])).toEqual(
          Array.from({ length: Math.max(count, 1) }, (_, i) => [`comp${i + 1}`, i === 0]),
        );
        for (const s of specs) expect(hardeningOf(proposed, s.name)).toEqual(hardening[s.name]);
        if (config.compartments[0]!.mechanism === 'fcalls') return;
        const compOf = (lib: string) => proposed.libraries.find((l) => l.name === lib)?.compartment;
        const after = checkPlacement(proposed, specs).violations;
        const colocated = after.filter(
          (v) =>
            separationCanRemove(v.rule) &&
            v.actor in assignment &&
            v.target in assignment &&
            compOf(v.actor) === compOf(v.target),
        );
        expect(colocated).toEqual([]);
        const shared = (vs: typeof after) =>
          vs
            .filter((v) => !separationCanRemove(v.rule))
            .map((v) => keyOf(v.actor, v.target, v.rule))
            .sort();
        expect(shared(after)).toEqual(shared(checkPlacement(config, specs).violations));
      }),
      RUNS,
    );
  });

  it('(e) checkGateSites flags exactly the gates outside [Call] or a crossed [API]', () => {
    fc.assert(
      fc.property(systemArb, ({ specs, config, sites }) => {
        const found = checkGateSites(config, specs, sites);
        const expected = bruteGateSites(config, specs, sites);
        const at = (start: number) =>
          found
            .filter((d) => d.span.start === start)
            .map((d) => d.code)
            .sort();
        sites.forEach((site, i) =>
          expect(at(site.span.start), `site ${i}`).toEqual(expected[i]!.sort()),
        );
        expect(found.length).toBe(expected.flat().length);
        for (const d of found) expect(d.severity).toBe('error');
      }),
      RUNS,
    );
  });

  it('(f) shared-memory violations are the same in every placement, and never a conflict', () => {
    fc.assert(
      fc.property(systemArb, ({ specs, config }) => {
        const names = specs.map((s) => s.name);
        const shared = (c: ImageConfig) =>
          checkPlacement(c, specs)
            .violations.filter((v) => !separationCanRemove(v.rule))
            .map((v) => keyOf(v.actor, v.target, v.rule))
            .sort();
        const before = shared(config);
        // Everything apart, then everything together: shared findings do not move.
        const apart = proposeConfig(config, specs, Object.fromEntries(names.map((n, i) => [n, i])));
        const together = proposeConfig(config, specs, {});
        expect(shared(apart)).toEqual(before);
        expect(shared(together)).toEqual(before);
        for (const v of checkPlacement(config, specs).violations)
          if (!separationCanRemove(v.rule))
            expect(v.fixes.filter((f) => f.kind !== 'harden')).toEqual([]);
      }),
      RUNS,
    );
  });
});
