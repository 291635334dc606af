/**
 * What a CLI command may touch, handed in so commands are testable without a process:
 * output streams and the file system (Node's in `node-io.ts`, in-memory in tests).
 */
export interface CliIo {
  /** Writes to standard output (text is written as is; add '\n' yourself). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /**
   * The text of a regular file of at most `MAX_INPUT_BYTES` (links followed). Anything else, a
   * directory, a device, a dangling or looping link, a file too large, rejects with a
   * `CliInputError` naming the path; `main` prints it as one line and exits 2.
   */
  readFile(path: string): Promise<string>;
  /** Entries of a directory (names only, sorted); [] when it does not exist. */
  readDir(path: string): Promise<string[]>;
  /** What `path` is, links followed: `missing` for nothing there or a broken link. */
  kind(path: string): Promise<'file' | 'directory' | 'other' | 'missing'>;
  /**
   * True when `path` is directory `dir` or lies inside it, links resolved on both sides (for a
   * path that does not exist yet, through its nearest existing ancestor).
   */
  isWithin(path: string, dir: string): Promise<boolean>;
  /**
   * Writes `files` (relative paths) as the whole content of directory `out`: into a fresh
   * directory beside it, renamed into place, so nothing of an earlier export stays, no link
   * already in `out` is followed, and a failure leaves `out` as it was. Rejects with a
   * `CliInputError` when `out` exists and is not a directory (a file, a link, /dev/null).
   */
  writeTree(out: string, files: Record<string, string>): Promise<void>;
  /** Current working directory, for resolving relative paths. */
  cwd: string;
}

/** A command: parses its own arguments, returns the process exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Largest file the CLI reads: a workspace file as the browser takes it (WORKSPACE_LIMITS). */
export const MAX_INPUT_BYTES = 4_000_000;

/** A path the CLI cannot use, with why: printed as `flexos: PATH: why`, exit status 2. */
export class CliInputError extends Error {
  readonly path: string;
  constructor(path: string, why: string) {
    super(why);
    this.name = 'CliInputError';
    this.path = path;
  }
}

export async function isDirectory(io: CliIo, path: string): Promise<boolean> {
  return (await io.kind(path)) === 'directory';
}

export async function exists(io: CliIo, path: string): Promise<boolean> {
  return (await io.kind(path)) !== 'missing';
}
