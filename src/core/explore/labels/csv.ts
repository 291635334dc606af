import { capDiagnostics, createDiagnostic, type Diagnostic, type Span } from '../../diagnostics.ts';
import { configurationFromId, formatId, type IdError } from '../space/ids.ts';
import type { Space } from '../space/space.ts';

/** One CSV field with where it is (UTF-16 offsets of the raw field, quotes included). */
export interface CsvField {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits CSV text (RFC 4180: `"` quotes, `""` inside quotes, CRLF or LF) into rows of fields.
 * Blank lines are skipped. Never throws: an unclosed quote runs to the end of the text.
 */
export function parseCsv(text: string): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = text.length;
          break;
        }
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between a closing quote and the next separator is kept, as spreadsheets do.
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
        value += text[i++];
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    row.push({ text: value, start, end: i });
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (!(row.length === 1 && row[0]?.text.trim() === '')) rows.push(row);
    row = [];
    if (i >= text.length) return rows;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i >= text.length) return rows;
  }
}

/** A label read from a CSV file. */
export interface CsvLabel {
  value: number;
  span: Span;
}

/** Most problems listed for one labels file (as for YAML files); the rest are summed up in one. */
export const MAX_CSV_PROBLEMS = 200;

/**
 * Reads performance labels: a header with `config` and `value` columns (any position, any
 * case; other columns ignored), then one row per configuration. Ids may list blocks and names
 * in any order; they are stored under their canonical form. Codes: `labels/missing-column`
 * (error), `labels/bad-id`, `labels/not-in-space`, `labels/bad-value`, `labels/duplicate`
 * (warnings: the row is skipped); past `MAX_CSV_PROBLEMS` of them, one
 * `labels/too-many-problems` (warning) at the first left out says how many more there are.
 * Linear in the file: ids are read once per distinct text, duplicates found in a map.
 */
export function parseLabelsCsv(
  text: string,
  file: string,
  space: Space,
): { labels: Map<string, CsvLabel>; diagnostics: Diagnostic[] } {
  const labels = new Map<string, CsvLabel>();
  const diagnostics: Diagnostic[] = [];
  const span = (f: { start: number; end: number }): Span => ({ file, start: f.start, end: f.end });
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((f) => f.text.trim().toLowerCase());
  const ci = names.indexOf('config');
  const vi = names.indexOf('value');
  if (ci < 0 || vi < 0) {
    const at = header?.[0] ?? { start: 0, end: 0 };
    diagnostics.push(
      createDiagnostic(
        'labels/missing-column',
        'error',
        'The first line must name the columns, with `config` and `value` among them.',
        span(at),
      ),
    );
    return { labels, diagnostics };
  }
  // A file of measurements repeats ids: each distinct text is read once.
  const ids = new Map<string, string | IdError>();
  const canonical = (text: string): string | IdError => {
    let r = ids.get(text);
    if (r === undefined) {
      const cfg = configurationFromId(space, text);
      ids.set(text, (r = 'blocks' in cfg ? formatId(space, cfg) : cfg));
    }
    return r;
  };
  for (const row of rows) {
    const idField = row[ci];
    const valueField = row[vi];
    if (!idField || !valueField) {
      const at = row[0] ?? { start: 0, end: 0 };
      diagnostics.push(
        createDiagnostic(
          'labels/bad-value',
          'warning',
          'This row has no config or no value.',
          span(at),
        ),
      );
      continue;
    }
    const id = canonical(idField.text);
    if (typeof id !== 'string') {
      diagnostics.push(createDiagnostic(id.code, 'warning', id.message, span(idField)));
      continue;
    }
    const raw = valueField.text.trim();
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) {
      diagnostics.push(
        createDiagnostic(
          'labels/bad-value',
          'warning',
          `'${raw}' is not a number.`,
          span(valueField),
        ),
      );
      continue;
    }
    if (labels.has(id)) {
      diagnostics.push(
        createDiagnostic(
          'labels/duplicate',
          'warning',
          `${id} is labelled twice; the first value is kept.`,
          span(idField),
        ),
      );
      continue;
    }
    labels.set(id, { value, span: span(idField) });
  }
  return {
    labels,
    diagnostics: capDiagnostics(diagnostics, 'labels/too-many-problems', MAX_CSV_PROBLEMS),
  };
}
