import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  checkWorkspace,
  solveWorkspace,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');

function example(name: string): Workspace {
  const dir = join(root, 'examples', name);
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return { files, settings: { panel: 'graph' } };
}

/** minikv with sched and netstack put back into the default compartment. */
function minikvPacked(): Workspace {
  const ws = example('minikv');
  const text = ws.files['config.yaml'] ?? '';
  ws.files['config.yaml'] = text
    .replace('  - sched: comp2', '  - sched: comp1')
    .replace('  - netstack: comp3', '  - netstack: comp1')
    .replace(
      / {2}- comp2:\n {6}mechanism: intel-mpk\n {2}- comp3:\n {6}mechanism: intel-mpk\n/,
      '',
    );
  return ws;
}

describe('solveWorkspace', () => {
  it('proposes the fewest compartments as edits that keep comments, and they remove every violation', () => {
    const ws = minikvPacked();
    const before = checkWorkspace(ws);
    expect(before.violations.length).toBeGreaterThan(0);
    const s = solveWorkspace(ws);
    if (s.status !== 'ok') throw new Error(s.status);
    expect(s.minCompartments).toBe(2);
    expect(s.reprinted).toBe(false);
    expect(s.edits).toHaveLength(1);
    const text = applyEdits(ws.files['config.yaml'] ?? '', s.edits);
    expect(text).toBe(s.text);
    expect(text).toContain('# minikv: a key-value server');
    const after = checkWorkspace({ ...ws, files: { ...ws.files, 'config.yaml': text } });
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(s.remaining).toEqual([]);
  });

  it('removes the compartments its proposal leaves empty as edits, keeping the comments', () => {
    const ws = example('minikv');
    const text = (ws.files['config.yaml'] ?? '').replace(
      '  - netstack: comp3',
      '  - netstack: comp2',
    );
    ws.files['config.yaml'] = text;
    expect(checkWorkspace(ws).diagnostics.map((d) => d.code)).toContain(
      'config/unused-compartment',
    );
    const s = solveWorkspace(ws);
    if (s.status !== 'ok') throw new Error(s.status);
    expect(s.reprinted).toBe(false);
    expect(s.text).toContain('# minikv: a key-value server');
    expect(s.text).not.toContain('comp3');
    expect(s.config.compartments.map((c) => c.name)).toEqual(['comp1', 'comp2']);
    expect(applyEdits(text, s.edits)).toBe(s.text);
    const after = checkWorkspace({ ...ws, files: { ...ws.files, 'config.yaml': s.text } });
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves a minimal placement alone', () => {
    const s = solveWorkspace(example('minikv'));
    if (s.status !== 'ok') throw new Error(s.status);
    // minikv needs 2 compartments: its 3 are safe, but not minimal, so the solver merges two.
    expect(s.minCompartments).toBe(2);
    const hello = solveWorkspace(example('hello'));
    if (hello.status !== 'ok') throw new Error(hello.status);
    expect(hello.remaining).toEqual([]);
  });

  it('says there is no config instead of throwing', () => {
    const s = solveWorkspace({ files: {}, settings: { panel: 'graph' } });
    expect(s.status).toBe('no-config');
  });
});
