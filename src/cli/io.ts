/**
 * What a CLI command may touch, handed in so commands are testable without a process:
 * output streams and the file system (Node's in `main.ts`, in-memory in tests).
 */
export interface CliIo {
  /** Writes to standard output (text is written as is; add '\n' yourself). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  readFile(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  /** Entries of a directory (names only); [] when it does not exist. */
  readDir(path: string): Promise<string[]>;
  isDirectory(path: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  mkdirp(path: string): Promise<void>;
  /** Current working directory, for resolving relative paths. */
  cwd: string;
}

/** A command: parses its own arguments, returns the process exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;
