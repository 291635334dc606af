import type { Page } from '@playwright/test';
import { expect, openPlayground, test, waitAnalysed } from './fixtures.ts';

test.use({ showWelcome: true });

/**
 * On a projector (1024×768, 1280×720) and a laptop (1440×900) every control of the toolbar,
 * the file tree, the editor's tabs, Problems, every side panel and the status line can be
 * reached: it lies inside the window, or inside a scrolling container (itself in the window)
 * that can scroll it into view. The page itself never scrolls, so anything else is cut off.
 */
const SIZES = [
  { width: 1024, height: 768, shot: true },
  { width: 1280, height: 720, shot: false },
  { width: 1440, height: 900, shot: true },
] as const;
const PANELS = ['graph', 'gated', 'explore', 'run'] as const;
const REGIONS = [
  'header.toolbar',
  '[data-testid="file-tree"]',
  '[role="tablist"][aria-label="Open files"]',
  '[data-testid="problems"]',
  'section.side',
  '[data-testid="status"]',
];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The nearest ancestor that scrolls, with its box on screen and how far it can scroll. */
async function scrollContainer(
  page: Page,
  handle: Awaited<ReturnType<ReturnType<Page['locator']>['elementHandle']>>,
): Promise<{ box: Box; left: number; top: number; scrollW: number; scrollH: number } | null> {
  return page.evaluate((el) => {
    for (let p = el?.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      if (
        (scrolls(s.overflowY) && p.scrollHeight > p.clientHeight) ||
        (scrolls(s.overflowX) && p.scrollWidth > p.clientWidth)
      ) {
        const r = p.getBoundingClientRect();
        return {
          box: { x: r.left, y: r.top, width: p.clientWidth, height: p.clientHeight },
          left: r.left - p.scrollLeft,
          top: r.top - p.scrollTop,
          scrollW: p.scrollWidth,
          scrollH: p.scrollHeight,
        };
      }
    }
    return null;
  }, handle);
}

const inside = (b: Box, o: Box, slack = 1) =>
  b.x >= o.x - slack &&
  b.y >= o.y - slack &&
  b.x + b.width <= o.x + o.width + slack &&
  b.y + b.height <= o.y + o.height + slack;

/** Every visible control of the page's regions that can be reached neither way. */
async function unreachable(page: Page): Promise<string[]> {
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const screen: Box = { x: 0, y: 0, ...viewport };
  const bad: string[] = [];
  for (const region of REGIONS) {
    for (const control of await page.locator(region).locator('button, input, select').all()) {
      if (!(await control.isVisible())) continue;
      const box = await control.boundingBox();
      if (!box || box.width === 0 || box.height === 0) continue;
      if (inside(box, screen)) continue;
      const handle = await control.elementHandle();
      const c = await scrollContainer(page, handle);
      // Within the container's scrollable content, and the container within the window.
      const content: Box | null = c && {
        x: c.left,
        y: c.top,
        width: c.scrollW,
        height: c.scrollH,
      };
      if (c && content && inside(c.box, screen) && inside(box, content)) continue;
      const name = (await control.getAttribute('data-testid')) ?? (await control.textContent());
      bad.push(`${region} ${name?.trim()} at ${JSON.stringify(box)}`);
    }
  }
  return bad;
}

for (const size of SIZES) {
  test(`every control is reachable at ${size.width}×${size.height}`, async ({ page }, info) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openPlayground(page);
    // The welcome strip of a first visit is part of the page and is checked too.
    for (const panel of PANELS) {
      await page.getByTestId(`panel-tab-${panel}`).click();
      await waitAnalysed(page);
      expect(await unreachable(page), `${panel} panel`).toEqual([]);
    }
    // The editor keeps its room: the side panel never pushes it off-screen.
    const editor = await page.getByTestId('editor').boundingBox();
    expect(editor?.width ?? 0).toBeGreaterThanOrEqual(290);
    if (size.shot) {
      await page.getByTestId('panel-tab-graph').click();
      await page.screenshot({ path: info.outputPath(`page-${size.width}x${size.height}.png`) });
    }
  });
}

test('the splitters never push a control off-screen, and the side panel follows the window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  const side = page.getByRole('separator', { name: 'Resize side panel' });
  await side.focus();
  // The side panel grows as far as the splitter lets it: the editor keeps its minimum.
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowLeft');
  const editor = await page.getByTestId('editor').boundingBox();
  expect(editor?.width ?? 0).toBeGreaterThanOrEqual(290);
  expect(await unreachable(page)).toEqual([]);

  const before = (await page.locator('section.side').boundingBox())?.width ?? 0;
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect
    .poll(async () => (await page.locator('section.side').boundingBox())?.width ?? 0)
    .toBeLessThan(before);
  expect(await unreachable(page)).toEqual([]);
  const tree = page.getByRole('separator', { name: 'Resize file tree' });
  await tree.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  expect((await page.getByTestId('editor').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(290);
  expect(await unreachable(page)).toEqual([]);
});
