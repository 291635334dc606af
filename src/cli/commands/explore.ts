import { hasErrors } from '../../core/diagnostics.ts';
import {
  configYamlFor,
  exploreWorkspace,
  formatReport,
  isOrder,
  toDot,
  type ExploreRequest,
  type ExploreResult,
} from '../../core/pipeline/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import { formatDiagnostic, joinPath } from '../format.ts';
import { isDirectory, exists, type CliIo, type CliCommand } from '../io.ts';
import { addFile, loadWorkspace } from '../load-workspace.ts';
import { createNodeCParser } from '../node-parser.ts';

const USAGE = `usage: flexos explore DIR [--space FILE] [--order flexos|product]
                     [--labels FILE.csv | --estimate [--workload FILE]] [--budget '>=N' | '<=N']
                     [--lazy [--verify]] [--max-partitions N] [--json | --dot] [--rank]
                     [--ignore-requires] [--print-config ID]
  DIR/space.yaml is the design space, DIR/workload.yaml feeds --estimate, DIR/components/*.flexos
  the [Requires] filter. --verify also measures what lazy labelling left out and could still be
  on the frontier. --print-config ID prints the config.yaml of one configuration.
`;

/**
 * `flexos explore DIR`: count the design space of `DIR/space.yaml`, leave out what breaks a
 * component's `[Requires]`, label (CSV, cost model with the sources' gate sites, lazily),
 * print the frontier under a budget. The same `exploreWorkspace` as the Explore panel.
 */
export const exploreCommand: CliCommand = async (args, io) => {
  const { parsed, error } = parseArgs(args, {
    valued: ['space', 'workload', 'order', 'labels', 'budget', 'print-config', 'max-partitions'],
    boolean: ['estimate', 'lazy', 'verify', 'json', 'dot', 'rank', 'ignore-requires'],
  });
  const dir = parsed.positional[0];
  const usage = (why: string): number => (io.err(`flexos explore: ${why}\n${USAGE}`), 2);
  if (error) return usage(error);
  if (dir === undefined || parsed.positional.length > 1) return usage('expected one directory');
  if (!(await isDirectory(io, dir))) return usage(`${dir} is not a directory`);
  const order = flagValue(parsed, 'order') ?? 'flexos';
  if (!isOrder(order)) return usage(`unknown order '${order}' (flexos or product)`);
  const labelsFile = flagValue(parsed, 'labels');
  const estimate = parsed.flags.has('estimate');
  if (labelsFile && estimate) return usage('--labels and --estimate exclude each other');
  if (parsed.flags.has('json') && parsed.flags.has('dot'))
    return usage('--json and --dot exclude each other');
  if (parsed.flags.has('lazy') && !labelsFile && !estimate)
    return usage('--lazy needs --labels or --estimate');
  if (parsed.flags.has('verify') && !parsed.flags.has('lazy'))
    return usage('--verify needs --lazy (without it every configuration is labelled)');
  const maxPartitions = flagValue(parsed, 'max-partitions');
  if (maxPartitions !== undefined && !/^\d{1,15}$/.test(maxPartitions))
    return usage(`bad --max-partitions '${maxPartitions}' (a whole number)`);
  const budget = flagValue(parsed, 'budget');
  if (budget !== undefined && !/^\s*(>=|<=)\s*\d/.test(budget))
    return usage(`bad budget '${budget}' (e.g. '>=500000' or '<=120')`);

  const loaded = await loadWorkspace(io, dir);
  const given: [flag: string, as: string][] = [
    ['space', 'space.yaml'],
    ['workload', 'workload.yaml'],
    ['labels', 'labels.csv'],
  ];
  for (const [flag, as] of given) {
    const path = flagValue(parsed, flag);
    if (path === undefined) continue;
    if (!(await exists(io, path))) return usage(`no ${flag} file ${path}`);
    await addFile(io, loaded, path, as);
  }
  if (loaded.ws.files['space.yaml'] === undefined)
    return usage(`no space file ${joinPath(dir, 'space.yaml')}`);
  if (estimate && loaded.ws.files['workload.yaml'] === undefined)
    return (io.err(`flexos explore: --estimate needs ${joinPath(dir, 'workload.yaml')}\n`), 1);

  const printId = flagValue(parsed, 'print-config');
  if (printId !== undefined) {
    const r = configYamlFor(loaded.ws, printId);
    if ('error' in r) return (io.err(`flexos explore: ${r.error}\n`), 1);
    io.out(r.text);
    return 0;
  }

  const request: ExploreRequest = {
    order,
    labels: labelsFile ? 'csv' : estimate ? 'estimate' : 'none',
    lazy: parsed.flags.has('lazy'),
    verify: parsed.flags.has('verify'),
    ...(maxPartitions !== undefined ? { partitionLimit: Number(maxPartitions) } : {}),
    ignoreRequires: parsed.flags.has('ignore-requires'),
    ...(labelsFile ? { csv: loaded.ws.files['labels.csv'] ?? '' } : {}),
    ...(budget !== undefined ? { budget } : {}),
  };
  const parser = estimate ? await createNodeCParser() : null;
  try {
    const explored = await exploreWorkspace(loaded.ws, request, {
      parser,
      onProgress: (m) => io.err(`${m}\n`),
    });
    for (const d of explored.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
    if (explored.status !== 'ok') return 1;
    print(io, explored.result, parsed.flags);
    return hasErrors(explored.diagnostics) ? 1 : 0;
  } finally {
    parser?.delete();
  }
};

function print(io: CliIo, result: ExploreResult, flags: Map<string, string | true>): void {
  if (flags.has('dot')) {
    const dot = toDot(result);
    if (dot) io.out(dot);
    else io.err('flexos explore: --dot draws spaces of up to 2,000 configurations\n');
  } else if (flags.has('json')) {
    const { graph: _graph, frontier, configurations, measured, order, ...rest } = result;
    const json = {
      configurations,
      frontier: frontier.map((m) => m.id),
      measured,
      order,
      ...rest,
      frontierDetails: frontier,
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.out(formatReport(result, { ranking: flags.has('rank') }));
  }
}
