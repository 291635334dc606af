import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import {
  expect,
  gotoLine,
  loadExample,
  openFile,
  openPlayground,
  test,
  waitAnalysed,
} from './fixtures.ts';

test('a workspace downloads as a .zip and uploads back as a new playground', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  await gotoLine(page, 5);
  await page.keyboard.type(' # zipped');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-zip').click(),
  ]);
  const path = await download.path();
  expect(download.suggestedFilename()).toMatch(/\.zip$/);

  await loadExample(page, 'hello');
  await page.getByTestId('upload-input').setInputFiles({
    name: 'mine.zip',
    mimeType: 'application/zip',
    buffer: readFileSync(path),
  });
  await waitAnalysed(page);
  await expect
    .poll(() => page.evaluate(() => window.flexosDebug?.file('config.yaml')))
    .toContain('# zipped');
  expect(
    await page.evaluate(() => window.flexosDebug?.file('.flexos-playground.json')),
  ).toBeUndefined();
});

test('a file that is not a zip is refused with a message', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('upload-input').setInputFiles({
    name: 'notes.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('not a zip at all'),
  });
  await expect(
    page.getByTestId('notice').filter({ hasText: 'notes.zip cannot be opened' }),
  ).toBeVisible();
});

test('the build for the FlexOS toolchain downloads with kraft.yaml and gated sources', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-gated').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-build').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-build\.zip$/);
  const files = unzipSync(readFileSync(await download.path()));
  const text = (p: string) => strFromU8(files[p] ?? new Uint8Array());
  expect(text('kraft.yaml')).toContain("specification: '0.6'");
  expect(text('libs/kv/kv.c')).toContain('flexos_intelpku_gate');
  expect(text('libs/kv/kv.c')).not.toMatch(/\bflexos_gate(_r)?\(/);
  expect(Object.keys(files)).toContain('build/gates.json');
});
