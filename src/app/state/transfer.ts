import { zipSync, strToU8 } from 'fflate';
import { analysis } from './analysis.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { openAsNew } from './session.ts';
import { workspace } from './workspace.svelte.ts';
import { downloadBytes, fromZip, toZip } from './zip.ts';

/** Downloads the workspace as `<title>.zip`. */
export function downloadZip(): void {
  downloadBytes(toZip(workspace.snapshot(), workspace.title), `${fileStem()}.zip`);
}

/**
 * Downloads what the real FlexOS toolchain needs: kraft.yaml, the gated sources, linker
 * fragments and the gate table. A build of a configuration with errors asks first (`confirm`,
 * the browser's own dialog: it works wherever the action starts, toolbar or command list),
 * since the toolchain will likely reject it; without a usable config there is nothing to build.
 */
export async function downloadBuild(
  confirm: (question: string) => boolean = (q) => window.confirm(q),
): Promise<void> {
  try {
    const { status, files, diagnostics } = await analysis.build(workspace.snapshot());
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    if (status === 'no-config') {
      notices.push(
        'error',
        `No build without a usable image config${first ? `: ${first.message}` : ''}. See Problems.`,
      );
      return;
    }
    if (status === 'errors') {
      const question = `This configuration has ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? ` (first: ${first.message})` : ''}. The FlexOS toolchain will likely reject its build. Download it anyway?`;
      if (!confirm(question)) return;
    }
    const entries = Object.fromEntries(Object.entries(files).map(([p, t]) => [p, strToU8(t)]));
    downloadBytes(zipSync(entries, { level: 6 }), `${fileStem()}-build.zip`);
  } catch (e) {
    notices.push('error', `The build could not be made: ${errorText(e)}`);
  }
}

function fileStem(): string {
  return workspace.title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'playground';
}

/** Opens a .zip chosen by the user as a new playground; a bad file is explained. */
export async function uploadZip(file: File): Promise<void> {
  try {
    const result = fromZip(
      new Uint8Array(await file.arrayBuffer()),
      file.name.replace(/\.zip$/i, ''),
    );
    if (result.status === 'ok') openAsNew(result.workspace, result.title);
    else notices.push('error', `${file.name} cannot be opened: ${result.reason}.`);
  } catch (e) {
    notices.push('error', `${file.name} cannot be read: ${errorText(e)}`);
  }
}
