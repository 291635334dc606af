// Solver timings on 40 components (issue: "exact for up to 40 components, answering in well
// under a second for 40"): the conflict graph, the exact colouring, and a whole workspace check
// with every quick fix built, on seeded random systems of several densities.
// Run: npx tsx tests/bench/solver.bench.ts
import { conflictGraph, minimumCompartments } from '../../src/core/solver/index.ts';
import { parseComponent } from '../../src/core/metadata/index.ts';
import { checkWorkspace } from '../../src/core/pipeline/check.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** 40 components; each lets a random share `density` of the others NOT write its memory. */
function system(seed: number, density: number): Record<string, string> {
  const rnd = rng(seed);
  const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
  const files: Record<string, string> = {};
  for (const n of names) {
    const allowed = names.filter((m) => m !== n && rnd() >= density);
    const grants = allowed.map((a) => `, ${a}(Write,*)`).join('');
    files[`components/${n}.flexos`] =
      `component ${n}\n[Memory access] Read(Own); Write(*)\n[Requires] *(Read,*)${grants}\n`;
  }
  files['config.yaml'] =
    'name: forty\ncompartments:\n  - c:\n      mechanism: cheri\n      default: true\nlibraries:\n' +
    names.map((n) => `  - ${n}: c\n`).join('');
  return files;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

console.log('40 components, CHERI, all in one compartment (median of 5 seeds)');
console.log('density  edges  compartments  exact  graph+colour ms  check ms  violations');
for (const density of [0.1, 0.3, 0.5, 0.7, 0.9]) {
  const colourMs: number[] = [];
  const checkMs: number[] = [];
  let row = '';
  for (let seed = 1; seed <= 5; seed++) {
    const files = system(seed * 7919, density);
    const specs = Object.entries(files)
      .filter(([p]) => p.endsWith('.flexos'))
      .map(([p, t]) => parseComponent(t, p).spec)
      .filter((s) => s !== null);
    let t = performance.now();
    const graph = conflictGraph(specs);
    const colouring = minimumCompartments(graph);
    colourMs.push(performance.now() - t);
    t = performance.now();
    const check = checkWorkspace({ files, settings: { panel: 'graph' } });
    checkMs.push(performance.now() - t);
    if (seed === 1)
      row =
        `${graph.edges.length}`.padStart(5) +
        `${colouring.count}`.padStart(14) +
        `${colouring.exact}`.padStart(7);
    if (seed === 1) row += `|${check.violations.length}`;
  }
  const [head, violations] = row.split('|');
  console.log(
    `${density.toFixed(1).padStart(7)}  ${head}` +
      `${median(colourMs).toFixed(1).padStart(17)}${median(checkMs).toFixed(1).padStart(10)}${violations?.padStart(12)}`,
  );
}
