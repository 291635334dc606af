import { hasErrors, type Diagnostic } from '../../core/diagnostics.ts';
import {
  checkWorkload,
  completeWorkload,
  configurationFromId,
  createCostTable,
  createEstimator,
  createRequiresCheck,
  exploreSpace,
  formatReport,
  isOrder,
  parseBudget,
  parseLabelsCsv,
  parseSpace,
  parseWorkload,
  toConfigYaml,
  toDot,
  type AllowedCheck,
  type ExploreResult,
  type LabelSource,
  type Space,
} from '../../core/explore/index.ts';
import { parseComponent } from '../../core/metadata/parse-component.ts';
import type { ComponentSpec } from '../../core/metadata/component-spec.ts';
import { parseArgs, flagValue } from '../args.ts';
import { formatDiagnosticAt, joinPath as join } from '../format.ts';
import { gateSitesOf } from '../gate-sites.ts';
import type { CliIo, Command } from '../io.ts';

const USAGE = `usage: flexos explore DIR [--space FILE] [--order flexos|product]
                     [--labels FILE.csv | --estimate [--workload FILE]] [--budget '>=N' | '<=N']
                     [--lazy] [--json | --dot] [--rank] [--ignore-requires] [--print-config ID]
  DIR/space.yaml is the design space, DIR/workload.yaml feeds --estimate, DIR/components/*.flexos
  the [Requires] filter. --print-config ID prints the config.yaml of one configuration.
`;

function basename(dir: string): string {
  return dir.replace(/\/+$/, '').split('/').pop() || 'space';
}

/** Reads files and prints their diagnostics as `path:line:col: severity code: message`. */
function createReporter(io: CliIo) {
  const texts = new Map<string, string>();
  const all: Diagnostic[] = [];
  return {
    read: async (path: string): Promise<string> => {
      const text = await io.readFile(path);
      texts.set(path, text);
      return text;
    },
    add(diagnostics: readonly Diagnostic[]): boolean {
      for (const d of diagnostics) {
        all.push(d);
        io.err(`${formatDiagnosticAt(d.span.file, texts.get(d.span.file) ?? '', d)}\n`);
      }
      return hasErrors(diagnostics);
    },
    all,
  };
}

/**
 * `flexos explore DIR`: count the design space of `DIR/space.yaml`, leave out what breaks a
 * component's `[Requires]`, label (CSV, cost model, lazily), print the frontier under a budget.
 */
export const exploreCommand: Command = async (args, io) => {
  const { parsed, error } = parseArgs(args, {
    valued: ['space', 'workload', 'order', 'labels', 'budget', 'print-config'],
    boolean: ['estimate', 'lazy', 'json', 'dot', 'rank', 'ignore-requires'],
  });
  const dir = parsed.positional[0];
  const usage = (why: string): number => (io.err(`flexos explore: ${why}\n${USAGE}`), 2);
  if (error) return usage(error);
  if (dir === undefined || parsed.positional.length > 1) return usage('expected one directory');
  if (!(await io.isDirectory(dir))) return usage(`${dir} is not a directory`);
  const order = flagValue(parsed, 'order') ?? 'flexos';
  if (!isOrder(order)) return usage(`unknown order '${order}' (flexos or product)`);
  const labelsFile = flagValue(parsed, 'labels');
  if (labelsFile && parsed.flags.has('estimate'))
    return usage('--labels and --estimate exclude each other');
  if (parsed.flags.has('json') && parsed.flags.has('dot'))
    return usage('--json and --dot exclude each other');
  const budgetText = flagValue(parsed, 'budget');
  const budget = budgetText === undefined ? undefined : parseBudget(budgetText);
  if (budgetText !== undefined && !budget)
    return usage(`bad budget '${budgetText}' (e.g. '>=500000' or '<=120')`);

  const files = createReporter(io);
  const spacePath = flagValue(parsed, 'space') ?? join(dir, 'space.yaml');
  if (!(await io.exists(spacePath))) return usage(`no space file ${spacePath}`);
  const { space } = ((r) => (files.add(r.diagnostics), r))(
    parseSpace(await files.read(spacePath), spacePath, basename(dir)),
  );
  if (!space) return 1;

  const printId = flagValue(parsed, 'print-config');
  if (printId !== undefined) {
    const cfg = configurationFromId(space, printId);
    if (!('blocks' in cfg)) return (io.err(`flexos explore: ${cfg.message}\n`), 1);
    io.out(toConfigYaml(space, cfg));
    return 0;
  }

  const isAllowed =
    space.requires && !parsed.flags.has('ignore-requires')
      ? await requiresCheck(io, dir, space, files)
      : undefined;
  const estimate = parsed.flags.has('estimate');
  const workloadPath = flagValue(parsed, 'workload') ?? join(dir, 'workload.yaml');
  const labels = await labelSource(
    io,
    space,
    files,
    labelsFile,
    estimate ? workloadPath : undefined,
    dir,
  );
  if (!labels) return 1;
  if (parsed.flags.has('lazy') && labels.kind === 'none')
    return usage('--lazy needs --labels or --estimate');

  const result = await exploreSpace({
    space,
    order,
    labels,
    lazy: parsed.flags.has('lazy'),
    ...(budget ? { budget } : {}),
    ...(isAllowed ? { isAllowed } : {}),
    onProgress: (m) => io.err(`${m}\n`),
  });
  print(io, result, parsed.flags);
  return hasErrors(result.diagnostics) || hasErrors(files.all) ? 1 : 0;
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

async function requiresCheck(
  io: CliIo,
  dir: string,
  space: Space,
  files: ReturnType<typeof createReporter>,
): Promise<AllowedCheck | undefined> {
  const specs: ComponentSpec[] = [];
  for (const name of await io.readDir(join(dir, 'components'))) {
    if (!name.endsWith('.flexos')) continue;
    const parsed = parseComponent(
      await files.read(join(dir, `components/${name}`)),
      join(dir, `components/${name}`),
    );
    if (parsed.spec && space.components.includes(parsed.spec.name)) {
      specs.push(parsed.spec);
      files.add(parsed.diagnostics.filter((d) => d.severity === 'error'));
    }
  }
  if (specs.length === 0) return undefined;
  return createRequiresCheck(space, specs);
}

async function labelSource(
  io: CliIo,
  space: Space,
  files: ReturnType<typeof createReporter>,
  csv: string | undefined,
  workloadPath: string | undefined,
  sourcesDir?: string,
): Promise<LabelSource | undefined> {
  if (csv !== undefined) {
    if (!(await io.exists(csv)))
      return (io.err(`flexos explore: no labels file ${csv}\n`), undefined);
    const r = parseLabelsCsv(await files.read(csv), csv, space);
    if (files.add(r.diagnostics)) return undefined;
    return {
      kind: 'table',
      values: new Map([...r.labels].map(([id, l]) => [id, l.value])),
      labelKind: 'imported',
    };
  }
  if (workloadPath === undefined) return { kind: 'none' };
  const path = workloadPath;
  if (!(await io.exists(path)))
    return (io.err(`flexos explore: --estimate needs ${path}\n`), undefined);
  const parsedWorkload = parseWorkload(await files.read(path), path);
  if (files.add(parsedWorkload.diagnostics) || !parsedWorkload.workload) return undefined;
  // Edges the sources gate through but workload.yaml does not list come from the rewriter's
  // gate sites, with a warning that says what was assumed for them.
  const sites = sourcesDir === undefined ? [] : await gateSitesOf(io, sourcesDir);
  for (const path of new Set(sites.map((s) => s.span?.file ?? '')))
    if (path) await files.read(path);
  const completed = completeWorkload(parsedWorkload.workload, sites, space, path);
  files.add(completed.diagnostics);
  const workload = completed.workload;
  files.add(checkWorkload(workload, space, path));
  const table = createCostTable(space.mechanism, space.sharing, workload.hardeningFactors);
  return { kind: 'estimate', estimator: createEstimator(space, workload, table) };
}
