/**
 * The analysis worker's API, apart from `expose` so Node tests can call exactly what the page
 * calls (with a Node C parser handed in). Requests carry the revision they were made for and
 * answers echo it, so the page can drop stale ones. Only `src/core/pipeline` is used.
 */
import type { Mechanism } from '../src/core/model.ts';
import {
  analyzeWorkspace,
  buildWorkspace,
  evaluateExercise,
  exploreWorkspace,
  parseExercise,
  gatedVariant,
  planLibraryMove,
  planMechanismSwitch,
  spaceYamlFor,
  portFile,
  solveWorkspace,
  type AnalysisResult,
  type CParser,
  type ExerciseEvaluation,
  type ExploreRequest,
  type WorkspaceExploration,
  type GatedVariant,
  type GatedVariantView,
  type LibraryMove,
  type MechanismSwitch,
  type PortRequest,
  type PortedFile,
  type Workspace,
  type WorkspaceBuild,
  type WorkspaceSolution,
} from '../src/core/pipeline/index.ts';

export interface AnalysisAnswer {
  revision: number;
  result: AnalysisResult;
  /** Why there is no gated C, when the C parser could not be loaded. */
  parserError?: string;
  /** Time spent in the worker, in milliseconds. */
  ms: number;
  /** The exercise's checklist, when the workspace has an `exercise.yaml`. */
  exercise?: ExerciseEvaluation;
}

/**
 * An exploration remembered for the inputs it depends on (everything but the config files and
 * the exercise), so a frontier check does not explore the space again on every keystroke.
 */
function createMemoExplore(parser: () => CParser | null) {
  let last: { key: string; answer: Promise<WorkspaceExploration> } | null = null;
  return (ws: Workspace, req: ExploreRequest): Promise<WorkspaceExploration> => {
    const inputs = Object.entries(ws.files).filter(
      ([path]) => !['config.yaml', 'kraft.yaml', 'exercise.yaml'].includes(path),
    );
    const key = JSON.stringify([req, inputs]);
    if (last?.key !== key) {
      last = { key, answer: exploreWorkspace(ws, req, { parser: parser() }) };
    }
    return last.answer;
  };
}

/** The worker's API over a parser getter (memoised by the host; may reject). */
export function createAnalysisApi(getParser: () => Promise<CParser>, now: () => number) {
  let current: CParser | null = null;
  const explore = createMemoExplore(() => current);
  return {
    /** Analyses `ws`; the gated C uses the view's sharing mode (`settings.sharing`) if set. */
    async analyze(revision: number, ws: Workspace): Promise<AnalysisAnswer> {
      const started = now();
      let parserError: string | undefined;
      const parser = await getParser().catch((e: unknown) => {
        parserError = e instanceof Error ? e.message : String(e);
        return null;
      });
      const result = analyzeWorkspace(ws, {
        now,
        parser,
        ...(ws.settings.sharing ? { sharing: ws.settings.sharing } : {}),
      });
      current = parser;
      const exercise = await evaluateExercise(ws, result, { parser, explore });
      const ms = now() - started;
      return {
        revision,
        result,
        ms,
        ...(parserError ? { parserError } : {}),
        ...(exercise ? { exercise } : {}),
      };
    },
    /** The minimal safe placement, as edits of the config file. */
    solve(ws: Workspace): WorkspaceSolution {
      return solveWorkspace(ws);
    },
    /** Gate placeholders inserted into one C file (the porting step). */
    async port(ws: Workspace, request: PortRequest): Promise<PortedFile> {
      return portFile(ws, await getParser(), request);
    },
    /** kraft.yaml, gated sources and build artefacts for the real toolchain. */
    async build(ws: Workspace): Promise<WorkspaceBuild> {
      return buildWorkspace(ws, await getParser(), {
        ...(ws.settings.sharing ? { sharing: ws.settings.sharing } : {}),
      });
    },
    /** The title of an `exercise.yaml` text, or null when it has none (the page has no YAML). */
    exerciseTitle(text: string): string | null {
      return parseExercise(text).exercise?.title ?? null;
    },
    /** Edits of the config file that move `lib` (to a new compartment when `target` is null). */
    planMove(ws: Workspace, lib: string, target: string | null): LibraryMove | null {
      return planLibraryMove(ws, lib, target);
    },
    /** Edits of the config file that give the whole image `mechanism`. */
    planMechanism(ws: Workspace, mechanism: Mechanism): MechanismSwitch | null {
      return planMechanismSwitch(ws, mechanism);
    },
    /** One C file under another mechanism or sharing mode, for the gated-C comparison. */
    async variant(ws: Workspace, path: string, variant: GatedVariant): Promise<GatedVariantView> {
      return gatedVariant(ws, await getParser(), path, variant);
    },
    /** A space.yaml made from the image config, for a workspace without one. */
    spaceYaml(ws: Workspace): { text: string } | { error: string } {
      return spaceYamlFor(ws);
    },
  };
}

export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
