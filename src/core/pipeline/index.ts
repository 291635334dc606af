/**
 * The pipeline: one function per user action, data in, data out. The app's workers, the CLI
 * and the runner import this barrel (with `model.ts` and `diagnostics.ts`) and nothing else of
 * core, so every shell gives the same answer for the same workspace (an ESLint rule enforces
 * the boundary). Each function is pure and total: bad input gives diagnostics.
 */

// The workspace: what every action takes.
export type { Workspace, WorkspaceSettings, FileKind } from '../workspace/workspace.ts';
export { fileKind, libraryOfPath } from '../workspace/workspace.ts';
export { fingerprintFiles } from '../workspace/fingerprint.ts';
export { pickConfigFile, CONFIG_FILES, type ConfigFileChoice } from './config-file.ts';

// Check (Problems panel, `flexos check`) and the live analysis behind every panel.
export { checkWorkspace, type WorkspaceCheck, type CheckOptions } from './check.ts';
export { analyzeWorkspace, type AnalysisResult, type AnalyzeOptions } from './analyze.ts';

// Solve, move, port, rewrite, build.
export { solveWorkspace, type WorkspaceSolution, type Conflict } from './solve.ts';
export { planLibraryMove, type LibraryMove } from './move-library.ts';
export { planMechanismSwitch, type MechanismSwitch } from './switch-mechanism.ts';
export {
  gatedVariant,
  isGatedVariant,
  GATED_VARIANTS,
  GATED_VARIANT_LABELS,
  type GatedVariant,
  type GatedVariantView,
} from './gated-variant.ts';
export { portFile, portFailed, type PortRequest, type PortedFile } from './port.ts';
export { rewriteFile, type RewriteRequest, type RewrittenFile } from './rewrite-file.ts';
export { buildWorkspace, type WorkspaceBuild, type BuildOptions } from './build.ts';

// Explore.
export {
  exploreWorkspace,
  configYamlFor,
  type ExploreRequest,
  type ExploreHost,
  type ExploreNode,
  type WorkspaceExploration,
} from './explore.ts';
export {
  loadConfiguration,
  spaceYamlFor,
  currentConfigurationId,
  type LoadedConfiguration,
} from './explore-config.ts';
export { ORDERS, isOrder, formatReport, toDot } from '../explore/index.ts';
export type { Order, ExploreResult } from '../explore/index.ts';

// Types of what the actions return, for the shells that show them.
export type { ImageConfig } from '../config/index.ts';
export type { ComponentSpec } from '../metadata/index.ts';
export type {
  BuildArtefacts,
  CParser,
  GateSite,
  GateTableEntry,
  PortedCall,
} from '../rewrite/index.ts';
export type { GatedFile, GatedSources } from '../workspace/gated-sources.ts';
export { noteAt, noteRangeAt, type GatedNote, type TextRange } from '../workspace/gated-notes.ts';
export type {
  CompartmentGraph,
  GateKind,
  GraphCompartment,
  GraphEdge,
  GraphLibrary,
  GraphViolation,
} from '../workspace/compartment-graph.ts';

// Sharing and storing workspaces.
export {
  toWorkspace,
  isValidPath,
  WORKSPACE_VERSION,
  WORKSPACE_LIMITS,
} from '../workspace/workspace-schema.ts';
export {
  parseShareFragment,
  formatShareFragment,
  toSharePayload,
  fromSharePayload,
  readSharePayload,
  encodeBase64Url,
  decodeBase64Url,
  SHARE_LIMITS,
  type ShareFragment,
  type ShareLinkProblem,
  type SharePayloadCheck,
} from '../workspace/share-link.ts';
export {
  checkShareExtras,
  type ShareExtras,
  type ShareExploreExtras,
} from '../workspace/share-extras.ts';
export {
  toShortId,
  isShortId,
  shortLinkPath,
  shortIdOfPath,
  SHORT_ID_ALPHABET,
  SHORT_ID_CHARS,
} from '../workspace/short-id.ts';
export { convertConfig, type ConvertedConfig } from './convert.ts';

// Exercises: exercise.yaml, its checklist, the teacher's draft.
export {
  EXERCISE_FILE,
  applyRunFacts,
  checkExerciseFile,
  evaluateExercise,
  type ExerciseEvaluation,
  type ExerciseHost,
  type ExerciseInputs,
} from './exercise.ts';
export {
  CHECK_KINDS,
  EXERCISE_CODES,
  RUN_STATUSES,
  decodeSolution,
  deriveGoalChecks,
  encodeSolution,
  exerciseKey,
  isReadOnlyPath,
  labelOf,
  parseExercise,
  printExercise,
  type CheckResult,
  type CheckStatus,
  type DraftCheck,
  type Exercise,
  type ExerciseCheck,
  type ExerciseDraft,
  type RunFacts,
} from '../exercise/index.ts';
