/** Where `npm start` and `npm run runner` keep short links unless told. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStorePath } from '../../src/runner/main.ts';

describe('the default short-link store', () => {
  it('is under ~/.cache/flexos-playground, or $FLEXOS_CACHE, or $FLEXOS_SHARE_STORE', () => {
    expect(defaultStorePath({})).toBe(
      join(homedir(), '.cache', 'flexos-playground', 'short-links.sqlite'),
    );
    expect(defaultStorePath({ FLEXOS_CACHE: '/var/cache/fx' })).toBe(
      '/var/cache/fx/short-links.sqlite',
    );
    expect(
      defaultStorePath({ FLEXOS_CACHE: '/var/cache/fx', FLEXOS_SHARE_STORE: '/srv/links.db' }),
    ).toBe('/srv/links.db');
    expect(defaultStorePath({ FLEXOS_SHARE_STORE: ':memory:' })).toBe(':memory:');
  });
});
