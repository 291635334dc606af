import { Value } from 'typebox/value';
import { isValidPath } from '../../core/pipeline/index.ts';
import { JobRequest, type RunnerLimits } from './schemas.ts';

/** Why a request was refused: a stable code, a message, and the HTTP status it maps to. */
export interface RequestProblem {
  code: 'bad-request' | 'bad-path' | 'too-many-files' | 'too-large';
  message: string;
  httpStatus: 400 | 413;
}

export type RequestCheck =
  { ok: true; request: JobRequest } | { ok: false; problem: RequestProblem };

/**
 * Checks a job request against its schema and the request limits; never throws. File names
 * must be workspace paths (relative, no `.` or `..` segments, no NUL or other control
 * characters: `isValidPath` of the pipeline, the same rule share links and zip files pass).
 */
export function checkJobRequest(body: unknown, limits: RunnerLimits['request']): RequestCheck {
  if (!Value.Check(JobRequest, body)) {
    const first = Value.Errors(JobRequest, body)[0];
    const where = first?.instancePath ? ` at ${first.instancePath}` : '';
    return fail(
      'bad-request',
      `the job does not match its schema${where}: ${first?.message ?? ''}`,
    );
  }
  const paths = Object.keys(body.files);
  if (paths.length > limits.files)
    return fail('too-many-files', `${paths.length} files; at most ${limits.files}`);
  let total = 0;
  for (const path of paths) {
    if (path.length > limits.pathChars || !isValidPath(path))
      return fail('bad-path', `bad file name ${JSON.stringify(path.slice(0, 100))}`);
    const size = (body.files[path] as string).length;
    if (size > limits.fileChars) return fail('too-large', `${path} is too large`, 413);
    total += size;
  }
  if (total > limits.totalChars) return fail('too-large', 'the workspace is too large', 413);
  const args = body.args ?? [];
  if (args.length > limits.args) return fail('bad-request', `more than ${limits.args} arguments`);
  if (args.some((a) => a.length > limits.argChars || a.includes('\0')))
    return fail('bad-request', `an argument is longer than ${limits.argChars} or holds NUL`);
  if ((body.stdin ?? '').length > limits.stdinChars)
    return fail('too-large', 'stdin is too large', 413);
  return { ok: true, request: body };
}

function fail(code: RequestProblem['code'], message: string, httpStatus: 400 | 413 = 400) {
  return { ok: false as const, problem: { code, message, httpStatus } };
}
