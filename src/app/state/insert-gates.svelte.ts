import type { Diagnostic, Fix } from '../../core/diagnostics.ts';
import { fileKind, libraryOfPath, type PortedFile } from '../../core/pipeline/index.ts';
import { analysis } from './analysis.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/** What "Insert gates" found in one file, valid while the file's text is exactly `text`. */
export interface GateFindings {
  path: string;
  /** The text the diagnostics' offsets refer to. */
  text: string;
  /** Port diagnostics: proposed whitelists and shared literals come as fixes. */
  diagnostics: Diagnostic[];
}

/** True for the files "Insert gates" works on: C sources of a library (`libs/<lib>/x.c`). */
export function canInsertGates(path: string | undefined): path is string {
  return path !== undefined && fileKind(path) === 'c' && path.endsWith('.c');
}

/**
 * "Insert gates" (the porting step): wraps every call into another library in a gate
 * placeholder, as one edit of the file through the workspace (so one step of the editor's
 * undo). What porting proposes on top (whitelists, shared literals) is not part of the live
 * analysis; it is kept here per file, for the exact text it was computed on, and shown as
 * markers, quick fixes and Problems rows until the file changes. Applying one of its fixes
 * asks the worker again, so the rest stay offered at the right offsets.
 */
class InsertGates {
  busy = $state(false);
  private findings = $state.raw<Record<string, GateFindings>>({});

  /** The findings still valid for the workspace's current texts. */
  get current(): GateFindings[] {
    return Object.values(this.findings)
      .filter((f) => workspace.files[f.path] === f.text)
      .map((f) => this.withoutLive(f));
  }

  /** The valid findings of one file, if any. */
  of(path: string): GateFindings | undefined {
    const f = this.findings[path];
    return f && workspace.files[path] === f.text ? this.withoutLive(f) : undefined;
  }

  /**
   * Without what the live analysis reports too (C parse errors, an address crossing a gate
   * unshared once the gates are in): each problem and its fix are listed once. Checked when
   * read, as the analysis may catch up after the findings were kept.
   */
  private withoutLive(f: GateFindings): GateFindings {
    const live = new Set(
      (analysis.shown?.result.diagnostics ?? []).map(
        (d) => `${d.code}|${d.span.file}|${d.message}`,
      ),
    );
    const diagnostics = f.diagnostics.filter(
      (d) => !live.has(`${d.code}|${d.span.file}|${d.message}`),
    );
    return diagnostics.length === f.diagnostics.length ? f : { ...f, diagnostics };
  }

  /** Inserts gate placeholders into `path` and offers what else crossing the gates needs. */
  async insert(path: string): Promise<void> {
    if (!canInsertGates(path) || workspace.files[path] === undefined) {
      notices.push('warning', 'Insert gates works on a C file of a library: libs/<lib>/*.c.');
      return;
    }
    const ported = await this.port(path);
    if (!ported) return;
    const lib = libraryOfPath(path) ?? '';
    if (ported.knownFunctions === 0) {
      notices.push(
        'warning',
        `Nothing is known about the other libraries' functions, so nothing in ${path} can be gated: give them an [API] in components/*.flexos or put their sources under libs/.`,
      );
      return;
    }
    if (ported.calls.length === 0) {
      this.keep(path, workspace.files[path] ?? '', ported.diagnostics);
      notices.push('info', `${path} calls no other library's function outside a gate.`);
      return;
    }
    workspace.applyEdits(ported.edits);
    workspace.open(path);
    const n = ported.calls.length;
    const callees = [...new Set(ported.calls.map((c) => c.callee))].sort().join(', ');
    notices.push(
      'info',
      `${n} call${n === 1 ? '' : 's'} from ${lib} gated (into ${callees}); Ctrl+Z in the editor undoes it.`,
    );
    // The port diagnostics refer to the text before the gates: port the gated text again for
    // offsets that match the file now (its calls are gated already, so nothing more changes).
    await this.refresh(path);
  }

  /** Applies a fix of the findings of `path`, then offers the rest at their new offsets. */
  applyFix(path: string, fix: Fix): boolean {
    if (!this.of(path)) {
      notices.push('warning', `${path} changed since the gates were inserted; insert them again.`);
      return false;
    }
    workspace.applyEdits(fix.edits);
    workspace.open(path);
    void this.refresh(path);
    return true;
  }

  private async refresh(path: string): Promise<void> {
    const ported = await this.port(path);
    if (ported) this.keep(path, workspace.files[path] ?? '', ported.diagnostics);
  }

  private keep(path: string, text: string, diagnostics: Diagnostic[]): void {
    // Problems the live analysis reports already (C parse errors) are not repeated.
    const live = new Set(
      (analysis.shown?.result.diagnostics ?? []).map(
        (d) => `${d.code}|${d.span.file}|${d.message}`,
      ),
    );
    const own = diagnostics.filter((d) => !live.has(`${d.code}|${d.span.file}|${d.message}`));
    this.findings = { ...this.findings, [path]: { path, text, diagnostics: own } };
  }

  /** Ports the file as it is now; null (after a notice) when that failed or it changed meanwhile. */
  private async port(path: string): Promise<Extract<PortedFile, { status: 'ok' }> | null> {
    const before = workspace.files[path];
    this.busy = true;
    try {
      const ported = await analysis.port(workspace.snapshot(), { path });
      if (workspace.files[path] !== before) {
        notices.push('warning', `${path} changed while the gates were worked out; try again.`);
        return null;
      }
      if (ported.status !== 'ok') {
        const why = ported.diagnostics.map((d) => d.message).join('; ');
        notices.push('error', `Insert gates failed: ${why}`);
        return null;
      }
      return ported;
    } catch (e) {
      notices.push('error', `Insert gates failed: ${errorText(e)}`);
      return null;
    } finally {
      this.busy = false;
    }
  }
}

export const insertGates = new InsertGates();
