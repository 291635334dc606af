/**
 * Measurements a program reports about itself: a line `FLEXOS-METRIC name=value [unit]` on
 * stdout becomes a `metric` event (the line stays in the output too). Names are
 * `[A-Za-z][A-Za-z0-9_.-]*`, values decimal numbers; anything else is ordinary output.
 */
export interface Metric {
  name: string;
  value: number;
  unit: string;
}

const LINE =
  /^FLEXOS-METRIC ([A-Za-z][\w.-]{0,63})=([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?: +(\S{1,16}))?\s*$/;
/** A longer line is not a metric; its start is dropped from the buffer, not kept growing. */
const MAX_LINE = 256;

/** Reads metrics from output that arrives in pieces (a line may span chunks). */
export function createMetricScanner(onMetric: (m: Metric) => void) {
  let partial = '';
  let skipping = false;
  const line = (text: string) => {
    const m = LINE.exec(text);
    const value = m ? Number(m[2]) : NaN;
    if (m?.[1] && Number.isFinite(value)) onMetric({ name: m[1], value, unit: m[3] ?? '' });
  };
  return {
    push(chunk: string): void {
      let at = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', at)) {
        if (!skipping) line(partial + chunk.slice(at, nl));
        partial = '';
        skipping = false;
        at = nl + 1;
      }
      if (skipping) return;
      partial += chunk.slice(at);
      if (partial.length > MAX_LINE) {
        partial = '';
        skipping = true;
      }
    },
    /** The last line, when the output did not end with a newline. */
    end(): void {
      if (!skipping && partial !== '') line(partial);
      partial = '';
    },
  };
}
