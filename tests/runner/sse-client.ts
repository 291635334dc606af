/** Test helpers: read a job's server-sent events over HTTP. */
export interface SseEvent {
  id: number;
  event: string;
  data: unknown;
}

/**
 * Reads the whole event stream of a job (until the server ends it) from `url`, calling
 * `onEvent` with each event as it arrives.
 */
export async function readEvents(
  url: string,
  headers: Record<string, string> = {},
  onEvent?: (e: SseEvent) => void,
): Promise<{ status: number; events: SseEvent[] }> {
  const res = await fetch(url, { headers });
  if (res.status !== 200 || !res.body) return { status: res.status, events: [] };
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of res.body) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    const end = pending.lastIndexOf('\n\n');
    if (end < 0) continue;
    for (const e of parseSse(pending.slice(0, end + 2))) {
      events.push(e);
      onEvent?.(e);
    }
    pending = pending.slice(end + 2);
  }
  return { status: res.status, events };
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split('\n\n')) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line.includes(':')) continue;
      const at = line.indexOf(':');
      fields.set(line.slice(0, at), line.slice(at + 1).replace(/^ /, ''));
    }
    if (!fields.has('event')) continue;
    events.push({
      id: Number(fields.get('id')),
      event: fields.get('event') as string,
      data: JSON.parse(fields.get('data') ?? 'null') as unknown,
    });
  }
  return events;
}
