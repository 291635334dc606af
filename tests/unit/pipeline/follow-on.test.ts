/**
 * While config.yaml has errors, the warnings that follow from its half-read image are held
 * back (with one note saying how many), the analysis says the image is not to be trusted,
 * and the graph counts violations as the Problems panel lists them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeWorkspace,
  checkWorkspace,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';
import { getParser } from '../rewrite/support.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'examples', 'minikv');

function readDir(d: string, out: Record<string, string> = {}): Record<string, string> {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const path = join(d, e.name);
    if (e.isDirectory()) readDir(path, out);
    else out[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return out;
}

const files = readDir(dir);
const config = files['config.yaml'] ?? '';
const withConfig = (text: string): Workspace => ({
  files: { ...files, 'config.yaml': text },
  settings: { panel: 'graph' },
});
/** A misspelled library (a follow-on warning: no metadata) and an unknown mechanism (the error). */
const broken = config
  .replace('- netstack: comp3', '- netstak: comp3')
  .replace('mechanism: intel-mpk\n      default', 'mechanism: intel-mpkk\n      default');
const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

describe('follow-on warnings of a config error', () => {
  it('are held back, with one note at the config error saying how many', () => {
    const raw = checkWorkspace(withConfig(broken), { holdFollowOns: false });
    expect(codes(raw.diagnostics)).toContain('solver/missing-component');
    const held = checkWorkspace(withConfig(broken));
    expect(codes(held.diagnostics)).not.toContain('solver/missing-component');
    const note = held.diagnostics.find((d) => d.code === 'workspace/follow-on-hidden');
    const error = held.diagnostics.find((d) => d.code === 'config/unknown-mechanism');
    expect(note?.severity).toBe('info');
    expect(note?.span).toEqual(error?.span);
    expect(note?.message).toMatch(/^One warning/);
    expect(held.configErrors).toBe(1);
  });

  it('come back once the config is fixed', () => {
    const typoOnly = config.replace('- netstack: comp3', '- netstak: comp3');
    const checked = checkWorkspace(withConfig(typoOnly));
    expect(checked.configErrors).toBe(0);
    expect(codes(checked.diagnostics)).toContain('solver/missing-component');
    expect(codes(checked.diagnostics)).not.toContain('workspace/follow-on-hidden');
  });

  it('are held back in the live analysis too, errors never', async () => {
    const parser = await getParser();
    const analysed = analyzeWorkspace(withConfig(broken), { parser });
    expect(analysed.configErrors).toBe(1);
    expect(codes(analysed.diagnostics).sort()).toEqual([
      'config/unknown-mechanism',
      'workspace/follow-on-hidden',
    ]);
    // sched and netstack together: violations are errors and stay, next to a config error.
    const both = broken
      .replace('- netstak: comp3', '- netstack: comp2')
      .replace('  - comp3:\n      mechanism: intel-mpk\n', '');
    const violating = analyzeWorkspace(withConfig(both), { parser });
    expect(violating.configErrors).toBe(1);
    expect(
      codes(violating.diagnostics).filter((c) => c.startsWith('solver/violation-')),
    ).not.toEqual([]);
  });

  it('an empty compartment leaves the image whole: trusted, nothing held back', () => {
    const moved = checkWorkspace(withConfig(config.replace('- sched: comp2', '- sched: comp3')));
    expect(codes(moved.diagnostics)).toContain('config/unused-compartment');
    expect(moved.configErrors).toBe(0);
  });
});

describe('the graph counts violations as Problems lists them', () => {
  it('one per solver/violation- diagnostic, though one edge carries several', async () => {
    const parser = await getParser();
    const moved = config.replace('- netstack: comp3', '- netstack: comp2');
    const analysed = analyzeWorkspace(withConfig(moved), { parser });
    const listed = analysed.diagnostics.filter((d) => d.code.startsWith('solver/violation-'));
    expect(listed.length).toBeGreaterThan(1);
    expect(analysed.graph?.violationCount).toBe(listed.length);
    const edges = analysed.graph?.edges.filter((e) => e.violations.length > 0) ?? [];
    expect(edges.length).toBeLessThan(listed.length);
  });
});
