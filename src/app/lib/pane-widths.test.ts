import { describe, expect, it } from 'vitest';
import { MIN_EDITOR_W, paneWidths } from './pane-widths.ts';

describe('pane widths', () => {
  it('keep what the splitters asked when the window has room', () => {
    expect(paneWidths(1440, 210, 520)).toMatchObject({ tree: 210, side: 520 });
  });

  it('shrink the side panel first so the editor keeps its minimum', () => {
    const w = paneWidths(1024, 210, 900);
    expect(w.tree).toBe(210);
    expect(w.tree + w.side + 8 + MIN_EDITOR_W).toBe(1024);
  });

  it('never let the splitters push a panel past the window', () => {
    for (const window of [1024, 1280, 1440]) {
      const w = paneWidths(window, 420, 1100);
      expect(w.tree + w.side + 8 + MIN_EDITOR_W).toBeLessThanOrEqual(window);
      expect(w.maxSide + w.tree + 8 + MIN_EDITOR_W).toBeLessThanOrEqual(window);
      expect(w.maxTree + w.side + 8 + MIN_EDITOR_W).toBeLessThanOrEqual(window);
    }
  });

  it('keeps each panel at its own minimum in a tiny window', () => {
    expect(paneWidths(500, 210, 400)).toMatchObject({ tree: 140, side: 280 });
  });
});
