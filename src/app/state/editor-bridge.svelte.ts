/** A marker as the editor shows it, for tests and checks by hand (`window.flexosDebug`). */
export interface ShownMarker {
  owner: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  code: string;
  line: number;
  column: number;
}

/**
 * How the rest of the page talks to the editor without importing Monaco: the editor pane
 * registers `reveal` once it exists, and `ready` says whether it does.
 */
class EditorBridge {
  ready = $state(false);
  /** Loading failure shown in the editor pane. */
  error = $state<string | null>(null);
  private revealImpl: ((path: string, line: number, column: number) => void) | null = null;
  private markersImpl: ((path: string) => ShownMarker[]) | null = null;

  attach(
    reveal: (path: string, line: number, column: number) => void,
    markers?: (path: string) => ShownMarker[],
  ): void {
    this.revealImpl = reveal;
    this.markersImpl = markers ?? null;
    this.ready = true;
  }

  detach(): void {
    this.revealImpl = null;
    this.markersImpl = null;
    this.ready = false;
  }

  /** Shows `path` at a 1-based position and focuses the editor. */
  reveal(path: string, line: number, column: number): void {
    this.revealImpl?.(path, line, column);
  }

  /** Every marker on `path`'s model, of every owner; empty before the editor exists. */
  markers(path: string): ShownMarker[] {
    return this.markersImpl?.(path) ?? [];
  }
}

export const editorBridge = new EditorBridge();
