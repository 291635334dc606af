import { describe, expect, it } from 'vitest';
import { parentFolder, treeKeyAction } from './tree-keys.ts';
import { toTreeRows } from './tree-rows.ts';

const paths = ['config.yaml', 'components/kv.flexos', 'libs/kv/kv.c', 'libs/kv/util.c'];
const open = toTreeRows(paths, new Set());
const act = (path: string, key: string, collapsed: ReadonlySet<string> = new Set()) =>
  treeKeyAction(toTreeRows(paths, collapsed), collapsed, path, key);

describe('file tree keys', () => {
  it('Up, Down, Home and End move along the visible rows and stop at the ends', () => {
    expect(open.map((r) => r.path)).toEqual([
      'config.yaml',
      'components/',
      'components/kv.flexos',
      'libs/',
      'libs/kv/',
      'libs/kv/kv.c',
      'libs/kv/util.c',
    ]);
    expect(act('config.yaml', 'ArrowDown')).toEqual({ kind: 'focus', path: 'components/' });
    expect(act('components/', 'ArrowUp')).toEqual({ kind: 'focus', path: 'config.yaml' });
    expect(act('config.yaml', 'ArrowUp')).toEqual({ kind: 'none' });
    expect(act('libs/kv/kv.c', 'Home')).toEqual({ kind: 'focus', path: 'config.yaml' });
    expect(act('config.yaml', 'End')).toEqual({ kind: 'focus', path: 'libs/kv/util.c' });
    // A collapsed folder's files are skipped.
    expect(act('libs/', 'ArrowDown', new Set(['libs/kv/']))).toEqual({
      kind: 'focus',
      path: 'libs/kv/',
    });
    expect(act('libs/kv/', 'ArrowDown', new Set(['libs/kv/']))).toEqual({ kind: 'none' });
  });

  it('Right expands a collapsed folder, then enters it; Left collapses, then goes up', () => {
    const closed = new Set(['libs/kv/']);
    expect(act('libs/kv/', 'ArrowRight', closed)).toEqual({ kind: 'expand', path: 'libs/kv/' });
    expect(act('libs/kv/', 'ArrowRight')).toEqual({ kind: 'focus', path: 'libs/kv/kv.c' });
    expect(act('libs/kv/', 'ArrowLeft')).toEqual({ kind: 'collapse', path: 'libs/kv/' });
    expect(act('libs/kv/', 'ArrowLeft', closed)).toEqual({ kind: 'focus', path: 'libs/' });
    expect(act('libs/kv/util.c', 'ArrowLeft')).toEqual({ kind: 'focus', path: 'libs/kv/' });
    expect(act('config.yaml', 'ArrowLeft')).toEqual({ kind: 'none' });
    expect(act('config.yaml', 'ArrowRight')).toEqual({ kind: 'none' });
  });

  it('Enter opens a file and toggles a folder', () => {
    expect(act('libs/kv/kv.c', 'Enter')).toEqual({ kind: 'open', path: 'libs/kv/kv.c' });
    expect(act('libs/', 'Enter')).toEqual({ kind: 'collapse', path: 'libs/' });
    expect(act('libs/', 'Enter', new Set(['libs/']))).toEqual({ kind: 'expand', path: 'libs/' });
  });

  it('knows the parent of files and folders', () => {
    expect(parentFolder('libs/kv/kv.c')).toBe('libs/kv/');
    expect(parentFolder('libs/kv/')).toBe('libs/');
    expect(parentFolder('libs/')).toBeNull();
    expect(parentFolder('config.yaml')).toBeNull();
  });
});
