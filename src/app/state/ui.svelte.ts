/** Which overlay is open (command list, "My playgrounds"), and requests to the file tree. */
class Ui {
  palette = $state(false);
  playgrounds = $state(false);
  /** Asks the file tree to open its input for a new file or library. */
  treeRequest = $state<'file' | 'library' | null>(null);
}

export const ui = new Ui();
