/**
 * The runner's API from a browser (or any `fetch`): the health check, the targets, submitting
 * a job and following its server-sent events to the result. Every answer is checked against
 * its schema (`check-response.ts`) before it is used; a failure is a `RunnerError` that says
 * whether no runner answered, the runner refused (`{error: {code, message}}`), or what
 * answered was not a runner. Browser-safe: `fetch`, streams and `TextDecoder` only.
 *
 * The events are read with `fetch` rather than `EventSource`, so a token can travel in a
 * header, a refusal (`404`, `401`) is told apart from a network failure, and a stream cut
 * before `done` is resumed with `Last-Event-ID` a bounded number of times.
 */
import type { Static, TSchema } from 'typebox';
import { checkResponse } from './check-response.ts';
import {
  Health,
  JobAccepted,
  JobEventData,
  JobView,
  TargetsResponse,
  type ApiError,
  type JobEvent,
  type JobEventName,
  type JobRequest,
  type JobResult,
} from './schemas.ts';

/** Why a call failed. */
export type RunnerFailure =
  /** Nothing answered: a closed port, no network, a CORS refusal, a cut stream. */
  | { kind: 'unreachable'; message: string }
  /** The runner answered with an HTTP error (`{error: {code, message}}` when it is ours). */
  | { kind: 'http'; status: number; code: string; message: string; retryAfterS?: number }
  /** Something answered, but not with what the runner sends (a web page, bad JSON). */
  | { kind: 'invalid'; message: string };

export class RunnerError extends Error {
  constructor(readonly failure: RunnerFailure) {
    super(failure.message);
    this.name = 'RunnerError';
  }
}

export interface RunnerClientOptions {
  /** Where the runner is: `''` for the page's own origin (`/api/...`), else `http://host:port`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when the runner wants one. */
  token?: string;
  /** Stand-in for the global `fetch` (tests). */
  fetch?: typeof fetch;
  /** How often a cut event stream is resumed before giving up; 5 unless told. */
  reconnects?: number;
  /** Milliseconds to wait before the n-th resumption is `n ×` this; 400 unless told. */
  reconnectDelayMs?: number;
  /**
   * A stream silent this long is taken as cut and resumed; 45 s unless told (the runner
   * sends a comment every 15 s).
   */
  idleMs?: number;
}

export interface FollowOptions {
  signal?: AbortSignal;
  /** Every event in order, `done` included, each checked against its schema. */
  onEvent?: (event: JobEvent) => void;
  /** Resume after this event id (0: from the start). */
  lastEventId?: number;
}

export interface RunnerClient {
  readonly baseUrl: string;
  health(signal?: AbortSignal): Promise<Health>;
  targets(signal?: AbortSignal): Promise<TargetsResponse>;
  submit(request: JobRequest, signal?: AbortSignal): Promise<JobAccepted>;
  job(id: string, signal?: AbortSignal): Promise<JobView>;
  /** Follows a job's events until `done`, resuming a cut stream; resolves to the result. */
  follow(id: string, options?: FollowOptions): Promise<JobResult>;
}

/** `base` + `path`, where an empty base means the page's own origin. */
export function apiUrl(baseUrl: string, path: string): string {
  return baseUrl.trim().replace(/\/+$/, '') + path;
}

export function createRunnerClient(options: RunnerClientOptions): RunnerClient {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const reconnects = options.reconnects ?? 5;
  const delayMs = options.reconnectDelayMs ?? 400;
  const idleMs = options.idleMs ?? 45_000;
  const auth: Record<string, string> =
    options.token !== undefined && options.token !== ''
      ? { Authorization: `Bearer ${options.token}` }
      : {};

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(apiUrl(baseUrl, path), init);
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new RunnerError({
        kind: 'unreachable',
        message: `no runner answers at ${where(baseUrl)} (${errorMessage(e)})`,
      });
    }
  }

  async function json<S extends TSchema>(
    schema: S,
    path: string,
    init: RequestInit,
  ): Promise<Static<S>> {
    const res = await send(path, init);
    if (!res.ok) throw await httpError(res);
    let body: unknown;
    try {
      body = await res.json();
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new RunnerError({
        kind: 'invalid',
        message: `${where(baseUrl)} answered ${path} with something other than JSON`,
      });
    }
    const checked = checkResponse(schema, body);
    if (!checked.ok)
      throw new RunnerError({
        kind: 'invalid',
        message: `${where(baseUrl)} answered ${path} with an unexpected body:${checked.message}`,
      });
    return checked.value;
  }

  const get = <S extends TSchema>(schema: S, path: string, signal?: AbortSignal) =>
    json(schema, path, { headers: { ...auth }, ...(signal ? { signal } : {}) });

  async function follow(id: string, opts: FollowOptions = {}): Promise<JobResult> {
    const path = `/api/jobs/${encodeURIComponent(id)}`;
    let last = opts.lastEventId ?? 0;
    let failures = 0;
    for (;;) {
      // One attempt: stopped by the caller's signal, or when the stream falls silent.
      const attempt = new AbortController();
      const stop = () => attempt.abort(opts.signal?.reason);
      opts.signal?.addEventListener('abort', stop, { once: true });
      let idle: ReturnType<typeof setTimeout> | undefined;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(
          () => attempt.abort(new DOMException('the event stream fell silent', 'TimeoutError')),
          idleMs,
        );
      };
      let progressed = false;
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...auth };
        if (last > 0) headers['Last-Event-ID'] = String(last);
        touch();
        const res = await send(`${path}/events`, { headers, signal: attempt.signal });
        // 204: the job is done and every event was read; its result is in its view.
        if (res.status === 204) {
          const view = await get(JobView, path, opts.signal);
          if (view.result) return view.result;
          throw new RunnerError({
            kind: 'invalid',
            message: 'the runner ended the event stream of a job that is not done',
          });
        }
        if (!res.ok) throw await httpError(res);
        if (!res.body)
          throw new RunnerError({ kind: 'invalid', message: 'the event stream has no body' });
        const result = await readEvents(
          res.body,
          (raw) => {
            const n = Number(raw.id);
            if (Number.isInteger(n) && n > 0) last = n;
            const event = toJobEvent(raw);
            if (!event) return null;
            progressed = true;
            opts.onEvent?.(event);
            return event.event === 'done' ? event.data : null;
          },
          touch,
        );
        if (result) return result;
        // The stream ended without `done`: resumed below.
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        // A refusal or a wrong answer is final; a cut or silent stream is resumed.
        if (e instanceof RunnerError && e.failure.kind !== 'unreachable') throw e;
        if (!(e instanceof RunnerError) && !isCut(e)) throw e;
      } finally {
        clearTimeout(idle);
        opts.signal?.removeEventListener('abort', stop);
      }
      if (progressed) failures = 0;
      if (++failures > reconnects)
        throw new RunnerError({
          kind: 'unreachable',
          message: `the event stream of job ${id} was cut ${failures} times in a row`,
        });
      await sleep(delayMs * failures, opts.signal);
    }
  }

  return {
    baseUrl,
    health: (signal) => get(Health, '/api/health', signal),
    targets: (signal) => get(TargetsResponse, '/api/targets', signal),
    job: (id, signal) => get(JobView, `/api/jobs/${encodeURIComponent(id)}`, signal),
    submit: (request, signal) =>
      json(JobAccepted, '/api/jobs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify(request),
        ...(signal ? { signal } : {}),
      }),
    follow,
  };
}

/** One server-sent event as it was on the wire. */
export interface RawEvent {
  id: string;
  event: string;
  data: string;
}

/**
 * An incremental parser of `text/event-stream` (the WHATWG rules that matter here): lines end
 * in CRLF, LF or CR, even across chunks; `:` starts a comment; a blank line dispatches; data
 * lines are joined with `\n`; the id sticks until changed; an event without data is dropped.
 */
export class SseParser {
  private buffer = '';
  /** A chunk ended in CR: an LF at the start of the next one belongs to it. */
  private skipLf = false;
  private lastId = '';
  private eventName = '';
  private data: string[] = [];

  /** Feeds a chunk of decoded text; returns the events it completed. */
  push(chunk: string): RawEvent[] {
    let text = chunk;
    if (this.skipLf && text.startsWith('\n')) text = text.slice(1);
    this.skipLf = false;
    this.buffer += text;
    const out: RawEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 === this.buffer.length) this.skipLf = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
      const event = this.line(line);
      if (event) out.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  private line(line: string): RawEvent | null {
    if (line === '') {
      const data = this.data;
      const event = this.eventName || 'message';
      this.data = [];
      this.eventName = '';
      return data.length > 0 ? { id: this.lastId, event, data: data.join('\n') } : null;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.eventName = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    return null;
  }
}

/** A raw event as a checked job event; null for names this client does not know. */
export function toJobEvent(raw: RawEvent): JobEvent | null {
  if (!(raw.event in JobEventData)) return null;
  const name = raw.event as JobEventName;
  let data: unknown;
  try {
    data = JSON.parse(raw.data);
  } catch {
    throw new RunnerError({ kind: 'invalid', message: `the ${name} event is not JSON` });
  }
  const checked = checkResponse(JobEventData[name], data);
  if (!checked.ok)
    throw new RunnerError({
      kind: 'invalid',
      message: `the ${name} event is not what the runner sends:${checked.message}`,
    });
  return { event: name, data: checked.value } as JobEvent;
}

/**
 * Reads a stream of events until `take` returns a value (then stops) or the stream ends;
 * `touch` is called on every chunk, comments included.
 */
async function readEvents<T>(
  body: ReadableStream<Uint8Array>,
  take: (raw: RawEvent) => T | null,
  touch: () => void,
): Promise<T | null> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      touch();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const raw of parser.push(text)) {
        const found = take(raw);
        if (found !== null) return found;
      }
      if (done) return null;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** A refusal as a `RunnerError`: the runner's `{error: {code, message}}`, or the bare HTTP status. */
export async function httpError(res: Response): Promise<RunnerError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not ours (a proxy's page, a static server's 404): said below without a code.
  }
  const error = (body as Partial<ApiError> | null)?.error;
  const retry = Number(res.headers.get('Retry-After'));
  const ours = typeof error?.code === 'string' && typeof error.message === 'string';
  return new RunnerError({
    kind: 'http',
    status: res.status,
    code: ours ? error.code : `http-${res.status}`,
    message: ours ? error.message : `HTTP ${res.status} ${res.statusText}`.trim(),
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfterS: retry } : {}),
  });
}

function where(baseUrl: string): string {
  return baseUrl === '' ? 'this page’s origin' : baseUrl;
}

/** A stream that broke off: a network error while reading, or the silence watchdog. */
function isCut(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'TypeError' || name === 'TimeoutError' || name === 'AbortError';
}

function isAbort(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'AbortError';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
