/** Narrowest the editor column gets, so its tabs and the Problems header stay usable. */
export const MIN_EDITOR_W = 300;
/** The two splitters' width together. */
const SPLITTERS_W = 8;
const MIN_TREE_W = 140;
const MIN_SIDE_W = 280;

/** What the page's columns get in a window `window` pixels wide. */
export interface PaneWidths {
  tree: number;
  side: number;
  /** The most the splitters may give each panel now. */
  maxTree: number;
  maxSide: number;
}

/**
 * The file tree's and side panel's widths as the splitters asked, shrunk (the side panel
 * first) so the editor keeps `MIN_EDITOR_W` and nothing is pushed off-screen, never below
 * their own minimum; the splitters' maximum is what is left beside the others.
 */
export function paneWidths(window: number, tree: number, side: number): PaneWidths {
  const room = Math.max(0, window - SPLITTERS_W - MIN_EDITOR_W);
  const treeW = Math.max(MIN_TREE_W, Math.min(tree, room - MIN_SIDE_W));
  const sideW = Math.max(MIN_SIDE_W, Math.min(side, room - treeW));
  return {
    tree: treeW,
    side: sideW,
    maxTree: Math.max(MIN_TREE_W, room - sideW),
    maxSide: Math.max(MIN_SIDE_W, room - treeW),
  };
}
