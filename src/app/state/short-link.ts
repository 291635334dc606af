import {
  readSharePayload,
  toSharePayload,
  WORKSPACE_VERSION,
  type ShareExtras,
  type Workspace,
} from '../../core/pipeline/index.ts';
import type { RunnerError } from '../../runner/api/client.ts';
import { createShareClient, type ShareClientOptions } from '../../runner/api/share-client.ts';
import type { OpenedLink } from './share.ts';

/** A short link, or why there is none (the full `#v1/` link is offered either way). */
export type ShortLinkOffer =
  { status: 'ok'; link: string } | { status: 'unavailable'; reason: string };

/** Where the runner is and its token, as the Run panel has them (`runner-settings`). */
export interface RunnerAddress {
  url: string;
  token: string;
}

/**
 * Stores the workspace on the runner and returns its short link `…/s/<id>`: on the page's own
 * origin when the runner is that origin (`npm start`), else on the runner's, which must then
 * serve the playground too, or the link would open nothing.
 */
export async function createShortLink(
  ws: Workspace,
  extras: ShareExtras | undefined,
  runner: RunnerAddress,
  page: string = location.href,
  fetcher?: typeof fetch,
): Promise<ShortLinkOffer> {
  const client = createShareClient(clientOptions(runner, fetcher));
  try {
    const info = await client.info();
    if (!info.servesApp)
      return unavailable(
        `the runner at ${where(runner.url)} does not serve the playground, so a short link to it would open nothing`,
      );
    const created = await client.save(WORKSPACE_VERSION, toSharePayload(ws, extras));
    const base = runner.url === '' ? page : `${runner.url}/`;
    return { status: 'ok', link: new URL(created.path, base).toString() };
  } catch (e) {
    return unavailable(reasonOf(e));
  }
}

/**
 * Reads the snapshot of a short link `/s/<id>` from the runner that served the page (a short
 * link always names its own origin), checked like a `#v1/` link's payload.
 */
export async function readShortLink(id: string, fetcher?: typeof fetch): Promise<OpenedLink> {
  const client = createShareClient(clientOptions({ url: '', token: '' }, fetcher));
  try {
    const snapshot = await client.load(id);
    const checked = readSharePayload(snapshot.version, snapshot.payload);
    if (checked.status !== 'ok') return invalid(checked.reason);
    return checked;
  } catch (e) {
    return invalid(reasonOf(e));
  }
}

function clientOptions(runner: RunnerAddress, fetcher?: typeof fetch): ShareClientOptions {
  return {
    baseUrl: runner.url,
    ...(runner.token !== '' ? { token: runner.token } : {}),
    ...(fetcher ? { fetch: fetcher } : {}),
  };
}

function reasonOf(e: unknown): string {
  const failure = (e as Partial<RunnerError> | null)?.failure;
  if (failure) return failure.message;
  return e instanceof Error ? e.message : String(e);
}

function where(url: string): string {
  return url === '' ? 'this page’s origin' : url;
}

function unavailable(reason: string): ShortLinkOffer {
  return { status: 'unavailable', reason };
}

function invalid(reason: string): OpenedLink {
  return { status: 'invalid', reason: `This short link cannot be opened: ${reason}.` };
}
