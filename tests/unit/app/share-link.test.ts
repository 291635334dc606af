/**
 * The page's `#v1/` links with the browser's compression streams (Node has the same ones):
 * a link made before extras existed still opens, extras round-trip, and a link that inflates
 * past the limit says "too large" where a damaged one says "damaged".
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createShareLink, readShareLink } from '../../../src/app/state/share.ts';
import { encodeBase64Url, SHARE_LIMITS } from '../../../src/core/pipeline/index.ts';

/**
 * Made by the playground before extras were added (createShareLink of the commit before
 * them), with non-ASCII text in two files: links already pasted must keep opening.
 */
const LINK_BEFORE_EXTRAS =
  'http://127.0.0.1:4173/#v1/VY8xTsNAEEWv8jVpIHJiaJcqEqGjocUUG3ucjLw7tnY3VpBliTuARBOJigKJmgvkJilyDhQ62lc8vTdQLY4jmYHKVmtZz5-td2RIrWcDLypNjwlKWx--cNy_Flq2vrMhedYUTaHADGd0bTDAc7mxKtEbiCZ2M981GSqu7dYlgxS2jLFQJ6tgg3A0eHwqlDJysop50-dNPy_JUD7FOhx-Dh-M48sbTu-fp_03pnmhogneil70rVSXGBA4bYPi6uYspowelovb--XcV2RoggWcaANvK8aK6zYweJeCjYXSmFHklETXf_-dVT6f865zbWDKqO1Y78Qxmf99GcWNDaJrMlTFSOP4Cw';

const hashOf = (link: string) => new URL(link).hash;

describe('#v1/ links in the page', () => {
  it('open links made before extras, every file and setting intact', async () => {
    const opened = await readShareLink(hashOf(LINK_BEFORE_EXTRAS));
    expect(opened).toEqual({
      status: 'ok',
      workspace: {
        files: {
          'config.yaml':
            'name: minikv # café ✓\ncompartments:\n  - comp1: { mechanism: intel-mpk, default: true }\nlibraries: []\n',
          'libs/kv/kv.c': '/* größe — 日本 */\nint main(void) { return 0; }\n',
          'README.md': '# A link made before extras\n',
        },
        settings: { panel: 'explore', openFile: 'libs/kv/kv.c', sharing: 'dss' },
      },
    });
  });

  it('carry the Explore settings and an exercise state', async () => {
    const ws = { files: { 'config.yaml': 'name: x # ✓\n' }, settings: { panel: 'graph' } };
    const extras = {
      explore: { order: 'product', budget: '>=1500' },
      exercise: { checks: [true, false], hint: 2 },
    };
    const link = await createShareLink(ws, extras, 'http://127.0.0.1:4173/?debug');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?debug#v1\/[\w-]+$/);
    expect(await readShareLink(hashOf(link))).toEqual({ status: 'ok', workspace: ws, extras });
  });

  it('say "too large" for data that inflates past the limit, "damaged" for damaged data', async () => {
    // Zeros compress a thousandfold: a link of about 40 KB that would unpack to 33 MB.
    const bomb = deflateRawSync(Buffer.alloc(SHARE_LIMITS.maxPayloadBytes + 1000));
    const big = await readShareLink(`#v1/${encodeBase64Url(bomb)}`);
    expect(big).toMatchObject({ status: 'invalid' });
    expect(big.status === 'invalid' && big.reason).toMatch(/too large/);
    expect(big.status === 'invalid' && big.reason).not.toMatch(/damaged/);

    const good = deflateRawSync(Buffer.from('{"files":{"a.txt":"x"}}'));
    const cut = await readShareLink(`#v1/${encodeBase64Url(good.subarray(0, good.length - 4))}`);
    expect(cut.status === 'invalid' && cut.reason).toMatch(/damaged/);
    const notUtf8 = await readShareLink(`#v1/${encodeBase64Url(deflateRawSync(Buffer.of(0xff)))}`);
    expect(notUtf8.status === 'invalid' && notUtf8.reason).toMatch(/damaged/);
  });

  it('say "too large" for a workspace past the workspace limits too', async () => {
    const files = { 'a.txt': 'x'.repeat(1_000_001) };
    const packed = deflateRawSync(Buffer.from(JSON.stringify({ files })));
    const opened = await readShareLink(`#v1/${encodeBase64Url(packed)}`);
    expect(opened.status === 'invalid' && opened.reason).toMatch(/too large/);
  });
});
