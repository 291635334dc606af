import type { Workspace } from '../core/workspace/workspace.ts';
import { joinPath as join } from './format.ts';
import type { CliIo } from './io.ts';

/** Top-level files a workspace directory may hold. */
const TOP_FILES = ['config.yaml', 'kraft.yaml', 'workload.yaml', 'space.yaml', 'README.md'];

/**
 * Reads a workspace directory (`config.yaml` or `kraft.yaml`, `components/*.flexos`,
 * `libs/<lib>/*.{c,h}`, `workload.yaml`, `space.yaml`) into the same plain data the browser
 * keeps, so the CLI and the app check exactly the same thing.
 */
export async function loadWorkspace(io: CliIo, dir: string): Promise<Workspace> {
  const files: Record<string, string> = {};
  for (const name of TOP_FILES) {
    const path = join(dir, name);
    if (await io.exists(path)) files[name] = await io.readFile(path);
  }
  for (const name of await io.readDir(join(dir, 'components'))) {
    if (name.endsWith('.flexos'))
      files[`components/${name}`] = await io.readFile(join(dir, `components/${name}`));
  }
  for (const lib of await io.readDir(join(dir, 'libs'))) {
    if (!(await io.isDirectory(join(dir, `libs/${lib}`)))) continue;
    for (const name of await io.readDir(join(dir, `libs/${lib}`))) {
      if (/\.[ch]$/.test(name))
        files[`libs/${lib}/${name}`] = await io.readFile(join(dir, `libs/${lib}/${name}`));
    }
  }
  return { files, settings: { panel: 'graph' } };
}
