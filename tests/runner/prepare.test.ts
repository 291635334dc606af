/**
 * What the runner asks of the core before compiling: the check of the user's own workspace,
 * the switch to the job's mechanism, and which problems stop a build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCParser } from '../../src/cli/node-parser.ts';
import type { CParser } from '../../src/core/pipeline/index.ts';
import { checkJob, instantiateJob } from '../../src/runner/build/prepare.ts';
import { withMechanism } from '../../src/runner/build/with-mechanism.ts';
import { loadExample } from './native-helpers.ts';

let parser: CParser & { delete(): void };
beforeAll(async () => {
  parser = await createNodeCParser();
});
afterAll(() => parser.delete());

const ws = (files: Record<string, string>) => ({ files, settings: { panel: 'graph' } });
const any = () => ({ ok: true as const });

describe('preparing a job', () => {
  it('switches every compartment to the job’s mechanism, nothing else', () => {
    const files = loadExample('minikv');
    const switched = withMechanism(ws(files), 'fcalls');
    const text = switched?.files['config.yaml'] ?? '';
    expect(text.match(/mechanism: fcalls/g)).toHaveLength(3);
    expect(text).not.toMatch(/intel-mpk/);
    expect(text).toMatch(/- netstack: comp3/);
    expect(switched?.files['libs/kv/kv.c']).toBe(files['libs/kv/kv.c']);
  });

  it('reads a kraft.yaml image too', () => {
    const kraft = [
      "specification: '0.6'",
      'name: k',
      'compartments:',
      '  - name: comp1',
      '    mechanism:',
      '      driver: intel-pku',
      '    default: true',
      'libraries:',
      '  app:',
      '    compartment: comp1',
      '',
    ].join('\n');
    const switched = withMechanism(ws({ 'kraft.yaml': kraft }), 'fcalls');
    expect(switched?.files['kraft.yaml']).toBeUndefined();
    expect(switched?.files['config.yaml']).toMatch(/mechanism: fcalls/);
  });

  it('runs an image whose placement the metadata forbids under fcalls, with the findings', () => {
    const w = ws(loadExample('imgparse'));
    const checked = checkJob(w, 'fcalls', any);
    expect(checked.status).toBe('ok');
    if (checked.status !== 'ok') return;
    expect(checked.override).toBe(true);
    const inst = instantiateJob(w, parser, checked, undefined);
    expect(inst.status).toBe('ok');
    const codes = inst.diagnostics.map((d) => d.code);
    expect(codes).toContain('solver/violation-write-own');
    expect(codes).toContain('config/fcalls-no-isolation');
    // Positions in the rewritten image file are not the user's: they point at its start.
    for (const d of inst.diagnostics)
      expect(d.span).toEqual({ file: 'config.yaml', start: 0, end: 0 });
  });

  it('stops at configuration errors, at the user’s positions', () => {
    const files = loadExample('hello');
    const config = (files['config.yaml'] as string).replace('default: true', 'default: yes');
    const checked = checkJob(ws({ ...files, 'config.yaml': config }), 'fcalls', any);
    expect(checked.status).toBe('config-error');
    const errors = checked.diagnostics.filter((x) => x.severity === 'error');
    expect(errors.map((d) => config.slice(d.span.start, d.span.end))).toContain('yes');
  });

  it('says why when the target cannot run the image’s mechanism', () => {
    const checked = checkJob(ws(loadExample('hello')), undefined, () => ({
      ok: false,
      reason: 'no keys',
    }));
    expect(checked.status).toBe('config-error');
    const d = checked.diagnostics.find((x) => x.code === 'runner/mechanism-unavailable');
    expect(d?.message).toMatch(/no keys/);
    expect(d?.span.file).toBe('config.yaml');
    expect(d?.span.end).toBeGreaterThan(d?.span.start ?? 0);
  });
});
