/**
 * Golden directories for the rewriter (CONTRIBUTING.md, "Golden files"). Each `tests/golden/<case>/`
 * holds `input.c`, `case.json` ({lib, sharing?, mechanisms?, compiles?, port?}) and
 * optionally `config.yaml` (else `tests/golden/config.yaml`); outputs are compiled with
 * `-I tests/golden/include` (stand-ins for the Unikraft and FlexOS headers that cases taken
 * from real FlexOS sources include). Expected outputs are
 * `out/<mechanism>-<sharing>.c` (or `out/port.c`, `out/port-fixed.c` for port cases) and
 * `diagnostics.json`. Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden`;
 * `GOLDEN=<case>` runs one case.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MECHANISMS,
  SHARING_MODES,
  type Mechanism,
  type SharingMode,
} from '../../src/core/model.ts';
import { parseCDocument } from '../../src/core/rewrite/parse-c.ts';
import { instantiate } from '../../src/core/rewrite/instantiate/instantiate.ts';
import { port } from '../../src/core/rewrite/port/port.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import {
  HAS_GCC,
  ROOT,
  gccSyntaxErrors,
  getParser,
  readConfig,
  withMechanism,
} from '../unit/rewrite/support.ts';

const DIR = join(ROOT, 'tests/golden');
const INCLUDE = [join(DIR, 'include')];
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ONLY = process.env.GOLDEN;

interface CaseSpec {
  lib: string;
  description?: string;
  /** Where the input comes from, for cases taken from real FlexOS sources. */
  source?: string;
  mechanisms?: Mechanism[];
  sharing?: SharingMode[];
  /** `false` for inputs that are not valid C on purpose (parse errors). */
  compiles?: boolean;
  /** Port case: which functions belong to which library. */
  port?: { owners: Record<string, string> };
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(DIR, d.name, 'case.json')))
  .map((d) => d.name)
  .filter((name) => !ONLY || name === ONLY)
  .sort();

function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Compares with the stored file, or writes it under UPDATE_GOLDEN=1. */
function golden(path: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(join(path, '..'), { recursive: true });
    if (read(path) !== actual) writeFileSync(path, actual);
    return;
  }
  const expected = read(path);
  expect(
    expected,
    `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden`,
  ).toBeDefined();
  expect(actual, path).toBe(expected);
}

function compact(text: string, diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    line: text.slice(0, d.span.start).split('\n').length,
    start: d.span.start,
    end: d.span.end,
    ...(d.fixes
      ? {
          fixes: d.fixes.map((f) =>
            f.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
          ),
        }
      : {}),
  }));
}

/** Variants with the same diagnostics share one entry, keyed by their names joined with spaces. */
function groupVariants(byVariant: ReadonlyMap<string, string>): Record<string, unknown> {
  const groups = new Map<string, string[]>();
  for (const [variant, json] of byVariant) groups.set(json, [...(groups.get(json) ?? []), variant]);
  const out: Record<string, unknown> = {};
  for (const [json, variants] of groups) out[variants.join(' ')] = JSON.parse(json);
  return out;
}

function hasErrorNodes(text: string, parser: Awaited<ReturnType<typeof getParser>>): boolean {
  const doc = parseCDocument(parser, 'out.c', text);
  try {
    return doc.tree.rootNode.hasError;
  } finally {
    doc.tree.delete();
  }
}

describe.each(cases)('golden %s', (name) => {
  const caseDir = join(DIR, name);
  const spec = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as CaseSpec;
  const input = readFileSync(join(caseDir, 'input.c'), 'utf8');
  const configText =
    read(join(caseDir, 'config.yaml')) ?? readFileSync(join(DIR, 'config.yaml'), 'utf8');
  const config = readConfig(configText);
  const outputs = new Map<string, string>();

  if (spec.port) {
    const owners = spec.port.owners;
    it('ports as expected, and porting again changes nothing', async () => {
      const parser = await getParser();
      const options = { lib: spec.lib, owners: new Map(Object.entries(owners)) };
      const plain = port(parser, 'input.c', input, options);
      const fixed = port(parser, 'input.c', input, { ...options, applyFixes: true });
      golden(join(caseDir, 'out/port.c'), plain.text);
      golden(join(caseDir, 'out/port-fixed.c'), fixed.text);
      golden(
        join(caseDir, 'diagnostics.json'),
        `${JSON.stringify({ port: compact(input, plain.diagnostics) }, null, 2)}\n`,
      );
      expect(port(parser, 'input.c', plain.text, options).text).toBe(plain.text);
      expect(port(parser, 'input.c', fixed.text, { ...options, applyFixes: true }).text).toBe(
        fixed.text,
      );
      expect(hasErrorNodes(fixed.text, parser)).toBe(false);
      outputs.set('port-fixed', fixed.text);
      for (const m of MECHANISMS) {
        const r = instantiate(parser, 'input.c', fixed.text, {
          lib: spec.lib,
          config: withMechanism(config, m),
        });
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        outputs.set(`port-${m}`, r.text);
      }
    });
  } else {
    it('instantiates as expected for every mechanism and sharing mode', async () => {
      const parser = await getParser();
      const byVariant = new Map<string, string>();
      for (const m of spec.mechanisms ?? MECHANISMS) {
        for (const s of spec.sharing ?? SHARING_MODES) {
          const variant = `${m}-${s}`;
          const r = instantiate(parser, 'input.c', input, {
            lib: spec.lib,
            config: withMechanism(config, m),
            sharing: s,
          });
          golden(join(caseDir, `out/${variant}.c`), r.text);
          if (r.diagnostics.length > 0)
            byVariant.set(variant, JSON.stringify(compact(input, r.diagnostics)));
          outputs.set(variant, r.text);
          if (spec.compiles !== false) {
            expect(hasErrorNodes(r.text, parser), `${variant} re-parses without errors`).toBe(
              false,
            );
          }
          const again = instantiate(parser, 'input.c', r.text, {
            lib: spec.lib,
            config: withMechanism(config, m),
            sharing: s,
          });
          expect(again.text, `${variant} instantiated twice`).toBe(r.text);
        }
      }
      golden(
        join(caseDir, 'diagnostics.json'),
        `${JSON.stringify(groupVariants(byVariant), null, 2)}\n`,
      );
    });
  }

  if (spec.compiles === false) {
    // Cases of broken input: what the rewriter leaves (a misused or leftover placeholder, a
    // syntax error) must be refused by the compiler, never turned into code that builds.
    it.skipIf(!HAS_GCC)('no output compiles (the input is broken on purpose)', () => {
      expect(outputs.size).toBeGreaterThan(0);
      for (const [variant, text] of outputs) {
        expect(
          gccSyntaxErrors(text, `${name}-${variant}.c`, INCLUDE),
          `${name}/${variant}`,
        ).not.toBe('');
      }
    });
  } else {
    it.skipIf(!HAS_GCC)('every output passes gcc -fsyntax-only', () => {
      expect(outputs.size).toBeGreaterThan(0);
      for (const [variant, text] of outputs) {
        if (variant === 'port-fixed') continue;
        expect(gccSyntaxErrors(text, `${name}-${variant}.c`, INCLUDE), `${name}/${variant}`).toBe(
          '',
        );
      }
    });
  }
});

if (!HAS_GCC) {
  it.skip('gcc is not installed: golden outputs are not compiled (install gcc to run this check)', () => {});
  console.warn('[golden] gcc not found: skipping gcc -fsyntax-only checks');
}
