import type { Fault, JobEvent, JobResult, Phase } from '../../runner/api/schemas.ts';
import { TerminalBuffer, type Line, type Stream } from '../lib/terminal.ts';

/** How often streamed output is drawn, at most. */
const FLUSH_MS = 50;

/**
 * A program's output as the page shows it: written as it arrives into a bounded terminal
 * buffer, drawn at most every `FLUSH_MS`, so a flood of small chunks is a few renders.
 */
export class RunOutput {
  lines = $state.raw<readonly Line[]>([]);
  /** Lines written before the first of `lines`, no longer kept. */
  hidden = $state(0);
  /** Characters received, stdout and stderr together. */
  chars = $state(0);
  private readonly buffer = new TerminalBuffer();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private received = 0;

  write(stream: Stream, text: string): void {
    this.buffer.write(stream, text);
    this.received += text.length;
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lines = this.buffer.lines();
    this.hidden = this.buffer.hidden;
    this.chars = this.received;
  }
}

/** Where a job is, as the page follows it. */
export type RunState = 'sending' | 'queued' | 'running' | 'done' | 'stopped' | 'failed';

/** What was asked, for the panel to say what ran. */
export interface RunAsked {
  target: string;
  /** The mechanism asked for, or null for the image's own. */
  mechanism: string | null;
  sharing: string | null;
  args: string[];
}

/** One run of the program: what was sent, the events so far, the result. */
export class RunJob {
  state = $state<RunState>('sending');
  id = $state<string | null>(null);
  /** Jobs ahead while queued. */
  position = $state<number | null>(null);
  phase = $state<Phase | null>(null);
  result = $state.raw<JobResult | null>(null);
  /** The fault event, which may come before the result. */
  faultEvent = $state.raw<Fault | null>(null);
  error = $state<string | null>(null);
  readonly output = new RunOutput();
  readonly controller = new AbortController();

  constructor(
    /** The files exactly as sent: the result's spans are offsets into these texts. */
    readonly files: Readonly<Record<string, string>>,
    readonly asked: RunAsked,
  ) {}

  /** Still waiting for the runner. */
  get active(): boolean {
    return this.state === 'sending' || this.state === 'queued' || this.state === 'running';
  }

  get fault(): Fault | null {
    return this.result?.fault ?? this.faultEvent;
  }

  accepted(id: string): void {
    this.id = id;
    if (this.state === 'sending') this.state = 'queued';
  }

  apply(e: JobEvent): void {
    if (!this.active) return;
    switch (e.event) {
      case 'queued':
        this.state = 'queued';
        this.position = e.data.position;
        break;
      case 'phase':
        this.state = 'running';
        this.position = null;
        this.phase = e.data.phase;
        break;
      case 'stdout':
      case 'stderr':
        this.output.write(e.event, e.data.text);
        break;
      case 'fault':
        this.faultEvent = e.data;
        break;
      case 'metric':
        // Timings of the run; the result's durations are what the panel shows.
        break;
      case 'done':
        this.finish(e.data);
        break;
    }
  }

  finish(result: JobResult): void {
    if (!this.active) return;
    this.output.flush();
    this.result = result;
    this.state = 'done';
  }

  /** Stops following (the runner has no cancel: the job finishes there on its own). */
  stop(): void {
    if (!this.active) return;
    this.controller.abort();
    this.output.flush();
    this.state = 'stopped';
  }

  fail(message: string): void {
    if (!this.active) return;
    this.output.flush();
    this.error = message;
    this.state = 'failed';
  }
}
