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
  /** Whether the editor's text has focus (the status line then explains Tab and Escape). */
  focused = $state(false);
  /** Loading failure shown in the editor pane. */
  error = $state<string | null>(null);
  private revealImpl: ((path: string, line: number, column: number) => void) | null = null;
  private markersImpl: ((path: string) => ShownMarker[]) | null = null;
  private focusImpl: (() => void) | null = null;

  attach(
    reveal: (path: string, line: number, column: number) => void,
    markers?: (path: string) => ShownMarker[],
    focus?: () => void,
  ): void {
    this.revealImpl = reveal;
    this.markersImpl = markers ?? null;
    this.focusImpl = focus ?? null;
    this.ready = true;
  }

  detach(): void {
    this.revealImpl = null;
    this.markersImpl = null;
    this.focusImpl = null;
    this.ready = false;
    this.focused = false;
  }

  /** Puts the keyboard in the editor (the skip link); false before the editor exists. */
  focus(): boolean {
    this.focusImpl?.();
    return this.focusImpl !== null;
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
