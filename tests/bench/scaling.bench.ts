/**
 * Scaling benchmark for hostile or merely large input (`npx tsx tests/bench/scaling.bench.ts`):
 * 40,000 diagnostics from one `.flexos` file and from one `config.yaml`, and an image of
 * 10,000 libraries (generated config and metadata) checked and solved, with the solver's own
 * share on rows of its own. Each row prints the wall time of its one call and whether it stays
 * under 2 s; a bench prints, it does not assert (tests/unit/metadata/hostile-input.test.ts and
 * tests/unit/solver/scaling.test.ts assert what is found). Each row runs in a process of its
 * own, stopped after `LIMIT_S`, so one slow row cannot hang `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseImageConfig, type ImageConfig } from '../../src/core/config/index.ts';
import { parseComponent, type ComponentSpec } from '../../src/core/metadata/index.ts';
import { checkWorkspace, solveWorkspace, type Workspace } from '../../src/core/pipeline/index.ts';
import {
  checkPlacement,
  conflictGraph,
  isPlacementValid,
  minimumCompartments,
} from '../../src/core/solver/index.ts';
import { largeImageFiles } from '../unit/solver/large-image.ts';

const LIMIT_S = 120;
const settings = { panel: 'problems' };
const CONFIG =
  'name: x\ncompartments:\n  - comp1:\n      mechanism: intel-mpk\n      default: true\nlibraries:\n  - a: comp1\n';

function badMetadata(lines: number): Workspace {
  const text = ['component a', ...Array.from({ length: lines }, (_, i) => `junk${i} here`)];
  return { files: { 'config.yaml': CONFIG, 'components/a.flexos': text.join('\n') }, settings };
}

function unknownKeys(keys: number): Workspace {
  const extra = Array.from({ length: keys }, (_, i) => `unknown${i}: 1`).join('\n');
  return { files: { 'config.yaml': `${CONFIG}${extra}\n` }, settings };
}

const big = (): Workspace => ({ files: largeImageFiles({ libraries: 10_000 }), settings });

/** The 10,000-library image as the solver gets it, parsed outside the timed call. */
function parsedBig(): { config: ImageConfig; specs: ComponentSpec[] } {
  const { files } = big();
  const config = parseImageConfig(files['config.yaml'] ?? '', 'config.yaml').config;
  if (!config) throw new Error('the generated config does not parse');
  const specs = Object.entries(files).flatMap(([path, text]): ComponentSpec[] => {
    const spec = path.endsWith('.flexos') ? parseComponent(text, path).spec : null;
    return spec ? [spec] : [];
  });
  return { config, specs };
}

/** Each row: a label, and a setup returning the timed call, which describes its result. */
const ROWS: [string, () => () => string][] = [
  [
    '.flexos with 40,000 bad lines: checkWorkspace',
    () => {
      const ws = badMetadata(40_000);
      return () => `${checkWorkspace(ws).diagnostics.length} diagnostics`;
    },
  ],
  [
    'config.yaml with 40,000 unknown keys: checkWorkspace',
    () => {
      const ws = unknownKeys(40_000);
      return () => `${checkWorkspace(ws).diagnostics.length} diagnostics`;
    },
  ],
  [
    '10,000 libraries: checkWorkspace',
    () => {
      const ws = big();
      return () => {
        const check = checkWorkspace(ws);
        return `${check.violations.length} violations, ${check.diagnostics.length} diagnostics`;
      };
    },
  ],
  [
    '10,000 libraries: checkWorkspace, no quick-fix edits',
    () => {
      const ws = big();
      return () => `${checkWorkspace(ws, { fixes: false }).violations.length} violations`;
    },
  ],
  [
    '10,000 libraries: solveWorkspace',
    () => {
      const ws = big();
      return () => {
        const solved = solveWorkspace(ws);
        return solved.status === 'ok'
          ? `${solved.conflicts.length} conflicts, ${solved.minCompartments} compartments, exact ${solved.exact}`
          : solved.status;
      };
    },
  ],
  [
    '10,000 libraries: checkPlacement (violations and fixes)',
    () => {
      const { config, specs } = parsedBig();
      return () => `${checkPlacement(config, specs).violations.length} violations`;
    },
  ],
  [
    '10,000 libraries: isPlacementValid',
    () => {
      const { config, specs } = parsedBig();
      return () => `valid: ${isPlacementValid(config, specs)}`;
    },
  ],
  [
    '10,000 libraries: conflictGraph + minimumCompartments',
    () => {
      const { specs } = parsedBig();
      return () => {
        const graph = conflictGraph(specs);
        const colouring = minimumCompartments(graph);
        return `${graph.edges.length} conflicts, ${colouring.count} compartments`;
      };
    },
  ],
];

function line(label: string, ms: number, what: string): string {
  const under = ms < 2000 ? 'yes' : 'no';
  return `${label.padEnd(58)}${ms.toFixed(0).padStart(8)} ms  under 2 s: ${under.padEnd(4)} ${what}`;
}

const only = process.argv.indexOf('--row');
if (only >= 0) {
  // A child: run one row and print its line.
  const [label, setup] = ROWS[Number(process.argv[only + 1])] ?? [];
  if (!label || !setup) throw new Error('no such row');
  const call = setup();
  const t = performance.now();
  const what = call();
  process.stdout.write(`${line(label, performance.now() - t, what)}\n`);
} else {
  process.stdout.write('Scaling: wall time of one call (Node, this machine)\n');
  const self = fileURLToPath(import.meta.url);
  ROWS.forEach(([label], i) => {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--row', String(i)], {
      encoding: 'utf8',
      timeout: LIMIT_S * 1000,
    });
    if (child.status === 0) process.stdout.write(child.stdout);
    else if (child.signal)
      process.stdout.write(`${line(label, LIMIT_S * 1000, `stopped after ${LIMIT_S} s`)}\n`);
    else
      process.stdout.write(`${label.padEnd(58)} failed: ${child.stderr.trim().split('\n')[0]}\n`);
  });
}
