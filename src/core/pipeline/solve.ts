import {
  applyEdits,
  compareDiagnostics,
  minimalEdit,
  type Diagnostic,
  type TextEdit,
} from '../diagnostics.ts';
import {
  createConfigLookup,
  isKraftFile,
  mechanismOf,
  parseImageConfig,
  printConfigYaml,
  printKraftYaml,
  sameImageConfig,
  toConfigEdits,
  type ImageChange,
  type ImageConfig,
} from '../config/index.ts';
import type { ComponentSpec } from '../metadata/index.ts';
import type { Hardening } from '../model.ts';
import {
  checkPlacement,
  conflictGraph,
  minimumCompartments,
  proposeConfig,
} from '../solver/index.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';

/** Most moves `solveWorkspace` makes as edits of the file before it prints the file anew. */
const MAX_IN_PLACE_CHANGES = 200;

/** Two components that may not share a compartment, and why. */
export interface Conflict {
  a: string;
  b: string;
  reasons: string[];
}

/** What "Solve" answers: the fewest compartments that separate every conflict, as a config. */
export type WorkspaceSolution =
  | { status: 'no-config'; diagnostics: Diagnostic[] }
  | {
      status: 'ok';
      /** The file the proposal edits (`config.yaml` or `kraft.yaml`). */
      configFile: string;
      conflicts: Conflict[];
      /** Fewest compartments with no conflict inside one (graph colouring). */
      minCompartments: number;
      /** False when the colouring's search budget ran out: `minCompartments` is an upper bound. */
      exact: boolean;
      /** Library → colour (0-based); colour n is the n-th compartment of the proposal. */
      assignment: Record<string, number>;
      /** The proposed image. */
      config: ImageConfig;
      /** Its mechanism (`fcalls` separates nothing, so colouring alone cannot help). */
      mechanism: string;
      /** The config file's text after `edits`: the proposal in the file's own form. */
      text: string;
      /** Edits of the config file that make the proposal; none when it already is one. */
      edits: TextEdit[];
      /** True when `text` was written by the printer (the file's layout could not be kept). */
      reprinted: boolean;
      /** Errors the proposal still has: what no placement fixes (calls refused through a
       * gate, `fcalls` separating nothing, more compartments than the mechanism has). */
      remaining: Diagnostic[];
    };

/** A library without metadata is plain C: may touch anything, calls anything, requires nothing. */
function plainC(name: string, file: string): ComponentSpec {
  const span = { file, start: 0, end: 0 };
  return {
    name,
    doc: [],
    memory: null,
    calls: [{ kind: 'any', span }],
    api: [],
    requires: null,
    hardening: null,
    span,
  };
}

/**
 * Solves the workspace's image: conflict graph of its components under their current
 * hardening, minimum compartments, and that placement written into the config file. The file
 * is edited move by move (keeping comments and the flat or nested form); when that cannot
 * reproduce the proposal exactly, the file is printed anew from the proposed config.
 */
export function solveWorkspace(ws: Workspace): WorkspaceSolution {
  const check = checkWorkspace(ws, { fixes: false });
  const { config, configFile } = check;
  if (!config || !configFile) return { status: 'no-config', diagnostics: check.diagnostics };
  const byName = new Map(check.components.map((c) => [c.name, c]));
  const components = check.libraries.map((lib) => byName.get(lib) ?? plainC(lib, configFile));
  const { hardeningOf } = createConfigLookup(config);
  const hardening: Record<string, Hardening[]> = {};
  for (const lib of check.libraries) hardening[lib] = hardeningOf(lib);
  const graph = conflictGraph(components, { hardening });
  const colouring = minimumCompartments(graph);
  const proposed = proposeConfig(config, components, colouring.assignment);
  const text = ws.files[configFile] ?? '';
  const edited = editInPlace(
    text,
    configFile,
    config,
    colouring.assignment,
    check.libraries,
    ws.name,
  );
  // A kraft.yaml printed anew keeps what it held besides the image (targets, versions, ...).
  const kept = config.kraft ? { ...proposed, kraft: config.kraft } : proposed;
  const next =
    edited ?? (isKraftFile(configFile, text) ? printKraftYaml(kept) : printConfigYaml(proposed));
  const after = parseImageConfig(next, configFile, ws.name).config ?? proposed;
  const remaining = checkPlacement(after, components, { fixes: false })
    .diagnostics.filter((d) => d.severity === 'error')
    .sort(compareDiagnostics);
  return {
    status: 'ok',
    configFile,
    conflicts: graph.edges.map((e) => ({ a: e.a, b: e.b, reasons: [...e.reasons] })),
    minCompartments: colouring.count,
    exact: colouring.exact,
    assignment: { ...colouring.assignment },
    config: after,
    mechanism: mechanismOf(after),
    text: next,
    edits: next === text ? [] : [minimalEdit(configFile, text, next)],
    reprinted: edited === null,
    remaining,
  };
}

/**
 * The config text with each library moved to the compartment its colour maps to: the default
 * compartment goes to the colour holding most of its libraries, then colours take over the
 * existing compartment they share most libraries with (the fewest moves), then the
 * compartments left over (empty ones, say) are reused, and only then are new ones made.
 * Declared compartments the proposal leaves empty are removed, as edits too, so the file keeps
 * its comments and form. Null when the edits do not give exactly the coloured placement with
 * every library's hardening unchanged (a compartment's own hardening would spread to newcomers).
 */
function editInPlace(
  text: string,
  file: string,
  config: ImageConfig,
  assignment: Readonly<Record<string, number>>,
  libraries: readonly string[],
  workspaceName: string | undefined,
): string | null {
  const target = mapColours(config, assignment, libraries);
  const before = createConfigLookup(config);
  const changes: ImageChange[] = [];
  // New compartments first: a move could otherwise empty a compartment a later move needs.
  // Each is created by moving its first library there (compartment -> that library).
  const created = new Map<string, string>();
  for (const lib of libraries) {
    const want = target.get(lib);
    if (want === undefined || !want.fresh || created.has(want.name)) continue;
    created.set(want.name, lib);
    changes.push({ kind: 'new-compartment', lib, compartment: want.name });
  }
  for (const lib of libraries) {
    const want = target.get(lib);
    if (want === undefined || created.get(want.name) === lib) continue;
    if ((before.compartmentOf(lib)?.name ?? defaultName(config)) !== want.name)
      changes.push({ kind: 'move', lib, compartment: want.name });
  }
  // Last, once every library has left them: a move empties a compartment that held libraries
  // (and removes it), but one that was empty before stays until it is removed here.
  const wanted = new Set([...target.values()].map((t) => t.name));
  for (const c of config.compartments)
    if (!wanted.has(c.name) && c.name !== defaultName(config))
      changes.push({ kind: 'remove-compartment', compartment: c.name });
  // Each change re-parses the file to verify itself: past a few hundred, printing anew is the
  // only answer that comes back in time (comments are lost, the placement is the same).
  if (changes.length > MAX_IN_PLACE_CHANGES) return null;
  let next = text;
  for (const change of changes) {
    const edits = toConfigEdits(next, file, change);
    if (edits.length === 0) {
      // A move's compartment may already be gone with the library that emptied it.
      if (change.kind === 'remove-compartment' && !declares(next, file, change.compartment))
        continue;
      return null;
    }
    next = applyEdits(next, edits);
  }
  const after = parseImageConfig(next, file, workspaceName).config;
  if (!after) return null;
  const now = createConfigLookup(after);
  for (const lib of libraries) {
    if (now.compartmentOf(lib)?.name !== target.get(lib)?.name) return null;
    if (!sameSet(now.hardeningOf(lib), before.hardeningOf(lib))) return null;
  }
  const declared = new Set(after.compartments.map((c) => c.name));
  // The default compartment stays even when no colour took it (no library was in it).
  declared.delete(defaultName(after));
  for (const name of declared) if (!wanted.has(name)) return null;
  return sameImageConfig(after, config) ? text : next;
}

/** True when the config text declares compartment `name`. */
function declares(text: string, file: string, name: string): boolean {
  return parseImageConfig(text, file).config?.compartments.some((c) => c.name === name) ?? false;
}

function mapColours(
  config: ImageConfig,
  assignment: Readonly<Record<string, number>>,
  libraries: readonly string[],
): Map<string, { name: string; fresh: boolean }> {
  const { compartmentOf } = createConfigLookup(config);
  const overlap = new Map<string, number>();
  for (const lib of libraries) {
    const key = `${assignment[lib] ?? 0}\u0000${compartmentOf(lib)?.name ?? defaultName(config)}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const pairs = [...overlap].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const byColour = new Map<number, string>();
  const taken = new Set<string>();
  const take = (colour: number, name: string): void => {
    if (byColour.has(colour) || taken.has(name)) return;
    byColour.set(colour, name);
    taken.add(name);
  };
  // The default compartment first: it must stay (unlisted libraries go there), so it is the
  // one compartment a colour must not leave empty when any colour could fill it.
  const def = defaultName(config);
  const toDefault = pairs.find(([key]) => key.endsWith(`\u0000${def}`));
  if (toDefault) take(Number(toDefault[0].split('\u0000')[0]), def);
  for (const [key] of pairs) {
    const [colour, name] = key.split('\u0000') as [string, string];
    take(Number(colour), name);
  }
  const used = new Set(config.compartments.map((c) => c.name));
  // Compartments no colour took over (empty ones, say) are reused before new ones are made,
  // the default one first.
  const spare = config.compartments
    .map((c) => c.name)
    .filter((n) => !taken.has(n))
    .sort((a, b) => Number(b === def) - Number(a === def));
  const fresh = (): string => {
    let n = 1;
    while (used.has(`comp${n}`)) n++;
    used.add(`comp${n}`);
    return `comp${n}`;
  };
  const names = new Map<number, { name: string; fresh: boolean }>();
  const out = new Map<string, { name: string; fresh: boolean }>();
  for (const lib of libraries) {
    const colour = assignment[lib] ?? 0;
    let t = names.get(colour);
    if (!t) {
      const existing = byColour.get(colour);
      const reused = existing ?? spare.shift();
      t = reused ? { name: reused, fresh: false } : { name: fresh(), fresh: true };
      names.set(colour, t);
    }
    out.set(lib, t);
  }
  return out;
}

function defaultName(config: ImageConfig): string {
  return (config.compartments.find((c) => c.default) ?? config.compartments[0])?.name ?? '';
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
