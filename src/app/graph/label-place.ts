/** A box in graph coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Point = { x: number; y: number };

/** Where along its curve (0..1) a label may go, best first. */
const LABEL_SPOTS = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];
export const LABEL_CHAR_W = 6.2;
export const LABEL_H = 13;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The box a label of `text` centred on `p` takes. */
export function labelBox(p: Point, text: string): Box {
  const width = text.length * LABEL_CHAR_W;
  return { x: p.x - width / 2, y: p.y - LABEL_H / 2, width, height: LABEL_H };
}

/**
 * Where an edge's label goes: the first spot along the curve that covers no compartment
 * title, no library and no label placed before; else the first that covers no title; else
 * the middle of the curve pushed just below the title it would cover. Titles are never
 * covered: they name the compartment a reader is looking for. Records the box in `taken`.
 */
export function placeLabel(
  at: (t: number) => Point,
  text: string,
  obstacles: { titles: readonly Box[]; libraries: readonly Box[] },
  taken: Box[],
): Point {
  const clearOf = (boxes: readonly Box[]) => (p: Point) =>
    !boxes.some((o) => overlaps(labelBox(p, text), o));
  const spots = LABEL_SPOTS.map(at);
  const spot =
    spots.find(clearOf([...obstacles.titles, ...obstacles.libraries, ...taken])) ??
    spots.find(clearOf(obstacles.titles)) ??
    belowTitles(at(0.5), text, obstacles.titles);
  taken.push(labelBox(spot, text));
  return spot;
}

/** `p` moved down until its label clears every title it covers. */
function belowTitles(p: Point, text: string, titles: readonly Box[]): Point {
  let y = p.y;
  for (let guard = 0; guard < titles.length; guard++) {
    const hit = titles.find((t) => overlaps(labelBox({ x: p.x, y }, text), t));
    if (!hit) break;
    y = hit.y + hit.height + LABEL_H / 2 + 1;
  }
  return { x: p.x, y };
}
