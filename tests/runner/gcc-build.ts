/**
 * A build compiled and linked the way the runner does it (build/compile.ts), with the host's
 * gcc and without the sandbox: for tests of the runtime itself (layout, protection keys).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkspaceBuild } from '../../src/core/pipeline/index.ts';
import {
  compiledLibraries,
  RUNTIME_SOURCES,
  runtimeDefines,
} from '../../src/runner/build/compile.ts';
import { linkerScript, objectOf, placeLibraries } from '../../src/runner/build/linker-script.ts';
import { root } from './native-helpers.ts';

const rt = join(root, 'src/runner/rt');

/** Writes `build` into `dir`, compiles each library, links `dir/prog`; returns its path. */
export function gccBuild(build: WorkspaceBuild, dir: string, options: { static?: boolean } = {}) {
  const artefacts = build.artefacts;
  if (!artefacts) throw new Error(JSON.stringify(build.diagnostics.slice(0, 3)));
  for (const s of build.sources) {
    mkdirSync(dirname(join(dir, s.path)), { recursive: true });
    writeFileSync(join(dir, s.path), s.text);
  }
  mkdirSync(join(dir, 'obj'));
  const defines = runtimeDefines(build);
  const libs = compiledLibraries(build);
  for (const lib of libs) {
    const sources = build.sources
      .filter((s) => s.lib === lib && s.path.endsWith('.c'))
      .map((s) => s.path);
    execFileSync(
      'gcc',
      [
        ...['-std=gnu11', '-O1', '-g', '-fno-pie', '-fno-common', `-I${rt}`],
        ...['-include', 'flexos/isolation.h', ...defines, '-r', '-nostdlib'],
        ...['-o', objectOf(lib), ...sources],
      ],
      { cwd: dir },
    );
  }
  writeFileSync(join(dir, 'layout.ld'), linkerScript(artefacts, placeLibraries(artefacts, libs)));
  execFileSync(
    'gcc',
    [
      ...(options.static ? ['-static'] : []),
      ...['-no-pie', '-O1', '-g', `-I${rt}`, ...defines, '-Wl,--wrap=main', '-o', 'prog'],
      ...RUNTIME_SOURCES.map((s) => join(rt, s)),
      ...libs.map(objectOf),
      ...['-T', 'layout.ld'],
    ],
    { cwd: dir },
  );
  return join(dir, 'prog');
}
