import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import type { CliIo } from './io.ts';

/** The real process and file system. */
export function createNodeIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, text) => writeFile(path, text),
    readDir: async (path) => {
      try {
        return (await readdir(path)).sort();
      } catch {
        return [];
      }
    },
    isDirectory: async (path) => (await stat(path).catch(() => null))?.isDirectory() ?? false,
    exists: async (path) => (await stat(path).catch(() => null)) !== null,
    mkdirp: async (path) => void (await mkdir(path, { recursive: true })),
    cwd: process.cwd(),
  };
}
