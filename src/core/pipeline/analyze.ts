import type { Diagnostic } from '../diagnostics.ts';
import type { ImageConfig } from '../config/index.ts';
import type { ComponentSpec } from '../metadata/index.ts';
import type { SharingMode } from '../model.ts';
import type { CParser } from '../rewrite/index.ts';
import { sortAndCapPerFile } from './cap-per-file.ts';
import { checkWorkspace } from './check.ts';
import { holdFollowOns } from './follow-on.ts';
import { unsharedCrossings } from './unshared-crossings.ts';
import { toCompartmentGraph, type CompartmentGraph } from '../workspace/compartment-graph.ts';
import { gateSources, type GatedSources } from '../workspace/gated-sources.ts';
import { checkGateSites } from '../solver/index.ts';
import {
  scanCallbacks,
  scanGateCalls,
  toGateSites,
  type GateCall,
} from '../workspace/gate-scan.ts';
import { fileKind, type Workspace } from '../workspace/workspace.ts';

/**
 * The live pipeline of the playground, as one pure function: parse → solve → instantiate →
 * graph, with `workload.yaml` checked against `space.yaml` (the exploration itself runs on
 * demand, `explore-workspace.ts`). The analysis worker calls it on every edit; it never
 * throws for bad input, everything wrong is a Diagnostic.
 */
export interface AnalysisResult {
  /** Every problem of the workspace, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** `config.yaml` or `kraft.yaml`: where the image is described, and where moves edit. */
  configFile: string | null;
  config: ImageConfig | null;
  /**
   * Errors of the config file itself. While there are any, `graph` and `gated` describe a
   * half-read image: the playground shows its last analysis without them instead.
   */
  configErrors: number;
  components: ComponentSpec[];
  graph: CompartmentGraph | null;
  /** Instantiated C, when the host handed in a parser and the config is usable. */
  gated: GatedSources | null;
  /** Milliseconds per stage, for the status line. */
  timings: Record<string, number>;
}

export interface AnalyzeOptions {
  /** Clock in milliseconds, handed in so core stays free of platform globals. */
  now?: () => number;
  /** A C parser; without one there is no gated C and the graph counts gates textually. */
  parser?: CParser | null;
  /** Sharing mode of the gated-C view; the image's when absent. */
  sharing?: SharingMode;
}

export function analyzeWorkspace(ws: Workspace, options: AnalyzeOptions = {}): AnalysisResult {
  const now = options.now ?? (() => 0);
  const timings: Record<string, number> = {};
  let t = now();
  const lap = (stage: string) => {
    const n = now();
    timings[stage] = n - t;
    t = n;
  };
  const checked = checkWorkspace(ws, { holdFollowOns: false });
  const { config, components, configFile } = checked;
  const diagnostics = [...checked.diagnostics];
  lap('check');
  let gated: GatedSources | null = null;
  if (config && options.parser) {
    gated = gateSources(ws, config, options.parser, options.sharing ?? config.sharing);
    diagnostics.push(...gated.diagnostics);
    diagnostics.push(...unsharedCrossings(ws, options.parser));
  }
  lap('instantiate');
  let graph: CompartmentGraph | null = null;
  if (config) {
    const cFiles = Object.entries(ws.files).filter(([path]) => fileKind(path) === 'c');
    const gates: GateCall[] = gated
      ? gated.files.flatMap((f) =>
          f.gates.map((g) => ({ caller: g.caller, target: g.callee, fn: g.fn, span: g.span })),
        )
      : cFiles.flatMap(([path, text]) => scanGateCalls(path, text));
    graph = toCompartmentGraph(config, components, gates, checked.violations);
    // The gates of the C must agree with [Call] and [API]; without a parser, as scanned.
    const sites = gated
      ? gated.files.flatMap((f) => f.gates)
      : toGateSites(
          config,
          gates,
          cFiles.flatMap(([path, text]) => scanCallbacks(path, text)),
        );
    const libraries = new Set(checked.libraries);
    const inImage = components.filter((c) => libraries.has(c.name));
    diagnostics.push(...checkGateSites(config, inImage, sites));
  }
  lap('graph');
  const shown = sortAndCapPerFile(holdFollowOns(diagnostics, configFile));
  const { configErrors } = checked;
  return {
    diagnostics: shown,
    configFile,
    config,
    configErrors,
    components,
    graph,
    gated,
    timings,
  };
}
