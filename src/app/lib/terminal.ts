import { AnsiDecoder } from './ansi.ts';

/**
 * A program's stdout and stderr as lines, interleaved in the order the chunks arrived, with
 * ANSI styles decoded per stream. Only the last `maxLines` lines are kept (the rest counted),
 * and a line longer than `maxLineChars` goes on in continuation lines, so a megabyte of output
 * stays a few thousand small DOM nodes. `\r\n` ends a line; a lone `\r` starts it again.
 */

export type Stream = 'stdout' | 'stderr';

export interface Segment {
  text: string;
  stream: Stream;
  /** Inline CSS of its ANSI style; `''` when plain. */
  css: string;
}

export interface Line {
  /** Its number in the whole output, from 0. */
  n: number;
  segments: readonly Segment[];
  /** It continues the line before, which was too long to keep as one. */
  cont: boolean;
  /** Some of it came from stderr. */
  stderr: boolean;
}

export class TerminalBuffer {
  private readonly decoders: Record<Stream, AnsiDecoder> = {
    stdout: new AnsiDecoder(),
    stderr: new AnsiDecoder(),
  };
  /** Finished lines, the oldest dropped past `maxLines`. */
  private closed: Line[] = [];
  /** How many lines were finished in all. */
  private count = 0;
  private open: Segment[] = [];
  private openChars = 0;
  private openCont = false;
  /** A CR was seen: unless an LF follows, the next text starts the line again. */
  private pendingCr = false;

  constructor(
    readonly maxLines = 2000,
    readonly maxLineChars = 500,
  ) {}

  write(stream: Stream, chunk: string): void {
    for (const piece of this.decoders[stream].push(chunk)) {
      const re = /\r|\n/g;
      let start = 0;
      for (let m = re.exec(piece.text); m; m = re.exec(piece.text)) {
        this.append(stream, piece.css, piece.text.slice(start, m.index));
        if (m[0] === '\n') this.newline(false);
        else this.pendingCr = true;
        start = m.index + 1;
      }
      this.append(stream, piece.css, piece.text.slice(start));
    }
  }

  /** The lines to show: the last `maxLines`, the unfinished one included if it has text. */
  lines(): Line[] {
    const room = this.maxLines - (this.open.length > 0 ? 1 : 0);
    const shown = this.closed.slice(Math.max(0, this.closed.length - room));
    if (this.open.length > 0) {
      shown.push({
        n: this.count,
        segments: this.open.map((s) => ({ ...s })),
        cont: this.openCont,
        stderr: this.open.some((s) => s.stream === 'stderr'),
      });
    }
    return shown;
  }

  /** Lines written before the ones `lines()` returns. */
  get hidden(): number {
    const shown = Math.min(this.closed.length, this.maxLines - (this.open.length > 0 ? 1 : 0));
    return this.count - shown;
  }

  private append(stream: Stream, css: string, text: string): void {
    if (text === '') return;
    if (this.pendingCr) {
      this.pendingCr = false;
      this.open = [];
      this.openChars = 0;
    }
    let rest = text;
    while (rest !== '') {
      if (this.openChars >= this.maxLineChars) this.newline(true);
      const take = rest.slice(0, this.maxLineChars - this.openChars);
      rest = rest.slice(take.length);
      this.openChars += take.length;
      const last = this.open[this.open.length - 1];
      if (last && last.stream === stream && last.css === css) last.text += take;
      else this.open.push({ text: take, stream, css });
    }
  }

  /** Ends the open line; `cont`: the next one continues it. */
  private newline(cont: boolean): void {
    this.pendingCr = false;
    this.closed.push({
      n: this.count++,
      segments: this.open,
      cont: this.openCont,
      stderr: this.open.some((s) => s.stream === 'stderr'),
    });
    this.open = [];
    this.openChars = 0;
    this.openCont = cont;
    // Dropped in batches, not one shift per line.
    if (this.closed.length > this.maxLines + 512)
      this.closed.splice(0, this.closed.length - this.maxLines);
  }
}
