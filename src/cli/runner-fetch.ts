/**
 * `fetch` for the runner client (src/runner/api/client.ts) in Node: a failed connection says
 * why. Node's fetch rejects with a bare "fetch failed" and keeps the reason in `cause`; the
 * client puts the error's message into "no runner answers at URL (...)", so the message is
 * replaced by the cause in words. Still a TypeError, so the client treats it as a cut
 * connection; an abort passes through untouched.
 */
export const fetchWithCause: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (e) {
    if ((e as { name?: unknown }).name === 'AbortError') throw e;
    throw new TypeError(connectionProblem(e), { cause: e });
  }
};

const WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
};

function connectionProblem(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code !== undefined) return WORDS[cause.code] ?? cause.code;
  // fetch never connects to the ports of the Fetch standard's "bad ports" list (1, 25, ...).
  if (cause?.message === 'bad port') return 'fetch refuses to connect to this port';
  return cause?.message ?? (e instanceof Error ? e.message : String(e));
}
