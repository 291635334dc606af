import type { Diagnostic } from '../diagnostics.ts';
import type { ImageConfig } from '../config/image-config.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import { checkWorkspace } from './check-workspace.ts';
import { toCompartmentGraph, type CompartmentGraph } from './compartment-graph.ts';
import { scanGateCalls } from './gate-scan.ts';
import { fileKind, type Workspace } from './workspace.ts';

/**
 * The live pipeline of the playground, as one pure function: parse → solve → graph (and,
 * where the host hands in a parser, instantiate → explore). The analysis worker calls it on
 * every edit; it never throws for bad input, everything wrong is a Diagnostic.
 */
export interface AnalysisResult {
  diagnostics: Diagnostic[];
  /** `config.yaml` or `kraft.yaml`: where the image is described, and where moves edit. */
  configFile: string | null;
  config: ImageConfig | null;
  components: ComponentSpec[];
  graph: CompartmentGraph | null;
  /** Milliseconds per stage, for the status line. */
  timings: Record<string, number>;
}

/** Clock in milliseconds, handed in so core stays free of platform globals. */
export type Clock = () => number;

export function analyzeWorkspace(ws: Workspace, now: Clock = () => 0): AnalysisResult {
  const timings: Record<string, number> = {};
  let t = now();
  const lap = (stage: string) => {
    const n = now();
    timings[stage] = n - t;
    t = n;
  };
  const checked = checkWorkspace(ws);
  const { diagnostics, config, components, configFile } = checked;
  lap('check');
  let graph: CompartmentGraph | null = null;
  if (config) {
    const gates = Object.entries(ws.files)
      .filter(([path]) => fileKind(path) === 'c')
      .flatMap(([path, text]) => scanGateCalls(path, text));
    graph = toCompartmentGraph(config, components, gates, checked.violations);
  }
  lap('graph');
  return { diagnostics, configFile, config, components, graph, timings };
}
