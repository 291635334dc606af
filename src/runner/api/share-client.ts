/**
 * Short links from a browser (or any `fetch`): what the runner's store allows, storing a
 * snapshot, reading one back. Answers are checked against their schemas; failures are
 * `RunnerError`s like the job client's, so a closed port, a refusal with the runner's message
 * (`too-large`, `rate-limited`, `unknown-id`) and a server that is no runner are told apart.
 * Browser-safe.
 */
import type { Static, TSchema } from 'typebox';
import { checkResponse } from './check-response.ts';
import { apiUrl, httpError, RunnerError } from './client.ts';
import { ShareCreated, ShareInfo, Snapshot } from './share-schemas.ts';

export interface ShareClientOptions {
  /** `''` for the page's own origin, else `http://host:port`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when storing (reading needs none). */
  token?: string;
  /** Stand-in for the global `fetch` (tests). */
  fetch?: typeof fetch;
  /** Milliseconds before a call that got no answer counts as no runner; 8 s unless told. */
  timeoutMs?: number;
}

export function createShareClient(options: ShareClientOptions) {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 8000;
  const where = baseUrl === '' ? 'this page’s origin' : baseUrl;

  async function call<S extends TSchema>(
    schema: S,
    path: string,
    init: RequestInit = {},
  ): Promise<Static<S>> {
    let res: Response;
    try {
      res = await doFetch(apiUrl(baseUrl, path), {
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const why =
        (e as { name?: string }).name === 'TimeoutError' ? 'no answer in time' : String(e);
      throw new RunnerError({
        kind: 'unreachable',
        message: `no runner answers at ${where} (${why})`,
      });
    }
    if (!res.ok) throw await httpError(res);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new RunnerError({
        kind: 'invalid',
        message: `no runner answers at ${where} (${path} is not JSON there)`,
      });
    }
    const checked = checkResponse(schema, body);
    if (!checked.ok)
      throw new RunnerError({
        kind: 'invalid',
        message: `${where} answered ${path} with an unexpected body:${checked.message}`,
      });
    return checked.value;
  }

  return {
    baseUrl,
    info: () => call(ShareInfo, '/api/share'),
    /** Stores `payload` (the share payload's JSON text, sent as is) of format `version`. */
    save: (version: number, payload: string) =>
      call(ShareCreated, '/api/share', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        body: `{"version":${version},"payload":${payload}}`,
      }),
    load: (id: string) => call(Snapshot, `/api/share/${encodeURIComponent(id)}`),
  };
}

export type ShareClient = ReturnType<typeof createShareClient>;
