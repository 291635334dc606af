/**
 * How the rest of the page talks to the editor without importing Monaco: the editor pane
 * registers `reveal` once it exists, and `ready` says whether it does.
 */
class EditorBridge {
  ready = $state(false);
  /** Loading failure shown in the editor pane. */
  error = $state<string | null>(null);
  private revealImpl: ((path: string, line: number, column: number) => void) | null = null;

  attach(reveal: (path: string, line: number, column: number) => void): void {
    this.revealImpl = reveal;
    this.ready = true;
  }

  detach(): void {
    this.revealImpl = null;
    this.ready = false;
  }

  /** Shows `path` at a 1-based position and focuses the editor. */
  reveal(path: string, line: number, column: number): void {
    this.revealImpl?.(path, line, column);
  }
}

export const editorBridge = new EditorBridge();
