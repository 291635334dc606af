import { hardeningOf, mechanismOf } from '../../core/config/image-config.ts';
import { printConfigYaml } from '../../core/config/index.ts';
import type { ComponentSpec } from '../../core/metadata/index.ts';
import {
  checkPlacement,
  conflictGraph,
  minimumCompartments,
  proposeConfig,
} from '../../core/solver/index.ts';
import { checkWorkspace } from '../../core/workspace/check-workspace.ts';
import type { Hardening } from '../../core/model.ts';
import { parseArgs } from '../args.ts';
import { formatDiagnostic } from '../format.ts';
import type { Command } from '../io.ts';
import { loadWorkspace } from '../load-workspace.ts';

const USAGE = 'usage: flexos solve DIR [--json]\n';

/** A library without metadata is plain C: may touch anything, calls anything, requires nothing. */
function plainC(name: string): ComponentSpec {
  const span = { file: 'config.yaml', start: 0, end: 0 };
  return {
    name,
    doc: [],
    memory: null,
    calls: [{ kind: 'any', span }],
    api: [],
    requires: null,
    hardening: null,
    span,
  };
}

/**
 * `flexos solve DIR`: the conflict graph of the image's components under the config's
 * hardening, the minimum number of compartments and a config.yaml achieving it.
 */
export const solveCommand: Command = async (args, io) => {
  const { parsed, error } = parseArgs(args, { valued: [], boolean: ['json'] });
  const dir = parsed.positional[0];
  if (error || dir === undefined || parsed.positional.length > 1) {
    io.err(error ? `flexos solve: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(await io.isDirectory(dir))) {
    io.err(`flexos solve: ${dir} is not a directory\n`);
    return 2;
  }
  const ws = await loadWorkspace(io, dir);
  const check = checkWorkspace(ws, { fixes: false });
  const { config } = check;
  if (!config) {
    for (const d of check.diagnostics) io.err(formatDiagnostic(ws, dir, d) + '\n');
    io.err('flexos solve: no usable config.yaml or kraft.yaml\n');
    return 1;
  }
  const byName = new Map(check.components.map((c) => [c.name, c]));
  const components = check.libraries.map((lib) => byName.get(lib) ?? plainC(lib));
  const hardening: Record<string, Hardening[]> = {};
  for (const lib of check.libraries) hardening[lib] = hardeningOf(config, lib);
  const graph = conflictGraph(components, { hardening });
  const colouring = minimumCompartments(graph);
  const proposed = proposeConfig(config, components, colouring.assignment);
  const yaml = printConfigYaml(proposed);
  // Colouring separates what conflicts when co-located; what it cannot fix (calls refused even
  // through a gate, fcalls separating nothing, more compartments than the mechanism has) is
  // found by checking the proposal itself, and said, never hidden.
  const remaining = checkPlacement(proposed, components)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, message: d.message }));
  if (parsed.flags.has('json')) {
    const conflicts = graph.edges.map((e) => ({ a: e.a, b: e.b, reasons: e.reasons }));
    const out = {
      conflicts,
      minCompartments: colouring.count,
      exact: colouring.exact,
      assignment: colouring.assignment,
      config: yaml,
      remaining,
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
    return remaining.length > 0 ? 1 : 0;
  }
  io.out(
    graph.edges.length === 0
      ? 'No conflicts: every component may share a compartment.\n'
      : 'Conflicts:\n',
  );
  for (const e of graph.edges) {
    io.out(`  ${e.a} <-> ${e.b}\n`);
    for (const r of e.reasons) io.out(`    - ${r}\n`);
  }
  const bound = colouring.exact ? '' : ' (an upper bound: the search budget ran out)';
  io.out(`\nMinimum compartments: ${colouring.count}${bound}\n`);
  for (const [lib, n] of Object.entries(colouring.assignment)) io.out(`  ${lib}: comp${n + 1}\n`);
  io.out(`\nconfig.yaml:\n${yaml}`);
  if (remaining.length > 0) {
    if (mechanismOf(config) === 'fcalls' && graph.edges.length > 0)
      io.out('\nUnder fcalls compartments separate nothing: choose intel-mpk, vm-ept or cheri.\n');
    io.out('\nNo placement removes these; the proposed config still has errors:\n');
    for (const r of remaining) io.out(`  ${r.code}: ${r.message}\n`);
  }
  return remaining.length > 0 ? 1 : 0;
};
