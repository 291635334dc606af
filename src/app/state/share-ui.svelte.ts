import { errorText, notices } from './notices.svelte.ts';
import { createShareLink } from './share.ts';
import { workspace } from './workspace.svelte.ts';

/** The last share link made, for the Share popup (and the command list). */
class ShareUi {
  link = $state<string | null>(null);
  copied = $state(false);
  busy = $state(false);

  /** Makes a link of the whole workspace and copies it when the browser allows. */
  async share(): Promise<void> {
    this.busy = true;
    try {
      const link = await createShareLink(workspace.snapshot());
      try {
        await navigator.clipboard.writeText(link);
        this.copied = true;
      } catch {
        // Without clipboard permission the link is shown selected, ready to copy by hand.
        this.copied = false;
      }
      this.link = link;
    } catch (e) {
      notices.push('error', `Could not make a share link: ${errorText(e)}`);
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.link = null;
  }
}

export const shareUi = new ShareUi();
