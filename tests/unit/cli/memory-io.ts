import { CliInputError, type CliIo } from '../../../src/cli/io.ts';

/**
 * An in-memory CliIo over a map of files, recording what a command prints. Directories are
 * implied by the paths; `writeTree` replaces everything below its directory, as the real one.
 */
export function createMemoryIo(
  files: Record<string, string>,
): CliIo & { stdout: string; stderr: string; files: Record<string, string> } {
  const dirs = (): Set<string> => {
    const set = new Set<string>();
    for (const path of Object.keys(files)) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) set.add(parts.slice(0, i).join('/'));
    }
    return set;
  };
  const norm = (p: string): string => p.replace(/\/+$/, '').replace(/^\.\//, '');
  const io = {
    stdout: '',
    stderr: '',
    files,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined)
        throw new CliInputError(
          path,
          dirs().has(path) ? 'is a directory, not a file' : 'no such file or directory',
        );
      return text;
    },
    readDir: async (path: string) => {
      const prefix = `${norm(path)}/`;
      const names = new Set<string>();
      for (const p of [...Object.keys(files), ...dirs()]) {
        if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0] as string);
      }
      return [...names].sort();
    },
    kind: async (path: string) =>
      files[path] !== undefined ? 'file' : dirs().has(norm(path)) ? 'directory' : 'missing',
    isWithin: async (path: string, dir: string) =>
      norm(path) === norm(dir) || norm(path).startsWith(`${norm(dir)}/`),
    writeTree: async (out: string, tree: Record<string, string>) => {
      if (files[out] !== undefined) throw new CliInputError(out, 'exists and is not a directory');
      for (const p of Object.keys(files)) if (p.startsWith(`${norm(out)}/`)) delete files[p];
      for (const [p, text] of Object.entries(tree)) files[`${norm(out)}/${p}`] = text;
    },
    cwd: '/',
  } satisfies CliIo & { stdout: string; stderr: string; files: Record<string, string> };
  return io;
}
