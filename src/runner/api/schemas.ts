/**
 * The runner's wire format: every request and response body and every server-sent event, as
 * runtime schemas (TypeBox, plain JSON Schema underneath) with their static types. The server
 * checks what it receives and the browser client what it gets back, with the same schemas
 * (`check-request.ts`, `check-value.ts`). Browser-safe: no Node imports here.
 */
import { Type, type Static } from 'typebox';
import { MECHANISMS, SHARING_MODES } from '../../core/model.ts';

const Mechanism = Type.Enum(MECHANISMS);
const SharingMode = Type.Enum(SHARING_MODES);

/** `POST /api/jobs`: a workspace to build and run. */
export const JobRequest = Type.Object(
  {
    /** Workspace path → text, exactly as the browser keeps the workspace. */
    files: Type.Record(Type.String(), Type.String()),
    /** A target id from `GET /api/targets`. */
    target: Type.String({ minLength: 1, maxLength: 64 }),
    /** Build with this mechanism instead of the image's (every compartment switched). */
    mechanism: Type.Optional(Mechanism),
    /** Build with this sharing mode instead of the image's. */
    sharing: Type.Optional(SharingMode),
    /** Command-line arguments of the program (argv[1..]). */
    args: Type.Optional(Type.Array(Type.String())),
    /** Standard input of the program. */
    stdin: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type JobRequest = Static<typeof JobRequest>;

/** `202` answer to `POST /api/jobs`. */
export const JobAccepted = Type.Object({ id: Type.String() });
export type JobAccepted = Static<typeof JobAccepted>;

/** Every HTTP error (4xx, 5xx): a stable code and a message for people. */
export const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});
export type ApiError = Static<typeof ApiError>;

const Span = Type.Object({ file: Type.String(), start: Type.Integer(), end: Type.Integer() });
const Edit = Type.Object({
  file: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
});

/** A core `Diagnostic` (src/core/diagnostics.ts) as it travels. */
export const WireDiagnostic = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  message: Type.String(),
  span: Span,
  fixes: Type.Optional(Type.Array(Type.Object({ title: Type.String(), edits: Type.Array(Edit) }))),
  related: Type.Optional(Type.Array(Type.Object({ span: Span, message: Type.String() }))),
});
export type WireDiagnostic = Static<typeof WireDiagnostic>;

export const PHASES = ['check', 'rewrite', 'compile', 'run'] as const;
export const Phase = Type.Enum(PHASES);
export type Phase = Static<typeof Phase>;

export const JOB_STATUSES = [
  'ok',
  'config-error',
  'compile-error',
  'runtime-error',
  'fault',
  'timeout',
  'killed',
] as const;
export const JobStatus = Type.Enum(JOB_STATUSES);
/**
 * How a job ended. `ok`: the program exited 0; `runtime-error`: it exited otherwise or died of
 * a signal; `fault`: a separation fault; `timeout`: it ran past its wall-clock or CPU limit;
 * `killed`: the runner stopped it (shutdown, or it exceeded a limit other than time).
 */
export type JobStatus = Static<typeof JobStatus>;

/** A separation fault in source terms: who touched what, of whom. */
export const Fault = Type.Object({
  compartment: Type.Integer(),
  library: Type.String(),
  address: Type.String(),
  ownerCompartment: Type.Integer(),
  ownerLibrary: Type.String(),
  access: Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('execute')]),
  /** The global or static variable the address lies in, from the program's symbols. */
  variable: Type.Optional(Type.String()),
  /**
   * For a fault on a stack: the local whose address crosses a gate without being shared,
   * found by the same analysis as the editor's (exactly one such local in the owner's
   * files), with the whitelist fix to apply.
   */
  suspect: Type.Optional(
    Type.Object({
      variable: Type.String(),
      file: Type.String(),
      line: Type.Integer(),
      fix: Type.Optional(Type.Object({ title: Type.String(), edits: Type.Array(Edit) })),
    }),
  ),
  /**
   * For a fault in a heap (MPK): the block the address hits or runs past: its size as asked
   * for, the offset of the address from its start (at or past `size`: past its end), whether
   * it was freed, and where it was allocated (the user's line, when debug information says).
   */
  block: Type.Optional(
    Type.Object({
      size: Type.Integer(),
      offset: Type.Integer(),
      freed: Type.Boolean(),
      allocated: Type.Optional(
        Type.Object({ file: Type.String(), line: Type.Integer(), function: Type.String() }),
      ),
    }),
  ),
  /** Where the faulting instruction is, in the user's own file (debug information). */
  source: Type.Optional(
    Type.Object({ file: Type.String(), line: Type.Integer(), function: Type.String() }),
  ),
  /** `text`: code, hit by a call or jump that skipped its gate (an execute fault). */
  region: Type.Union([
    Type.Literal('text'),
    Type.Literal('data'),
    Type.Literal('bss'),
    Type.Literal('heap'),
    Type.Literal('stack'),
  ]),
});
export type Fault = Static<typeof Fault>;

/** The outcome of a job: `GET /api/jobs/:id` once done, and the `done` event. */
export const JobResult = Type.Object({
  status: JobStatus,
  target: Type.String(),
  /** The mechanism the program was built with; null when the check failed before. */
  mechanism: Type.Union([Mechanism, Type.Null()]),
  /** Exit status of the program; null when it did not run or died of a signal. */
  exitCode: Type.Union([Type.Integer(), Type.Null()]),
  /** The signal that ended the program (`SIGSEGV`), if one did. */
  signal: Type.Union([Type.String(), Type.Null()]),
  /** Milliseconds spent in each phase that ran. */
  durations: Type.Object({
    check: Type.Optional(Type.Number()),
    rewrite: Type.Optional(Type.Number()),
    compile: Type.Optional(Type.Number()),
    run: Type.Optional(Type.Number()),
  }),
  /** Output went past the cap; what followed was dropped. */
  truncated: Type.Boolean(),
  /** Problems of the workspace, and compiler errors at the user's own files and lines. */
  diagnostics: Type.Array(WireDiagnostic),
  fault: Type.Optional(Fault),
  /** One line for people when the status needs explaining ("wall-clock limit of 10 s"). */
  reason: Type.Optional(Type.String()),
});
export type JobResult = Static<typeof JobResult>;

/** `GET /api/jobs/:id`. */
export const JobView = Type.Object({
  id: Type.String(),
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')]),
  /** Jobs ahead of this one while queued. */
  position: Type.Optional(Type.Integer()),
  result: Type.Union([JobResult, Type.Null()]),
});
export type JobView = Static<typeof JobView>;

/** The data of each server-sent event, by event name (`event:` line). */
export const JobEventData = {
  queued: Type.Object({ position: Type.Integer() }),
  phase: Type.Object({ phase: Phase }),
  stdout: Type.Object({ text: Type.String() }),
  stderr: Type.Object({ text: Type.String() }),
  fault: Fault,
  metric: Type.Object({ name: Type.String(), value: Type.Number(), unit: Type.String() }),
  done: JobResult,
} as const;
export type JobEventName = keyof typeof JobEventData;
export type JobEvent = {
  [K in JobEventName]: { event: K; data: Static<(typeof JobEventData)[K]> };
}[JobEventName];

/** Limits of one sandboxed process. */
export const ProcessLimits = Type.Object({
  /** CPU seconds (RLIMIT_CPU). */
  cpuSeconds: Type.Integer(),
  /** Wall-clock milliseconds before the whole process group is killed. */
  wallMs: Type.Integer(),
  /** Address space in bytes (RLIMIT_AS). */
  memoryBytes: Type.Integer(),
  /** Processes and threads of the sandbox user (RLIMIT_NPROC). */
  processes: Type.Integer(),
  /** Largest file it may write, in bytes (RLIMIT_FSIZE). */
  fileSizeBytes: Type.Integer(),
  /** Open files (RLIMIT_NOFILE). */
  openFiles: Type.Integer(),
  /** Size of its private /tmp, in bytes. */
  tmpBytes: Type.Integer(),
});
export type ProcessLimits = Static<typeof ProcessLimits>;

/** Every limit in force, as `GET /api/targets` reports it. */
export const RunnerLimits = Type.Object({
  /** Milliseconds the check and the rewrite of one job may take (in a worker thread). */
  prepareMs: Type.Integer(),
  compile: ProcessLimits,
  run: ProcessLimits,
  /** Bytes of stdout and stderr kept per job; past it the result says `truncated`. */
  outputBytes: Type.Integer(),
  request: Type.Object({
    bodyBytes: Type.Integer(),
    files: Type.Integer(),
    fileChars: Type.Integer(),
    totalChars: Type.Integer(),
    pathChars: Type.Integer(),
    args: Type.Integer(),
    argChars: Type.Integer(),
    stdinChars: Type.Integer(),
  }),
  queue: Type.Object({ concurrency: Type.Integer(), maxQueued: Type.Integer() }),
  rate: Type.Object({ jobsPerMinute: Type.Integer(), burst: Type.Integer() }),
});
export type RunnerLimits = Static<typeof RunnerLimits>;

/** What one target can do on this host, per mechanism. */
export const TargetDescription = Type.Object({
  id: Type.String(),
  label: Type.String(),
  /** False when the host lacks what the target needs at all (no gcc, no bubblewrap). */
  available: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  mechanisms: Type.Array(
    Type.Object({
      mechanism: Mechanism,
      /** The target builds and runs this mechanism, with the separation its label says. */
      enforced: Type.Boolean(),
      /** How it is enforced ("function calls: nothing is separated"). */
      label: Type.String(),
      /** Why not, when not enforced ("this CPU has no protection keys"). */
      reason: Type.Optional(Type.String()),
    }),
  ),
});
export type TargetDescription = Static<typeof TargetDescription>;

/** `GET /api/targets`. */
export const TargetsResponse = Type.Object({
  targets: Type.Array(TargetDescription),
  limits: RunnerLimits,
});
export type TargetsResponse = Static<typeof TargetsResponse>;

/** `GET /api/health`. */
export const Health = Type.Object({
  status: Type.Literal('ok'),
  running: Type.Integer(),
  queued: Type.Integer(),
});
export type Health = Static<typeof Health>;
