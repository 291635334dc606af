/**
 * The CLI and the page's workers are two shells over one pipeline: for the same workspace they
 * must print the same diagnostics, the same minimum compartments and proposed config, and the
 * same exploration frontier with the same estimates. Every example runs through both, plus
 * broken variants (everything in one compartment; a workload that leaves out an edge the
 * sources gate through, where the estimates depend on the C).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createNodeIo } from '../../../src/cli/node-io.ts';
import { loadWorkspace } from '../../../src/cli/load-workspace.ts';
import { toLineColumn, type Diagnostic } from '../../../src/core/diagnostics.ts';
import type { Workspace } from '../../../src/core/pipeline/index.ts';
import { createAnalysisApi } from '../../../workers/analysis-api.ts';
import { createExploreApi } from '../../../workers/explore-api.ts';
import { getParser } from '../rewrite/support.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'flexos-shells-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const analysisApi = createAnalysisApi(getParser, () => 0);
const exploreApi = createExploreApi(getParser);

/** Workspace directories: each example, and the variants made from them. */
function workspaces(): { name: string; dir: string }[] {
  const out: { name: string; dir: string }[] = [];
  for (const e of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const dir = join(root, 'examples', e.name);
    out.push({ name: e.name, dir });
    // Every library in the first compartment: solver violations, unused compartments.
    const packed = join(scratch, `${e.name}-packed`);
    cpSync(dir, packed, { recursive: true });
    const config = join(packed, 'config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(/^(\s+- [\w-]+): comp\d+$/gm, '$1: comp1'),
    );
    out.push({ name: `${e.name}, everything in comp1`, dir: packed });
  }
  const minikv = join(scratch, 'minikv-no-netstack-sched');
  cpSync(join(root, 'examples', 'minikv'), minikv, { recursive: true });
  const workload = join(minikv, 'workload.yaml');
  writeFileSync(workload, readFileSync(workload, 'utf8').replace(/^ {2}netstack->sched:.*\n/m, ''));
  out.push({ name: 'minikv, workload without netstack->sched', dir: minikv });
  return out;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const io = createNodeIo();
  let stdout = '';
  io.out = (t) => void (stdout += t);
  io.err = () => {};
  return { code: await main(args, io), stdout };
}

async function workspaceOf(dir: string): Promise<Workspace> {
  return (await loadWorkspace(createNodeIo(), dir)).ws;
}

/** A diagnostic as `flexos check --json` prints it. */
function asJson(ws: Workspace, dir: string, d: Diagnostic) {
  const { line, column } = toLineColumn(ws.files[d.span.file] ?? '', d.span.start);
  return { code: d.code, severity: d.severity, file: join(dir, d.span.file), line, column };
}

describe.each(workspaces())('$name: CLI and workers agree', ({ dir }) => {
  it('on the diagnostics', async () => {
    const { stdout } = await cli(['check', dir, '--json']);
    const printed = (JSON.parse(stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics;
    const ws = await workspaceOf(dir);
    const answer = await analysisApi.analyze(1, ws);
    const fromCli = printed.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.file,
      line: d.line,
      column: d.column,
    }));
    expect(fromCli).toEqual(answer.result.diagnostics.map((d) => asJson(ws, dir, d)));
  });

  it('on the minimum compartments and the proposed config', async () => {
    const { stdout } = await cli(['solve', dir, '--json']);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    const solution = analysisApi.solve(await workspaceOf(dir));
    if (solution.status !== 'ok') throw new Error('every workspace here has a config');
    expect(printed.minCompartments).toBe(solution.minCompartments);
    expect(printed.assignment).toEqual(solution.assignment);
    expect(printed.config).toBe(solution.text);
    expect(printed.remaining).toEqual(
      solution.remaining.map((d) => ({ code: d.code, message: d.message })),
    );
  });

  it('on the exploration frontier and its estimates', async () => {
    const ws = await workspaceOf(dir);
    if (ws.files['space.yaml'] === undefined || ws.files['workload.yaml'] === undefined) return;
    const budget = '>=100000';
    const { stdout } = await cli(['explore', dir, '--estimate', '--budget', budget, '--json']);
    const printed = JSON.parse(stdout) as {
      frontierDetails: { id: string; value?: number }[];
      configurations: number;
    };
    const explored = await exploreApi.explore(ws, { order: 'flexos', labels: 'estimate', budget });
    if (explored.status !== 'ok') throw new Error(`explore failed: ${explored.status}`);
    expect(printed.configurations).toBe(explored.result.configurations);
    expect(printed.frontierDetails.length).toBeGreaterThan(0);
    expect(printed.frontierDetails.map((m) => [m.id, m.value])).toEqual(
      explored.result.frontier.map((m) => [m.id, m.value]),
    );
  });
});

describe('the variant that needs the C sources for its estimates', () => {
  it('estimates differently from the plain workload', async () => {
    const plain = await workspaceOf(join(root, 'examples', 'minikv'));
    const missing = await workspaceOf(join(scratch, 'minikv-no-netstack-sched'));
    const request = { order: 'flexos' as const, labels: 'estimate' as const };
    const a = await exploreApi.explore(plain, request);
    const b = await exploreApi.explore(missing, request);
    if (a.status !== 'ok' || b.status !== 'ok') throw new Error('explore failed');
    // The sources gate netstack->sched twice: counted as 2 calls instead of the listed 0.
    expect(b.diagnostics.map((d) => d.code)).toContain('workload/edge-from-sources');
    expect(b.result.frontier.map((m) => m.value)).not.toEqual(
      a.result.frontier.map((m) => m.value),
    );
  });
});
