import type { TextEdit } from '../../core/diagnostics.ts';
import type { SharingMode } from '../../core/model.ts';
import type { Workspace, WorkspaceSettings } from '../../core/pipeline/index.ts';
import { applyFileEdits, isValidPath, normalizePath } from '../lib/paths.ts';

/** Panels of the right-hand side; `settings.panel` holds one of these. */
export const PANELS = ['graph', 'gated', 'explore', 'run', 'lesson'] as const;
export type PanelId = (typeof PANELS)[number];

/** The panel to show for a `settings.panel` value that may come from an older link. */
export function toPanelId(panel: string | undefined): PanelId {
  return (PANELS as readonly string[]).includes(panel ?? '') ? (panel as PanelId) : 'graph';
}

/**
 * The workspace being edited: file texts, open tabs and view settings. Everything that changes
 * files goes through here, so the editor, the analysis worker and autosave see one truth.
 * `revision` counts content changes; `externalRevision` counts changes that did not come from
 * the editor (loads, quick fixes, graph moves), so Monaco models know when to resync.
 */
export class WorkspaceStore {
  files = $state<Record<string, string>>({});
  settings = $state<WorkspaceSettings>({ panel: 'graph' });
  tabs = $state<string[]>([]);
  /** Title in "My playgrounds". */
  title = $state('Untitled');
  /** IndexedDB key of the saved copy; `null` until first saved. */
  id = $state<string | null>(null);
  revision = $state(0);
  externalRevision = $state(0);
  /** `revision` right after the last `load`: anything later is an edit worth saving. */
  loadedRevision = $state(0);
  /** Counts loads, so the editor starts fresh models (and undo histories) for a new workspace. */
  loads = $state(0);

  /** Sorted paths, for the file tree. */
  paths = $derived(Object.keys(this.files).sort());

  get active(): string | undefined {
    return this.settings.openFile;
  }

  /** Replaces everything (example picked, link opened, playground restored). */
  load(ws: Workspace, title: string, id: string | null = null): void {
    this.files = { ...ws.files };
    this.settings = { ...ws.settings, panel: toPanelId(ws.settings.panel) };
    this.title = title;
    this.id = id;
    const open = ws.settings.openFile;
    const first = open && open in ws.files ? open : this.defaultFile();
    this.tabs = first ? [first] : [];
    if (first) this.settings.openFile = first;
    else delete this.settings.openFile;
    this.loads++;
    this.bump(true);
    this.loadedRevision = this.revision;
  }

  /** A plain copy for workers, IndexedDB and links. */
  snapshot(): Workspace {
    return $state.snapshot({ files: this.files, settings: this.settings }) as Workspace;
  }

  /** Text typed in the editor. */
  setFromEditor(path: string, text: string): void {
    if (this.files[path] === text) return;
    this.files[path] = text;
    this.bump(false);
  }

  /** Edits from outside the editor (quick fixes, graph moves); may touch several files. */
  applyEdits(edits: readonly TextEdit[]): void {
    if (edits.length === 0) return;
    this.files = applyFileEdits(this.files, edits);
    this.bump(true);
  }

  /** Replaces one file's text from outside the editor (undo of a graph move). */
  setText(path: string, text: string): void {
    if (this.files[path] === text) return;
    this.files[path] = text;
    this.bump(true);
  }

  /** The sharing mode of the gated-C view; analysed (and saved) like an edit. */
  setSharing(mode: SharingMode | undefined): void {
    if (this.settings.sharing === mode) return;
    if (mode) this.settings.sharing = mode;
    else delete this.settings.sharing;
    this.bump(false);
  }

  /** Adds a file; returns an error message instead when the path is unusable or taken. */
  addFile(rawPath: string, text = ''): string | null {
    const path = normalizePath(rawPath);
    if (!isValidPath(path)) return `“${rawPath}” is not a valid path`;
    if (path in this.files) return `${path} already exists`;
    this.files[path] = text;
    this.open(path);
    this.bump(true);
    return null;
  }

  /** Renames a file, or every file under a folder (a library) when `from` ends with `/`. */
  rename(from: string, rawTo: string): string | null {
    const to = normalizePath(rawTo) + (from.endsWith('/') ? '/' : '');
    if (!isValidPath(to.replace(/\/$/, ''))) return `“${rawTo}” is not a valid path`;
    const moves = Object.keys(this.files)
      .filter((p) => (from.endsWith('/') ? p.startsWith(from) : p === from))
      .map((p) => [p, to + p.slice(from.length)] as const);
    if (moves.length === 0) return `${from} does not exist`;
    if (moves.some(([, n]) => n in this.files)) return `${to} already exists`;
    const files = { ...this.files };
    for (const [o, n] of moves) {
      files[n] = files[o] ?? '';
      delete files[o];
    }
    this.files = files;
    const renamed: Record<string, string> = Object.fromEntries(moves);
    this.tabs = this.tabs.map((t) => renamed[t] ?? t);
    const open = this.settings.openFile;
    const moved = open === undefined ? undefined : renamed[open];
    if (moved !== undefined) this.settings.openFile = moved;
    this.bump(true);
    return null;
  }

  /** Deletes a file, or a folder when `path` ends with `/`. */
  remove(path: string): void {
    const gone = Object.keys(this.files).filter((p) =>
      path.endsWith('/') ? p.startsWith(path) : p === path,
    );
    const files = { ...this.files };
    for (const p of gone) delete files[p];
    this.files = files;
    for (const p of gone) this.close(p);
    this.bump(true);
  }

  /** Shows a file in the editor, opening a tab for it. */
  open(path: string): void {
    if (!(path in this.files)) return;
    if (!this.tabs.includes(path)) this.tabs = [...this.tabs, path];
    this.settings.openFile = path;
  }

  close(path: string): void {
    const i = this.tabs.indexOf(path);
    if (i < 0) return;
    this.tabs = this.tabs.filter((t) => t !== path);
    if (this.settings.openFile === path) {
      const next = this.tabs[Math.min(i, this.tabs.length - 1)];
      if (next) this.settings.openFile = next;
      else delete this.settings.openFile;
    }
  }

  private defaultFile(): string | undefined {
    return 'config.yaml' in this.files ? 'config.yaml' : this.paths[0];
  }

  private bump(external: boolean): void {
    this.revision++;
    if (external) this.externalRevision++;
  }
}

/** The one workspace of the page. */
export const workspace = new WorkspaceStore();
