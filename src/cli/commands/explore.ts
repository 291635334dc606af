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
import { openRunnerMeasure, type RunnerMeasureOptions } from '../runner-measure.ts';
import { RunnerError } from '../../runner/api/client.ts';

const USAGE = `usage: flexos explore DIR [--space FILE] [--order flexos|product]
                     [--labels FILE.csv | --estimate [--workload FILE]] [--budget '>=N' | '<=N']
                     [--lazy [--verify]] [--max-partitions N] [--json | --dot] [--rank]
                     [--ignore-requires] [--print-config ID]
       flexos explore DIR --labels runner --lazy [--runner URL] [--token T] [--target T]
                     [--metric NAME] [--budget ...] [-- ARGS...]
  DIR/space.yaml is the design space, DIR/workload.yaml feeds --estimate, DIR/components/*.flexos
  the [Requires] filter. --verify also measures what lazy labelling left out and could still be
  on the frontier. --print-config ID prints the config.yaml of one configuration.
  --labels runner builds and runs each configuration the frontier needs on a runner (the one at
  --runner, else one in this process) and labels it with the value of the FLEXOS-METRIC line
  the program prints (--metric picks one when it prints several); ARGS go to the program.
`;

/**
 * `flexos explore DIR`: count the design space of `DIR/space.yaml`, leave out what breaks a
 * component's `[Requires]`, label (CSV, cost model with the sources' gate sites, lazily),
 * print the frontier under a budget. The same `exploreWorkspace` as the Explore panel.
 */
export const exploreCommand: CliCommand = async (argv, io) => {
  // Everything after `--` is the measured program's (with --labels runner).
  const dash = argv.indexOf('--');
  const programArgs = dash < 0 ? [] : argv.slice(dash + 1);
  const { parsed, error } = parseArgs(dash < 0 ? argv : argv.slice(0, dash), {
    valued: [
      'space',
      'workload',
      'order',
      'labels',
      'budget',
      'print-config',
      'max-partitions',
      ...RUNNER_FLAGS,
    ],
    boolean: ['estimate', 'lazy', 'verify', 'json', 'dot', 'rank', 'ignore-requires'],
  });
  const dir = parsed.positional[0];
  const usage = (why: string): number => (io.err(`flexos explore: ${why}\n${USAGE}`), 2);
  if (error) return usage(error);
  if (dir === undefined || parsed.positional.length > 1) return usage('expected one directory');
  if (!(await isDirectory(io, dir))) return usage(`${dir} is not a directory`);
  const order = flagValue(parsed, 'order') ?? 'flexos';
  if (!isOrder(order)) return usage(`unknown order '${order}' (flexos or product)`);
  const measured = flagValue(parsed, 'labels') === 'runner';
  const labelsFile = measured ? undefined : flagValue(parsed, 'labels');
  const estimate = parsed.flags.has('estimate');
  if (measured && estimate) return usage('--labels and --estimate exclude each other');
  if (measured && !parsed.flags.has('lazy'))
    return usage('--labels runner needs --lazy (it runs only what the frontier needs)');
  const runnerFlag = RUNNER_FLAGS.find((f) => parsed.flags.has(f));
  if (!measured && (runnerFlag !== undefined || dash >= 0))
    return usage(`${runnerFlag ? `--${runnerFlag}` : '--'} goes with --labels runner`);
  if (labelsFile && estimate) return usage('--labels and --estimate exclude each other');
  if (parsed.flags.has('json') && parsed.flags.has('dot'))
    return usage('--json and --dot exclude each other');
  if (parsed.flags.has('lazy') && !labelsFile && !estimate && !measured)
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
    if (path === undefined || (flag === 'labels' && measured)) continue;
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
    labels: measured ? 'runner' : labelsFile ? 'csv' : estimate ? 'estimate' : 'none',
    lazy: parsed.flags.has('lazy'),
    verify: parsed.flags.has('verify'),
    ...(maxPartitions !== undefined ? { partitionLimit: Number(maxPartitions) } : {}),
    ignoreRequires: parsed.flags.has('ignore-requires'),
    ...(labelsFile ? { csv: loaded.ws.files['labels.csv'] ?? '' } : {}),
    ...(budget !== undefined ? { budget } : {}),
  };
  const parser = estimate ? await createNodeCParser() : null;
  const runner = measured
    ? await openRunnerMeasure(loaded.ws, runnerOptions(parsed, programArgs), io)
    : null;
  try {
    const explored = await exploreWorkspace(loaded.ws, request, {
      parser,
      onProgress: (m) => io.err(`${m}\n`),
      ...(runner ? { measure: (run) => runner.measure(run) } : {}),
    });
    for (const d of explored.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
    if (runner)
      io.err(
        `Ran ${runner.runs} configuration${runner.runs === 1 ? '' : 's'} on ${runner.where()}` +
          `${runner.failed > 0 ? `; ${runner.failed} gave no measurement` : ''}.\n`,
      );
    if (explored.status !== 'ok') return 1;
    print(io, explored.result, parsed.flags);
    return hasErrors(explored.diagnostics) ? 1 : 0;
  } catch (e) {
    if (e instanceof RunnerError) {
      io.err(`flexos explore: the runner: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    parser?.delete();
    await runner?.close();
  }
};

/** The flags of `--labels runner`. */
const RUNNER_FLAGS = ['runner', 'token', 'target', 'metric'];

function runnerOptions(
  parsed: ReturnType<typeof parseArgs>['parsed'],
  args: string[],
): RunnerMeasureOptions {
  const options: RunnerMeasureOptions = { args };
  for (const flag of ['runner', 'token', 'target', 'metric'] as const) {
    const value = flagValue(parsed, flag);
    if (value !== undefined) options[flag] = flag === 'runner' ? value.replace(/\/+$/, '') : value;
  }
  return options;
}

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
