import { NAME_PATTERN } from '../../core/model.ts';

/** Files of a new library: a C file under `libs/<name>/` and its metadata, both stubs. */
export function newLibraryFiles(
  name: string,
): { files: Record<string, string> } | { error: string } {
  if (!NAME_PATTERN.test(name)) {
    return { error: `“${name}” is not a library name (lower case letters, digits, - and _)` };
  }
  return {
    files: {
      [`libs/${name}/${name}.c`]: `/* ${name}: calls into other libraries go through flexos_gate(libX, fn, ...). */\n`,
      [`components/${name}.flexos`]: `# what ${name} does\ncomponent ${name}\n[Memory access] Read(Own); Write(Own)\n[Call]\n[API]\n`,
    },
  };
}
