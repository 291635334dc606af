/** Parsed command line: positional arguments and `--flag` / `--key value` / `--key=value`. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits arguments; `valued` names the options that take a value. An unknown option is
 * reported, not ignored, so a typo never silently changes what a command does.
 */
export function parseArgs(
  args: string[],
  spec: { valued: string[]; boolean: string[] },
): { parsed: ParsedArgs; error?: string } {
  const parsed: ParsedArgs = { positional: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) return { parsed, error: `option --${name} needs a value` };
      parsed.flags.set(name, value);
    } else if (spec.boolean.includes(name) && eq < 0) {
      parsed.flags.set(name, true);
    } else {
      return { parsed, error: `unknown option --${name}` };
    }
  }
  return { parsed };
}

export function flagValue(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
