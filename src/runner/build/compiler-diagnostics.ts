import { posix } from 'node:path';
import { capDiagnostics, createDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import { createLineMap, type LineMap } from './line-map.ts';

/** A C file of the build: what the user wrote and what was compiled. */
export interface SourcePair {
  original: string;
  instantiated: string;
}

/**
 * Turns what gcc and ld print into diagnostics at the user's own files and lines: positions
 * in instantiated files go through a line map back to the original, paths inside the sandbox
 * (`/job/libs/app/main.c`, `libs/app/../greeter/greeter.h`) become workspace paths. A message
 * that names no user file (a driver error, an unresolved symbol without debug lines) lands at
 * the start of the file being compiled.
 */
export function createDiagnosticMapper(sources: ReadonlyMap<string, SourcePair>, root: string) {
  const maps = new Map<string, LineMap>();
  const lineMap = (file: string, pair: SourcePair): LineMap => {
    let m = maps.get(file);
    if (!m) maps.set(file, (m = createLineMap(pair.original, pair.instantiated)));
    return m;
  };

  /** A span in the user's file for 1-based `line` and byte `byteColumn` of the compiled one. */
  function locate(rawFile: string, line: number, byteColumn: number) {
    const file = workspacePath(rawFile, root);
    const pair = file === null ? undefined : sources.get(file);
    if (file === null || !pair) return null;
    const compiledLine = pair.instantiated.split('\n')[line - 1] ?? '';
    const column = utf16Column(compiledLine, byteColumn);
    const at = lineMap(file, pair).toOriginal(line, column);
    const start = offsetOf(pair.original, at.line, at.column);
    return { file, start, end: start };
  }

  return {
    /**
     * Diagnostics of one gcc run with `-fdiagnostics-format=json`: one JSON array per
     * translation unit, in the order of `files`; other lines are the driver's or the linker's.
     */
    fromGcc(stderr: string, files: readonly string[]): Diagnostic[] {
      const out: Diagnostic[] = [];
      let unit = 0;
      for (const line of stderr.split('\n')) {
        if (line.trim() === '') continue;
        const parsed = line.startsWith('[') ? parseJson(line) : undefined;
        const fallback = files[Math.min(unit, files.length - 1)] ?? files[0] ?? '';
        if (Array.isArray(parsed)) {
          for (const d of parsed) out.push(...fromJson(d, fallback));
          unit++;
        } else {
          out.push(...fromText(line, fallback));
        }
      }
      return capDiagnostics(out, 'runner/too-many-compiler-messages', 100);
    },
  };

  function fromJson(raw: unknown, fallback: string): Diagnostic[] {
    const d = raw as GccDiagnostic;
    if (d.kind !== 'error' && d.kind !== 'warning' && d.kind !== 'fatal error') return [];
    const error = d.kind !== 'warning';
    const located = [d, ...(d.children ?? [])]
      .map((x) => x.locations?.[0]?.caret)
      .map((c) => (c ? locate(c.file, c.line, c['byte-column'] ?? c.column) : null));
    const span = located.find((s) => s !== null) ?? { file: fallback, start: 0, end: 0 };
    const related = (d.children ?? []).flatMap((child, i) => {
      const s = located[i + 1];
      return s ? [{ span: s, message: child.message }] : [];
    });
    const option = d.option ? ` [${d.option}]` : '';
    return [
      createDiagnostic(
        error ? 'runner/compile-error' : 'runner/compile-warning',
        error ? 'error' : 'warning',
        `${d.message}${option}`,
        span,
        { related },
      ),
    ];
  }

  function fromText(line: string, fallback: string): Diagnostic[] {
    if (/^collect2: error: ld returned/.test(line) || /: in function [`'‘]/.test(line)) return [];
    const at = /((?:\/[^:\s]*)?libs\/[^:\s]+):(\d+):\s*(.*)$/.exec(line);
    const span = (at && locate(at[1] ?? '', Number(at[2]), 1)) ?? {
      file: fallback,
      start: 0,
      end: 0,
    };
    const message = (at ? at[3] : line.replace(/^\/usr\/bin\/ld:\s*/, '')) ?? line;
    const isError = /error|undefined reference|multiple definition|cannot|fatal/i.test(line);
    if (!isError) return [];
    const text = message.trim();
    const short = text.length > 500 ? `${text.slice(0, 500)}…` : text;
    return [createDiagnostic('runner/link-error', 'error', short, span)];
  }
}

interface GccCaret {
  file: string;
  line: number;
  column: number;
  'byte-column'?: number;
}
interface GccDiagnostic {
  kind: string;
  message: string;
  option?: string;
  locations?: { caret?: GccCaret }[];
  children?: GccDiagnostic[];
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** `libs/...` for a path under the build root as the compiler printed it, else null. */
export function workspacePath(file: string, root: string): string | null {
  const rel = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  if (rel.startsWith('/')) return null;
  const norm = posix.normalize(rel);
  return norm.startsWith('libs/') ? norm : null;
}

/** The UTF-16 column of a 1-based byte column of `line` (gcc counts UTF-8 bytes). */
function utf16Column(line: string, byteColumn: number): number {
  const bytes = Buffer.from(line, 'utf8');
  return Buffer.from(bytes.subarray(0, Math.max(0, byteColumn - 1))).toString('utf8').length + 1;
}

/** Offset of 1-based line and UTF-16 column in `text`, clamped to the line. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  return Math.min(offset + column - 1, lineEnd);
}
