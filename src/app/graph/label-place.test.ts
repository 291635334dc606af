import { describe, expect, it } from 'vitest';
import { labelBox, overlaps, placeLabel, type Box, type Point } from './label-place.ts';

/** A straight vertical edge from (100, 0) to (100, 200). */
const line = (t: number): Point => ({ x: 100, y: 200 * t });
const text = '2 gates · MPK';

describe('edge labels', () => {
  it('go to the middle of the curve when nothing is in the way', () => {
    expect(placeLabel(line, text, { titles: [], libraries: [] }, [])).toEqual({ x: 100, y: 100 });
  });

  it('never cover a compartment title, even when libraries crowd every other spot', () => {
    const title: Box = { x: 40, y: 90, width: 200, height: 30 };
    // Libraries over every spot but the middle, which the title covers.
    const libraries: Box[] = [0.2, 0.28, 0.38, 0.62, 0.72, 0.8].map((t) => ({
      ...labelBox(line(t), text),
    }));
    const spot = placeLabel(line, text, { titles: [title], libraries }, []);
    expect(overlaps(labelBox(spot, text), title)).toBe(false);
  });

  it('are pushed below the titles when every spot of the curve is under one', () => {
    const title: Box = { x: 0, y: 0, width: 300, height: 200 };
    const below: Box = { x: 0, y: 200, width: 300, height: 30 };
    const spot = placeLabel(line, text, { titles: [title, below], libraries: [] }, []);
    expect(overlaps(labelBox(spot, text), title)).toBe(false);
    expect(overlaps(labelBox(spot, text), below)).toBe(false);
    expect(spot.x).toBe(100);
  });

  it('avoid labels placed before them', () => {
    const taken: Box[] = [];
    const first = placeLabel(line, text, { titles: [], libraries: [] }, taken);
    const second = placeLabel(line, text, { titles: [], libraries: [] }, taken);
    expect(second).not.toEqual(first);
    expect(overlaps(labelBox(first, text), labelBox(second, text))).toBe(false);
    expect(taken).toHaveLength(2);
  });
});
