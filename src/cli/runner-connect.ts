import { createRunnerClient, type RunnerClient } from '../runner/api/client.ts';
import type { CliIo } from './io.ts';
import { loadRunner } from './load-runner.ts';
import { fetchWithCause } from './runner-fetch.ts';

/** A runner client for a command, and how to stop the runner it started, if it did. */
export interface RunnerConnection {
  client: RunnerClient;
  url: string;
  close(): Promise<void>;
}

/**
 * The runner at `runner` (a URL), or one started in this process when none is named
 * (`flexos run`, `flexos explore --labels runner`), with the browser's client: the same
 * schemas checked, the same resumption of a cut stream.
 */
export async function connectRunner(
  io: CliIo,
  options: { runner?: string | undefined; token?: string | undefined; quiet?: boolean },
): Promise<RunnerConnection> {
  let local: { url: string; close(): Promise<void> } | null = null;
  let url = options.runner;
  if (url === undefined) {
    if (!options.quiet) io.err('[starting a runner in this process]\n');
    local = await (await loadRunner()).startRunner({ host: '127.0.0.1', port: 0 });
    url = local.url;
  }
  const client = createRunnerClient({
    baseUrl: url,
    fetch: fetchWithCause,
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
  return { client, url, close: async () => await local?.close() };
}
