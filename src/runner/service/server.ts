import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type {
  ApiError,
  Health,
  RunnerLimits,
  TargetDescription,
  TargetsResponse,
} from '../api/schemas.ts';
import { checkJobRequest } from '../api/check-request.ts';
import type { Target } from '../targets/target.ts';
import { createJobService, type JobService, type JobServiceOptions } from './job-service.ts';
import { registerShareRoutes } from './share-routes.ts';
import type { ShareService } from './share-service.ts';
import { streamEvents } from './sse.ts';

export interface RunnerServerOptions {
  targets: Target[];
  limits: RunnerLimits;
  /** An origin allowed to call the API from a page (CORS), e.g. `https://class.example`. */
  allowOrigin?: string;
  /** When set, every job route needs `Authorization: Bearer <token>` (or `?token=` for SSE). */
  token?: string;
  /** Log requests (the standalone runner does; tests do not). */
  logger?: boolean;
  /** Passed to the job service (keeping of finished jobs, the bug hook). */
  jobs?: Omit<JobServiceOptions, 'targets' | 'limits'>;
  /** Short links (`/api/share`); without it, those routes are not there. */
  share?: ShareService;
  /**
   * Adds routes after the API's: the built app's files (`static-app.ts`) for `npm start`. The
   * API's own routes always win over what this adds.
   */
  extraRoutes?: (app: FastifyInstance) => void;
}

export interface RunnerServer {
  app: FastifyInstance;
  jobs: JobService;
  /** What each target can do here, as `GET /api/targets` reports it. */
  targets: TargetDescription[];
  /** Stops the jobs, then the server; every job directory is removed before it resolves. */
  close(): Promise<void>;
}

/**
 * The runner's HTTP API (docs/architecture.md, "The runner"). A failing program is a `200`
 * with a status; only problems of the request or of the runner are HTTP errors, each
 * `{error: {code, message}}`.
 */
export function createRunnerServer(options: RunnerServerOptions): RunnerServer {
  const { limits } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.request.bodyBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Streams still open when the runner stops are cut, not waited for.
    forceCloseConnections: true,
  });
  const jobs = createJobService({ ...options.jobs, targets: options.targets, limits });

  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (options.allowOrigin !== undefined && origin === options.allowOrigin) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      reply
        .header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
        .header('Access-Control-Allow-Headers', 'Content-Type, Authorization, Last-Event-ID')
        .header('Access-Control-Max-Age', '600')
        .code(204)
        .send();
      return reply;
    }
    return undefined;
  });

  app.setErrorHandler(
    (error: { statusCode?: number; code?: string; message: string }, _req, reply) => {
      const status =
        error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
      const code =
        status === 413
          ? 'too-large'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported-media-type'
            : status === 400
              ? 'bad-json'
              : status >= 500
                ? 'internal'
                : 'bad-request';
      const message = status >= 500 ? 'the runner failed on this request' : error.message;
      if (status >= 500) app.log.error(error);
      void reply.code(status).send(apiError(code, message));
    },
  );
  app.setNotFoundHandler((_req, reply) => {
    void reply.code(404).send(apiError('not-found', 'no such route'));
  });

  const authorized = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (options.token === undefined) return true;
    const query = req.query as { token?: unknown };
    const given = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? query.token;
    if (given === options.token) return true;
    void reply.code(401).send(apiError('unauthorized', 'a valid token is required'));
    return false;
  };

  app.get('/api/health', async (): Promise<Health> => ({ status: 'ok', ...jobs.health() }));

  app.get('/api/targets', async (): Promise<TargetsResponse> => ({
    targets: options.targets.map((t) => t.describe()),
    limits,
  }));

  app.post('/api/jobs', async (req, reply) => {
    if (!authorized(req, reply)) return reply;
    const checked = checkJobRequest(req.body, limits.request);
    if (!checked.ok) {
      const { code, message, httpStatus } = checked.problem;
      return reply.code(httpStatus).send(apiError(code, message));
    }
    // Per address, token or not: a class shares one token.
    const submitted = jobs.submit(checked.request, req.ip);
    if (!submitted.ok) {
      const r = submitted.refusal;
      if (r.retryAfterS !== undefined) reply.header('Retry-After', String(r.retryAfterS));
      return reply.code(r.httpStatus).send(apiError(r.code, r.message));
    }
    return reply
      .code(202)
      .header('Location', `/api/jobs/${submitted.id}`)
      .send({ id: submitted.id });
  });

  app.get('/api/jobs/:id', async (req, reply) => {
    if (!authorized(req, reply)) return reply;
    const view = jobs.view((req.params as { id: string }).id);
    if (!view) return reply.code(404).send(apiError('unknown-job', 'no such job'));
    return view;
  });

  app.get('/api/jobs/:id/events', async (req, reply) => {
    if (!authorized(req, reply)) return reply;
    return streamEvents(jobs, (req.params as { id: string }).id, req, reply);
  });

  if (options.share) registerShareRoutes(app, options.share, authorized);

  options.extraRoutes?.(app);

  return {
    app,
    jobs,
    targets: options.targets.map((t) => t.describe()),
    async close() {
      await jobs.close();
      await app.close();
    },
  };
}

function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}
