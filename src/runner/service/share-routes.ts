import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { shortLinkPath } from '../../core/pipeline/index.ts';
import type { ShareCreated } from '../api/share-schemas.ts';
import type { ShareProblem, ShareService } from './share-service.ts';

/** Room for the request's own JSON around a payload at the size limit. */
const BODY_SLACK_BYTES = 64 * 1024;

/**
 * `/api/share`: what the store allows (`GET`), keeping a snapshot (`POST`, behind the token
 * like jobs), reading one back (`GET /api/share/:id`, open to anyone with the link). Refusals
 * are `{error: {code, message}}` like every API error, with messages the app shows as they are.
 */
export function registerShareRoutes(
  app: FastifyInstance,
  share: ShareService,
  authorized: (req: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  const { limits } = share.info();

  app.get('/api/share', async () => share.info());

  app.post(
    '/api/share',
    // Twice the limit: escapes and spacing of the request's JSON are not the stored bytes, and
    // a refusal from the service says how large the workspace is, which a 413 here cannot.
    { bodyLimit: 2 * limits.snapshotBytes + BODY_SLACK_BYTES },
    async (req, reply) => {
      if (!authorized(req, reply)) return reply;
      const saved = share.save(req.body, req.ip);
      if (!saved.ok) return problem(reply, saved.problem);
      const path = shortLinkPath(saved.id);
      const body: ShareCreated = {
        id: saved.id,
        path,
        url: `${req.protocol}://${req.host}${path}`,
        created: saved.created,
      };
      return reply.code(saved.created ? 201 : 200).send(body);
    },
  );

  app.get('/api/share/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const loaded = share.load(id);
    if (!loaded.ok) return problem(reply.header('Cache-Control', 'no-store'), loaded.problem);
    // The stored bytes go out as they are, not parsed and written again: the round trip keeps
    // every byte. An id names its content for good, so it may be cached for good.
    return reply
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(`{"id":${JSON.stringify(id)},"version":${loaded.version},"payload":${loaded.payload}}`);
  });
}

function problem(reply: FastifyReply, p: ShareProblem): FastifyReply {
  if (p.retryAfterS !== undefined) reply.header('Retry-After', String(p.retryAfterS));
  return reply.code(p.httpStatus).send({ error: { code: p.code, message: p.message } });
}
