import { errorText, notices } from './notices.svelte.ts';
import { runnerSettings } from './runner-settings.svelte.ts';
import { createShareLink } from './share.ts';
import { collectShareExtras } from './share-extras.ts';
import type { ShortLinkOffer } from './short-link.ts';
import { workspace } from './workspace.svelte.ts';

/**
 * The Share popup: the full `#v1/` link, made in the page and always there, and a short link
 * asked of the runner (the Run panel's), when one answers. The short one is copied when there
 * is one, else the full one.
 */
class ShareUi {
  /** The full link; null while the popup is closed. */
  link = $state<string | null>(null);
  /** The short link or why there is none; null while the runner is being asked. */
  short = $state<ShortLinkOffer | null>(null);
  /** Which link is on the clipboard. */
  copied = $state<'short' | 'full' | null>(null);
  busy = $state(false);
  /** Each share supersedes the previous one's late answer. */
  private round = 0;

  /** Makes both links of the whole workspace and copies the best one the browser allows. */
  async share(): Promise<void> {
    const round = ++this.round;
    this.busy = true;
    this.short = null;
    this.copied = null;
    try {
      const ws = workspace.snapshot();
      const extras = collectShareExtras();
      const link = await createShareLink(ws, extras);
      if (round !== this.round) return;
      this.link = link;
      const { createShortLink } = await import('./short-link.ts');
      const short = await createShortLink(ws, extras, {
        url: runnerSettings.url,
        token: runnerSettings.token,
      });
      if (round !== this.round || this.link === null) return;
      this.short = short;
      await this.copy(short.status === 'ok' ? 'short' : 'full');
    } catch (e) {
      notices.push('error', `Could not make a share link: ${errorText(e)}`);
    } finally {
      if (round === this.round) this.busy = false;
    }
  }

  /** Copies one of the links; without clipboard permission it stays shown, ready to copy. */
  async copy(which: 'short' | 'full'): Promise<void> {
    const text = which === 'short' && this.short?.status === 'ok' ? this.short.link : this.link;
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      this.copied = which;
    } catch {
      this.copied = null;
    }
  }

  close(): void {
    this.round++;
    this.link = null;
    this.short = null;
    this.busy = false;
  }
}

export const shareUi = new ShareUi();
