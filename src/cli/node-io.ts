import { constants } from 'node:fs';
import {
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliInputError, MAX_INPUT_BYTES, type CliIo } from './io.ts';

/** Why a file-system call failed, in words, for the one line `main` prints. */
function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'is a directory, not a file',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'file name too long',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
  };
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}

async function readRegular(path: string): Promise<string> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: unknown) => {
    throw new CliInputError(path, reason(e));
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new CliInputError(path, 'is a directory, not a file');
    if (!info.isFile()) throw new CliInputError(path, 'is not a regular file');
    if (info.size > MAX_INPUT_BYTES)
      throw new CliInputError(path, `is larger than ${MAX_INPUT_BYTES} bytes`);
    // Read at most the limit plus one byte, whatever the size said (a file may grow).
    const buffer = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_INPUT_BYTES)
        throw new CliInputError(path, `is larger than ${MAX_INPUT_BYTES} bytes`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function writeTree(out: string, files: Record<string, string>): Promise<void> {
  if (out === '') throw new CliInputError(out, 'an empty output directory name');
  const target = resolve(out);
  const existing = await lstat(target).catch(() => null);
  if (existing && !existing.isDirectory())
    throw new CliInputError(
      out,
      existing.isSymbolicLink()
        ? 'is a symbolic link; give a directory'
        : 'exists and is not a directory',
    );
  await mkdir(dirname(target), { recursive: true }).catch((e: unknown) => {
    throw new CliInputError(out, reason(e));
  });
  const fresh = await mkdtemp(join(dirname(target), `.${basename(target)}.new-`)).catch(
    (e: unknown) => {
      throw new CliInputError(out, reason(e));
    },
  );
  try {
    for (const [path, text] of Object.entries(files)) {
      const file = resolve(fresh, path);
      if (!file.startsWith(fresh + sep)) throw new CliInputError(path, 'lies outside the output');
      await mkdir(dirname(file), { recursive: true });
      // 'wx': the directory is new, so every file is created here, never reached through a link.
      await writeFile(file, text, { flag: 'wx' });
    }
    if (existing) {
      const old = `${fresh}.old`;
      await rename(target, old);
      await rename(fresh, target);
      await rm(old, { recursive: true, force: true });
    } else await rename(fresh, target);
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e instanceof CliInputError ? e : new CliInputError(out, reason(e));
  }
}

/** `path` with links resolved, through its nearest existing ancestor when it does not exist. */
async function realpathOfNearest(path: string): Promise<string> {
  let p = resolve(path);
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(p).catch(() => null);
    if (real !== null) return join(real, ...rest.reverse());
    const up = dirname(p);
    if (up === p) return resolve(path);
    rest.push(basename(p));
    p = up;
  }
}

/**
 * `flexos check ws | head -1`: when the reader goes away, stop quietly as other Unix tools do
 * instead of dying on an unhandled EPIPE.
 */
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  // Added even when a listener exists already (tsx adds one): only EPIPE is handled here.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
}

let pipeWatched = false;

/** The real process and file system. */
export function createNodeIo(): CliIo {
  quietOnClosedPipe();
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readFile: readRegular,
    readDir: async (path) => {
      try {
        return (await readdir(path)).sort();
      } catch {
        return [];
      }
    },
    kind: async (path) => {
      const info = await stat(path).catch(() => null);
      if (!info) return 'missing';
      return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
    },
    isWithin: async (path, dir) => {
      const [p, d] = await Promise.all([realpathOfNearest(path), realpath(dir).catch(() => null)]);
      if (d === null) return false;
      const rel = relative(d, p);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    },
    writeTree,
    cwd: process.cwd(),
  };
}
