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
      [`libs/${name}/${name}.c`]: [
        `/* ${name}: calls into other libraries go through flexos_gate(libX, fn, ...). */`,
        '',
        `int ${name.replace(/-/g, '_')}_init(void)`,
        '{',
        '\treturn 0;',
        '}',
        '',
      ].join('\n'),
      [`components/${name}.flexos`]: [
        `# ${name}: what it does, what it touches, whom it calls`,
        `component ${name}`,
        '[Memory access] Read(Own); Write(Own)',
        '# what it calls in other libraries, e.g. libc::malloc (empty: nothing)',
        '[Call]',
        `[API] ${name.replace(/-/g, '_')}_init(...)`,
        '',
      ].join('\n'),
    },
  };
}
