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
 * fragments and the gate table. Refused, with the reason, while the workspace has errors.
 */
export async function downloadBuild(): Promise<void> {
  try {
    const { status, files, diagnostics } = await analysis.build(workspace.snapshot());
    if (status !== 'ok') {
      const first = diagnostics.find((d) => d.severity === 'error');
      notices.push(
        'error',
        `No build while the workspace has errors${first ? `: ${first.message}` : ''}. See Problems.`,
      );
      return;
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
