import { CliInputError, type CliIo, type CliCommand } from './io.ts';
import { createNodeIo } from './node-io.ts';

/** Commands are loaded on use: `--help` and `convert` never load the C parser's wasm. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  check: {
    summary: 'check DIR [--json]              diagnostics of a workspace directory',
    load: async () => (await import('./commands/check.ts')).checkCommand,
  },
  solve: {
    summary:
      'solve DIR [--json]              conflicts, minimum compartments, a config achieving it',
    load: async () => (await import('./commands/solve.ts')).solveCommand,
  },
  convert: {
    summary: 'convert FILE --to kraft|config  config.yaml <-> kraft.yaml',
    load: async () => (await import('./commands/convert.ts')).convertCommand,
  },
  port: {
    summary: 'port --config CFG --lib L FILE  insert gate placeholders into a library source',
    load: async () => (await import('./commands/port.ts')).portCommand,
  },
  rewrite: {
    summary:
      'rewrite ...                     instantiate placeholders for the configured mechanism',
    load: async () => (await import('./commands/rewrite.ts')).rewriteCommand,
  },
  explore: {
    summary: 'explore DIR [...]               design space, safety orders, frontier under a budget',
    load: async () => (await import('./commands/explore.ts')).exploreCommand,
  },
  run: {
    summary:
      'run DIR [--runner URL] [...]    build and run it on a runner (gcc, sandbox), streaming',
    load: async () => (await import('./commands/run.ts')).runCommand,
  },
};

function usage(io: CliIo): void {
  io.out('usage: flexos <command> [options]\n\ncommands:\n');
  for (const c of Object.values(COMMANDS)) io.out(`  ${c.summary}\n`);
}

/** Entry point of the `flexos` command; returns the exit code. */
export async function main(argv: string[], io: CliIo = createNodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`flexos: unknown command '${name}'\n`);
    usage(io);
    return 2;
  }
  try {
    return await (
      await entry.load()
    )(rest, io);
  } catch (e) {
    const problem = inputProblem(e);
    if (!problem) throw e;
    io.err(`flexos ${name}: ${problem}\n`);
    return 2;
  }
}

/**
 * A path the command could not use, as one line: `CliInputError`s, and file-system errors
 * (they name their path). Anything else is a bug and keeps its stack trace.
 */
function inputProblem(e: unknown): string | null {
  if (e instanceof CliInputError) return `${JSON.stringify(e.path)}: ${e.message}`;
  const { code, path } = e as { code?: unknown; path?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof path === 'string')
    return `${JSON.stringify(path)}: ${code}`;
  return null;
}
