import type { CliIo } from '../../../src/cli/io.ts';

/** An in-memory CliIo over a map of files, recording what a command prints. */
export function createMemoryIo(
  files: Record<string, string>,
): CliIo & { stdout: string; stderr: string } {
  const dirs = (): Set<string> => {
    const set = new Set<string>();
    for (const path of Object.keys(files)) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) set.add(parts.slice(0, i).join('/'));
    }
    return set;
  };
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    readBytes: async (path: string) => new TextEncoder().encode(await io.readFile(path)),
    writeFile: async (path: string, text: string) => {
      files[path] = text;
    },
    readDir: async (path: string) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Set<string>();
      for (const p of [...Object.keys(files), ...dirs()]) {
        if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0] as string);
      }
      return [...names].sort();
    },
    isDirectory: async (path: string) => dirs().has(path.replace(/\/$/, '')),
    exists: async (path: string) => files[path] !== undefined || dirs().has(path),
    mkdirp: async () => {},
    cwd: '/',
  };
  return io;
}
