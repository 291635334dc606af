import { open, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Headers of every file of the app. COOP + COEP make the page cross-origin isolated
 * (`crossOriginIsolated` true, so SharedArrayBuffer and precise timers are there); CORP and
 * nosniff keep other sites from embedding our files or a browser from guessing their types.
 */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

/** Content types by extension: what a Vite build emits, and a little more. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.zip': 'application/zip',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A built app, checked once at start: its folder with links resolved. */
export interface StaticApp {
  root: string;
}

/**
 * Checks that `dir` holds a built app (an `index.html`), so a runner started before
 * `vite build` says so at once instead of answering every page with 404.
 */
export async function prepareStaticApp(dir: string): Promise<StaticApp> {
  const root = await realpath(dir).catch(() => null);
  const index = root === null ? null : await stat(join(root, 'index.html')).catch(() => null);
  if (root === null || !index?.isFile())
    throw new Error(`${dir} holds no built app (no index.html): run npx vite build first`);
  return { root };
}

/**
 * The segments of a request's path, each percent-decoded, or null for a path this server never
 * serves: malformed encoding, and any segment that would leave the folder or reach a hidden
 * file once decoded (`..`, `%2e%2e`, `.env`, an encoded `/` or `\`, NUL). Checking after
 * decoding is what makes `/%2e%2e/etc/passwd` as harmless as `/../etc/passwd`. `/` and empty
 * segments drop out, so `/` is `[]`.
 */
export function requestSegments(url: string): string[] | null {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * Serves the built app at `/` next to the API (`GET`/`HEAD` only, `index.html` for `/`), with
 * the headers `vite preview` would need for cross-origin isolation. No directory listing; a
 * path that resolves outside the folder (through a link too) is not served. `/api/...` paths
 * the API does not know keep the API's JSON 404. A page path without an extension that is no
 * file (`/some/page`) gets `index.html`, as `vite preview` does for a single-page app, and a
 * short link `/s/<id>` always does.
 */
export function registerStaticApp(app: FastifyInstance, site: StaticApp): void {
  const serve = async (req: FastifyRequest, reply: FastifyReply) => {
    const segments = requestSegments(req.url);
    if (segments?.[0] === 'api') return reply.callNotFound();
    if (segments === null) return notFound(reply);
    // A short link opens the app, which reads its id from the path and fetches the snapshot.
    const shortLink = segments.length === 2 && segments[0] === 's';
    const file = segments.length === 0 || shortLink ? 'index.html' : join(...segments);
    if (await sendFile(req, reply, site, file)) return reply;
    const last = segments.at(-1) ?? '';
    const wantsPage = /\btext\/html\b/.test(req.headers.accept ?? '');
    if (wantsPage && !last.includes('.') && (await sendFile(req, reply, site, 'index.html')))
      return reply;
    return notFound(reply);
  };
  app.route({ method: ['GET', 'HEAD'], url: '/*', handler: serve });
  app.route({ method: ['GET', 'HEAD'], url: '/', handler: serve });
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).headers(APP_HEADERS).type('text/plain; charset=utf-8').send('not found\n');
}

/**
 * Sends `file` (relative to the app's folder) when it is a regular file inside the folder once
 * links are resolved; false otherwise. The file is opened once and that handle is what is
 * checked and streamed, so it cannot be swapped between the check and the read.
 */
async function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  site: StaticApp,
  file: string,
): Promise<boolean> {
  const real = await realpath(join(site.root, file)).catch(() => null);
  if (real === null || !real.startsWith(site.root + sep)) return false;
  const handle = await open(real, 'r').catch(() => null);
  if (handle === null) return false;
  const info = await handle.stat().catch(() => null);
  if (!info?.isFile()) {
    await handle.close();
    return false;
  }
  // Vite names everything under assets/ by its content hash: a name never changes content.
  const immutable = file.startsWith(`assets${sep}`);
  const modified = info.mtime.toUTCString();
  // `no-cache` pages are asked for again with If-Modified-Since: unchanged, they cost a 304.
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  const unchanged = Number.isFinite(since) && Date.parse(modified) <= since;
  reply
    .code(unchanged ? 304 : 200)
    .headers(APP_HEADERS)
    .header('Content-Type', contentType(real))
    .header('Last-Modified', modified)
    .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (!unchanged) reply.header('Content-Length', String(info.size));
  if (req.method === 'HEAD' || unchanged) {
    await handle.close();
    void reply.send();
  } else {
    void reply.send(handle.createReadStream());
  }
  return true;
}
