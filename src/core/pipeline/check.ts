import type { ConfigChange } from '../config/config-change.ts';
import type { ImageConfig } from '../config/image-config.ts';
import { createConfigEdits, parseImageConfig } from '../config/index.ts';
import { createDiagnostic, type Diagnostic, type Fix } from '../diagnostics.ts';
import {
  checkComponentAgainstImage,
  parseComponent,
  type ComponentSpec,
} from '../metadata/index.ts';
import { checkWorkload, parseSpace, parseWorkload } from '../explore/index.ts';
import { checkPlacement, describeChange, type Violation } from '../solver/index.ts';
import { fileKind, libraryOfPath, type Workspace } from '../workspace/workspace.ts';
import { MAX_DIAGNOSTICS_PER_FILE, sortAndCapPerFile } from './cap-per-file.ts';
import { pickConfigFile } from './config-file.ts';
import { checkExerciseFile } from './exercise.ts';
import { countConfigErrors, holdFollowOns } from './follow-on.ts';

/** What `flexos check` and the playground's Problems panel show for one workspace. */
export interface WorkspaceCheck {
  /** `config.yaml`, else `kraft.yaml`, else null. */
  configFile: string | null;
  config: ImageConfig | null;
  /** Parsed metadata of every `components/*.flexos`, in path order. */
  components: ComponentSpec[];
  /** The image's libraries: those of the config plus every `libs/<lib>/` directory. */
  libraries: string[];
  violations: Violation[];
  /** Errors of the config file itself; while there are any, its image is only half read. */
  configErrors: number;
  /** Every problem, sorted by file and position; solver fixes carry config.yaml edits. */
  diagnostics: Diagnostic[];
}

function parseComponents(ws: Workspace, diagnostics: Diagnostic[]): ComponentSpec[] {
  const specs: ComponentSpec[] = [];
  const seen = new Map<string, ComponentSpec>();
  for (const path of Object.keys(ws.files).sort()) {
    if (fileKind(path) !== 'component') continue;
    const { spec, diagnostics: found } = parseComponent(ws.files[path] ?? '', path);
    diagnostics.push(...found);
    if (!spec) continue;
    const stem = path.slice('components/'.length, -'.flexos'.length);
    if (spec.name !== stem) {
      diagnostics.push(
        createDiagnostic(
          'workspace/component-file-mismatch',
          'warning',
          `Component '${spec.name}' is described in ${path}; it is expected in components/${spec.name}.flexos`,
          spec.span,
        ),
      );
    }
    const first = seen.get(spec.name);
    if (first) {
      diagnostics.push(
        createDiagnostic(
          'workspace/duplicate-component',
          'error',
          `Component '${spec.name}' is described twice`,
          spec.span,
          {
            related: [{ span: first.span, message: 'first described here' }],
          },
        ),
      );
      continue;
    }
    seen.set(spec.name, spec);
    specs.push(spec);
  }
  return specs;
}

/**
 * Turns a violation's config changes into quick fixes editing the image file. Many violations
 * share a change ("move netstack to comp3"), so each distinct change is edited once per check:
 * on 40 components with 1,500 violations that is the difference between seconds and
 * milliseconds.
 */
function createFixMaker(
  ws: Workspace,
  file: string | null,
  config: ImageConfig | null,
): (changes: ConfigChange[]) => Fix[] {
  const memo = new Map<string, Fix>();
  const text = file === null ? '' : (ws.files[file] ?? '');
  let editor: ReturnType<typeof createConfigEdits> | undefined;
  // Each distinct change is verified by parsing the edited file once. A budget in parsed
  // characters keeps a huge image (10,000 libraries) answering in time: its first fixes come
  // with edits, later violations keep their message without a quick fix.
  let budget = FIX_PARSE_BUDGET;
  return (changes) => {
    if (file === null) return [];
    return changes.flatMap((change) => {
      const key = JSON.stringify(change);
      let fix = memo.get(key);
      if (!fix) {
        if (budget < text.length) return [];
        budget -= text.length;
        editor ??= createConfigEdits(text, file, { config, workspaceName: ws.name });
        fix = { title: describeChange(change), edits: editor.edits(change) };
        memo.set(key, fix);
      }
      return [fix];
    });
  };
}

/** Characters of config text the quick fixes of one check may parse to verify themselves. */
const FIX_PARSE_BUDGET = 250_000;

export interface CheckOptions {
  /** Build quick fixes (text edits) for solver violations; on by default. */
  fixes?: boolean;
  /**
   * Hold back the warnings that follow from config errors (`follow-on.ts`); on by default.
   * `analyzeWorkspace` turns it off and holds back once, after adding its own stages.
   */
  holdFollowOns?: boolean;
}

/**
 * Checks a whole workspace: the image config, every component's metadata, the metadata
 * against the image, the placement against the metadata (docs/semantics.md), and
 * the explorer's `space.yaml` and `workload.yaml` and the exercise's `exercise.yaml` when present.
 * Pure and total: bad input gives diagnostics, never an exception.
 */
export function checkWorkspace(ws: Workspace, options: CheckOptions = {}): WorkspaceCheck {
  const picked = pickConfigFile(ws);
  const diagnostics: Diagnostic[] = [...picked.diagnostics];
  const configFile = picked.file;
  let config: ImageConfig | null = null;
  if (configFile) {
    const parsed = parseImageConfig(ws.files[configFile] ?? '', configFile, ws.name);
    diagnostics.push(...parsed.diagnostics);
    config = parsed.config;
  }
  const components = parseComponents(ws, diagnostics);
  // The explorer's inputs are checked here too, so a broken space.yaml shows up as you type.
  if (ws.files['space.yaml'] !== undefined)
    diagnostics.push(...parseSpace(ws.files['space.yaml']).diagnostics);
  if (ws.files['workload.yaml'] !== undefined)
    diagnostics.push(...parseWorkload(ws.files['workload.yaml']).diagnostics);
  diagnostics.push(...checkExploreFiles(ws));
  const libraries = new Set(config?.libraries.map((l) => l.name) ?? []);
  for (const path of Object.keys(ws.files)) {
    const lib = libraryOfPath(path);
    if (lib !== undefined) libraries.add(lib);
  }
  const names = [...libraries].sort();
  diagnostics.push(...checkExerciseFile(ws, names));
  let violations: Violation[] = [];
  if (config) {
    for (const spec of components) diagnostics.push(...checkComponentAgainstImage(spec, names));
    // Metadata of components outside this image is kept for reuse but does not take part.
    const inImage = components.filter((c) => libraries.has(c.name));
    const placement = checkPlacement(config, inImage, { fixes: options.fixes !== false });
    violations = placement.violations;
    const toFixes = createFixMaker(ws, options.fixes === false ? null : configFile, config);
    // Text edits are planned only for what a file can show (each distinct change costs a parse
    // of the config to verify it): 10,000 libraries would otherwise take minutes.
    const found = placement.diagnostics.map((d, i) => ({ d, i }));
    const shownFirst = new Set(
      [...found]
        .sort((a, b) => a.d.span.start - b.d.span.start)
        .slice(0, MAX_DIAGNOSTICS_PER_FILE)
        .map((f) => f.i),
    );
    let next = 0;
    for (const { d, i } of found) {
      const v = d.code.startsWith('solver/violation-') ? violations[next++] : undefined;
      const fixes = v && shownFirst.has(i) ? toFixes(v.fixes) : [];
      diagnostics.push(fixes.length > 0 ? { ...d, fixes } : d);
    }
  }
  const configErrors = countConfigErrors(diagnostics, configFile);
  const held =
    options.holdFollowOns === false ? diagnostics : holdFollowOns(diagnostics, configFile);
  const shown = sortAndCapPerFile(held);
  return {
    configFile,
    config,
    components,
    libraries: names,
    violations,
    configErrors,
    diagnostics: shown,
  };
}

/**
 * `workload.yaml` against `space.yaml` (numbers for components the space does not have);
 * each file's own parse problems are reported by the caller.
 */
function checkExploreFiles(ws: Workspace): Diagnostic[] {
  const spaceText = ws.files['space.yaml'];
  const workloadText = ws.files['workload.yaml'];
  if (spaceText === undefined || workloadText === undefined) return [];
  const { space } = parseSpace(spaceText, 'space.yaml');
  const { workload } = parseWorkload(workloadText, 'workload.yaml');
  return space && workload ? checkWorkload(workload, space) : [];
}
