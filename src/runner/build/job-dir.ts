import { randomBytes } from 'node:crypto';
import { chown, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

const PREFIX = 'flexos-runner-';

/**
 * The folder this runner process keeps its job directories in: `<tmp>/flexos-runner-<pid>-<r>`,
 * searchable but not listable by others (the sandbox users must reach their own job directory
 * through it). Folders left by runner processes that no longer exist are removed first.
 */
export function createJobsRoot(parent: string = tmpdir()): string {
  for (const name of readdirSync(parent)) {
    const pid = Number(/^flexos-runner-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
  const root = join(parent, `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(root, { mode: 0o711 });
  return root;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `files` (workspace-relative paths, already checked) into a new job directory and
 * hands it to the sandbox user. Every path is resolved and must stay inside the directory:
 * the check of the request is not the only guard.
 */
export async function createJobDir(
  root: string,
  id: string,
  files: Readonly<Record<string, string>>,
  user: { uid: number; gid: number } | null,
): Promise<string> {
  const dir = join(root, id);
  await mkdir(dir, { mode: 0o700 });
  try {
    for (const [path, text] of Object.entries(files)) {
      const target = resolve(dir, path);
      if (!target.startsWith(dir + sep)) throw new Error(`job file outside its directory: ${path}`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, { flag: 'wx' });
    }
    await mkdir(join(dir, 'obj'));
    if (user) await chownTree(dir, user.uid, user.gid);
    return dir;
  } catch (e) {
    await removeJobDir(dir);
    throw e;
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(p, uid, gid);
    else await chown(p, uid, gid);
  }
}

/** Removes a job directory whatever it holds; never throws. */
export async function removeJobDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}
