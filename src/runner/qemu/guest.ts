import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The QEMU guest that runs a program with protection keys on any x86-64 host: QEMU in TCG
 * mode with `-cpu max` emulates PKU faithfully (the page fault carries the key bit), booting
 * Debian's cloud kernel (fetched by `scripts/ensure-deps.mjs` into a cache outside the
 * repository) with an initramfs holding `rt/guest-init.c` and the program.
 */

/** Where the guest's kernel is: `$FLEXOS_CACHE` or `~/.cache/flexos-playground`. */
export function guestKernel(): string | null {
  const cache = process.env['FLEXOS_CACHE'] ?? join(homedir(), '.cache', 'flexos-playground');
  const kernel = join(cache, 'guest-kernel', 'vmlinuz');
  return existsSync(kernel) ? kernel : null;
}

/** The host's TSC in kHz: the microvm machine hangs at boot about half the time without it. */
export function hostTscKhz(): number | null {
  try {
    const m = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m?.[1] ? Math.round(Number(m[1]) * 1000) : null;
  } catch {
    return null;
  }
}

/**
 * `qemu-system-x86_64` arguments booting `kernel` with `initrd`, the console on stdio or, given
 * `consoleFile`, written to that file (`console-file.ts` says why).
 */
export function qemuArgs(
  kernel: string,
  initrd: string,
  memoryMiB = 256,
  consoleFile?: string,
): string[] {
  const khz = hostTscKhz();
  const append = [
    'console=ttyS0',
    'quiet',
    'loglevel=0',
    'panic=-1',
    // The crypto self-tests cost a second of boot under TCG.
    'cryptomgr.notests',
    // Without it the kernel finds no trustworthy clock on microvm and counts time in 4 ms
    // jiffies, too coarse for a program timing itself.
    'clocksource=tsc',
    'tsc=reliable',
    ...(khz ? [`tsc_early_khz=${khz}`] : []),
  ];
  return [
    ...['-M', 'microvm', '-accel', 'tcg', '-cpu', 'max', '-m', String(memoryMiB)],
    ...['-nodefaults', '-no-user-config', '-nographic', '-no-reboot'],
    ...['-serial', consoleFile === undefined ? 'stdio' : `file:${consoleFile}`],
    ...['-kernel', kernel, '-initrd', initrd, '-append', append.join(' ')],
  ];
}

/** What the guest's console said: the program's output, the runtime's reports, how it ended. */
export interface GuestOutput {
  output: string;
  reports: string;
  exit: { code: number | null; signal: number | null } | null;
}

const CONTROL = '\u001eFLEXOS-';

/** Splits the console into the program's output and guest-init's control lines. */
export function readGuestOutput(console: string): GuestOutput {
  const text = console.replace(/\r\n/g, '\n');
  let output = '';
  let reports = '';
  let exit: GuestOutput['exit'] = null;
  let at = 0;
  for (;;) {
    const c = text.indexOf(CONTROL, at);
    if (c < 0) {
      output += text.slice(at);
      break;
    }
    // guest-init starts each control line on a line of its own (a newline before it).
    output += text.slice(at, c > at && text[c - 1] === '\n' ? c - 1 : c);
    const end = text.indexOf('\n', c);
    const line = text.slice(c + CONTROL.length, end < 0 ? text.length : end);
    if (line.startsWith('REPORT ')) reports += `${line.slice(7)}\n`;
    const m = /^EXIT (-?\d+) (\d+)$/.exec(line);
    if (m) {
      const code = Number(m[1]);
      const signal = Number(m[2]);
      exit = { code: code >= 0 ? code : null, signal: signal > 0 ? signal : null };
    }
    at = end < 0 ? text.length : end + 1;
  }
  return { output, reports, exit };
}

/**
 * `readGuestOutput` for a console that arrives in pieces: the program's output is passed on
 * as it comes, the control lines go to `onControl` (`REPORT {...}`, `EXIT c s`). Only the
 * start of a line that could still become a control line is held back, and one empty line
 * (guest-init's separator, dropped when a control line follows).
 */
export function createConsoleFilter(
  onOutput: (text: string) => void,
  onControl: (line: string) => void,
) {
  /** The current line so far, while it may still be a control line. */
  let head = '';
  /** The current line was passed on already: the rest of it is output too. */
  let passing = false;
  let control = false;
  let blank = false;
  const flushBlank = () => {
    if (blank) onOutput('\n');
    blank = false;
  };
  const push = (chunk: string) => {
    for (const part of chunk.replace(/\r/g, '').split(/(\n)/)) {
      if (part === '') continue;
      if (part === '\n') {
        if (control) onControl(head.slice(CONTROL.length));
        else if (passing) onOutput('\n');
        else if (head === '') {
          flushBlank();
          blank = true;
        } else {
          flushBlank();
          onOutput(`${head}\n`);
        }
        head = '';
        passing = control = false;
        continue;
      }
      if (passing) {
        onOutput(part);
        continue;
      }
      head += part;
      if (control) continue;
      if (head.startsWith(CONTROL)) {
        control = true;
        blank = false;
      } else if (!CONTROL.startsWith(head)) {
        flushBlank();
        onOutput(head);
        head = '';
        passing = true;
      }
    }
  };
  return {
    push,
    end(): void {
      if (control) onControl(head.slice(CONTROL.length));
      else {
        flushBlank();
        if (head !== '') onOutput(head);
      }
      head = '';
      passing = control = blank = false;
    },
  };
}
