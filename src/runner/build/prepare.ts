import {
  buildWorkspace,
  checkWorkspace,
  fileKind,
  pickConfigFile,
  type CParser,
  type WorkspaceBuild,
  type Workspace,
} from '../../core/pipeline/index.ts';
import { createDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import type { Mechanism, SharingMode } from '../../core/model.ts';
import { withMechanism } from './with-mechanism.ts';

/**
 * Errors that describe what the metadata allows, not whether the image can be built: a run is
 * how a class sees what an unsafe placement does (imgparse under `fcalls` has its secret
 * overwritten), so these are reported with the result and never stop the build. The limit on
 * compartments does stop it: the mechanism cannot lay the image out.
 */
export function blocksBuild(d: Diagnostic): boolean {
  if (d.severity !== 'error') return false;
  return !d.code.startsWith('solver/') || d.code === 'solver/limit-exceeded';
}

/** The image checked: its mechanism, or the configuration errors that stop the job. */
export type CheckedJob =
  | {
      status: 'ok';
      mechanism: Mechanism;
      /** Some compartment of the image uses another mechanism: the build switches them all. */
      override: boolean;
      diagnostics: Diagnostic[];
    }
  | { status: 'config-error'; mechanism: Mechanism | null; diagnostics: Diagnostic[] };

/**
 * Checks the workspace as the user wrote it (every position is the user's), and picks the
 * mechanism: the job's, else the image's. `canBuild` says whether the target enforces a
 * mechanism, and why not.
 */
export function checkJob(
  ws: Workspace,
  requested: Mechanism | undefined,
  canBuild: (m: Mechanism) => { ok: true } | { ok: false; reason: string },
): CheckedJob {
  const checked = checkWorkspace(ws, { fixes: false });
  const diagnostics = [...checked.diagnostics];
  const config = checked.config;
  const image = config?.compartments.find((c) => c.default) ?? config?.compartments[0];
  const mechanism = requested ?? image?.mechanism ?? null;
  if (config === null || mechanism === null || diagnostics.some(blocksBuild))
    return { status: 'config-error', mechanism, diagnostics };
  const can = canBuild(mechanism);
  if (!can.ok) {
    const file = pickConfigFile(ws).file ?? 'config.yaml';
    const span = requested === undefined && image?.span ? image.span : { file, start: 0, end: 0 };
    diagnostics.push(
      createDiagnostic(
        'runner/mechanism-unavailable',
        'error',
        `This target cannot run ${mechanism}: ${can.reason}`,
        span,
      ),
    );
    return { status: 'config-error', mechanism, diagnostics };
  }
  const override = config.compartments.some((c) => c.mechanism !== mechanism);
  return { status: 'ok', mechanism, override, diagnostics };
}

/** The image instantiated for the job, or the errors that stop it. */
export type InstantiatedJob =
  | { status: 'ok'; build: WorkspaceBuild; diagnostics: Diagnostic[] }
  | { status: 'config-error'; diagnostics: Diagnostic[] };

/**
 * Instantiates every C file with the pipeline for the checked mechanism and `sharing`. `checked` is what
 * `checkJob` found; only what the instantiation adds is returned. When the image file was
 * rewritten for another mechanism, what that adds (`config/fcalls-no-isolation`, the
 * violations the other mechanism no longer prevents) is placed at the start of the user's
 * image file.
 */
export function instantiateJob(
  ws: Workspace,
  parser: CParser,
  checked: Extract<CheckedJob, { status: 'ok' }>,
  sharing: SharingMode | undefined,
): InstantiatedJob {
  const input = checked.override ? withMechanism(ws, checked.mechanism) : ws;
  const configFile = pickConfigFile(ws).file ?? 'config.yaml';
  if (input === null) {
    const span = { file: configFile, start: 0, end: 0 };
    const d = createDiagnostic('runner/no-image', 'error', 'The image cannot be read', span);
    return { status: 'config-error', diagnostics: [d] };
  }
  const build = buildWorkspace(input, parser, sharing === undefined ? {} : { sharing });
  const seen = new Set(checked.diagnostics.map(key));
  const added: Diagnostic[] = [];
  for (const d of build.diagnostics) {
    if (seen.has(key(d))) continue;
    // The image file was rewritten for the job's mechanism: its positions are not the user's.
    if (fileKind(d.span.file) === 'c' || !checked.override) added.push(d);
    else added.push({ ...d, span: { file: configFile, start: 0, end: 0 } });
  }
  if (build.status !== 'ok' && (build.status === 'no-config' || added.some(blocksBuild)))
    return { status: 'config-error', diagnostics: added };
  return { status: 'ok', build, diagnostics: added };
}

function key(d: Diagnostic): string {
  return `${d.code}\0${d.span.file}\0${d.span.start}\0${d.span.end}\0${d.message}`;
}
