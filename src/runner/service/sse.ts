import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JobService, StoredEvent } from './job-service.ts';

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Streams the events of a job as server-sent events: each with `id:` (its number), `event:`
 * (its name) and `data:` (one line of JSON). A client reconnecting with `Last-Event-ID` (or
 * `?lastEventId=`) gets exactly the events after that one. The stream ends after `done`;
 * asked again after it, the answer is `204`, which tells an EventSource to stop reconnecting.
 */
export async function streamEvents(
  jobs: JobService,
  id: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const last = jobs.lastEventId(id);
  if (last === null)
    return reply.code(404).send({ error: { code: 'unknown-job', message: 'no such job' } });
  const header = req.headers['last-event-id'];
  const query = (req.query as { lastEventId?: unknown }).lastEventId;
  const after = Number(typeof header === 'string' ? header : (query ?? 0));
  const from = Number.isInteger(after) && after > 0 ? after : 0;
  if (jobs.isDone(id) && from >= last) return reply.code(204).send();

  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  let ended = false;
  let following: { unsubscribe: () => void; done: boolean } | null = null;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    following?.unsubscribe();
    res.end();
  };
  const write = (e: StoredEvent) => {
    if (ended) return;
    res.write(`id: ${e.id}\nevent: ${e.event.event}\ndata: ${JSON.stringify(e.event.data)}\n\n`);
    if (e.event.event === 'done') end();
  };
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.raw.on('close', end);
  following = jobs.follow(id, from, write);
  if (following?.done || ended) end();
  return reply;
}
