import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/**
 * Follows the guest's console file as QEMU writes it. The console goes to a file, not a pipe:
 * QEMU's serial port gives up on a character after a few tries when its output blocks, so a
 * runner slow to read a pipe (a busy host) would lose bytes of the program's output.
 */
export interface ConsoleFile {
  /** Reads what is left and stops; `truncated` when more than `limitBytes` were written. */
  stop(): Promise<{ truncated: boolean }>;
}

export function followConsoleFile(
  path: string,
  limitBytes: number,
  onText: (text: string) => void,
  everyMs = 40,
): ConsoleFile {
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(64 * 1024);
  let at = 0;
  let truncated = false;
  let reading: Promise<void> = Promise.resolve();
  const readMore = async (): Promise<void> => {
    const file = await open(path, 'r').catch(() => null);
    if (file === null) return; // not created yet
    try {
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) return;
        const keep = Math.max(0, Math.min(bytesRead, limitBytes - at));
        if (keep < bytesRead) truncated = true;
        at += bytesRead;
        const text = keep > 0 ? decoder.write(buffer.subarray(0, keep)) : '';
        if (text !== '') onText(text);
        if (keep < bytesRead) return;
      }
    } finally {
      await file.close();
    }
  };
  const timer = setInterval(() => {
    reading = reading.then(readMore);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await (reading = reading.then(readMore));
      const rest = decoder.end();
      if (rest !== '') onText(rest);
      return { truncated };
    },
  };
}
