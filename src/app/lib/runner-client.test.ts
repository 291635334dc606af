import { describe, expect, it } from 'vitest';
import {
  createRunnerClient,
  RunnerError,
  SseParser,
  type RawEvent,
} from '../../runner/api/client.ts';
import type { JobEvent, JobResult } from '../../runner/api/schemas.ts';

const RESULT: JobResult = {
  status: 'ok',
  target: 'native',
  mechanism: 'fcalls',
  exitCode: 0,
  signal: null,
  durations: { check: 1, run: 2 },
  truncated: false,
  diagnostics: [],
};

const sse = (id: number, event: string, data: unknown) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function streamOf(chunks: string[], cut = false): ReadableStream<Uint8Array> {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  return new ReadableStream({
    pull(controller) {
      const next = bytes.shift();
      if (next) controller.enqueue(next);
      else if (cut) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
}

describe('SseParser', () => {
  it('parses events split anywhere, with CRLF, CR and comments', () => {
    const text =
      ': ping\r\nid: 1\r\nevent: stdout\r\ndata: {"text":"a"}\r\n\r\nid: 2\revent: done\rdata: x\rdata: y\r\r';
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new SseParser();
      const got: RawEvent[] = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(got, `cut at ${cut}`).toEqual([
        { id: '1', event: 'stdout', data: '{"text":"a"}' },
        { id: '2', event: 'done', data: 'x\ny' },
      ]);
    }
  });
});

describe('createRunnerClient', () => {
  it('follows events to the result and resumes a cut stream with Last-Event-ID', async () => {
    const asked: (string | null)[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      expect(String(input)).toBe('http://runner:8787/api/jobs/j1/events');
      const last = new Headers(init?.headers).get('Last-Event-ID');
      asked.push(last);
      if (last === null)
        return new Response(
          streamOf([sse(1, 'queued', { position: 0 }), sse(2, 'stdout', { text: 'hi\n' })], true),
          { status: 200 },
        );
      return new Response(
        streamOf([sse(3, 'metric', { name: 'x', value: 1, unit: 'ms' }), sse(4, 'done', RESULT)]),
      );
    };
    const client = createRunnerClient({
      baseUrl: 'http://runner:8787/',
      fetch,
      reconnectDelayMs: 1,
    });
    const events: JobEvent['event'][] = [];
    const result = await client.follow('j1', { onEvent: (e) => events.push(e.event) });
    expect(result).toEqual(RESULT);
    expect(asked).toEqual([null, '2']);
    expect(events).toEqual(['queued', 'stdout', 'metric', 'done']);
  });

  it('resumes a stream that falls silent, and stops when asked', async () => {
    let calls = 0;
    const silent = (signal: AbortSignal | null | undefined) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(sse(1, 'queued', { position: 0 })));
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      calls++;
      if (calls === 1) return new Response(silent(init?.signal));
      expect(new Headers(init?.headers).get('Last-Event-ID')).toBe('1');
      return new Response(streamOf([sse(2, 'done', RESULT)]));
    };
    const client = createRunnerClient({ baseUrl: '', fetch, idleMs: 50, reconnectDelayMs: 1 });
    await expect(client.follow('j')).resolves.toEqual(RESULT);
    expect(calls).toBe(2);

    const stopper = new AbortController();
    const never = createRunnerClient({
      baseUrl: '',
      fetch: async (_input, init) => new Response(silent(init?.signal)),
    });
    const following = never.follow('j', { signal: stopper.signal });
    stopper.abort();
    await expect(following).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('takes the result from the job view when the stream answers 204', async () => {
    const fetch: typeof globalThis.fetch = async (input) =>
      String(input).endsWith('/events')
        ? new Response(null, { status: 204 })
        : Response.json({ id: 'j', state: 'done', result: RESULT });
    const client = createRunnerClient({ baseUrl: '', fetch });
    await expect(client.follow('j')).resolves.toEqual(RESULT);
  });

  it('tells no runner, a refusal and a wrong answer apart', async () => {
    const down = createRunnerClient({
      baseUrl: '',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(down.health()).rejects.toMatchObject({ failure: { kind: 'unreachable' } });

    const busy = createRunnerClient({
      baseUrl: '',
      fetch: async () =>
        Response.json(
          { error: { code: 'rate-limited', message: 'too many jobs' } },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
    });
    const refused = await busy
      .submit({ files: {}, target: 'native' })
      .catch((e: unknown) => e as RunnerError);
    expect(refused).toBeInstanceOf(RunnerError);
    expect((refused as RunnerError).failure).toEqual({
      kind: 'http',
      status: 429,
      code: 'rate-limited',
      message: 'too many jobs',
      retryAfterS: 7,
    });

    const page = createRunnerClient({
      baseUrl: '',
      fetch: async () => new Response('<!doctype html>', { status: 200 }),
    });
    await expect(page.health()).rejects.toMatchObject({ failure: { kind: 'invalid' } });
    const wrong = createRunnerClient({
      baseUrl: '',
      fetch: async () => Response.json({ status: 'meh' }),
    });
    await expect(wrong.health()).rejects.toMatchObject({ failure: { kind: 'invalid' } });
  });
});
