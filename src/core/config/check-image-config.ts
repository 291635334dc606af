import { createDiagnostic, type Diagnostic, type Fix, type Span } from '../diagnostics.ts';
import { NAME_PATTERN } from '../model.ts';
import { mechanismOf, type ImageConfig } from './image-config.ts';
import type { ImageSource } from './image-source.ts';
import { nearestNames, spellMechanism } from '../names/index.ts';

/**
 * The rules of one image (docs/formats.md, "config.yaml: one image"), independent of the file
 * format: names, duplicates, exactly one default compartment, one mechanism, every compartment
 * used, libraries placed in declared compartments, aliases naming listed libraries.
 * `source` (from a parser) gives exact spans and the edits of fixes; without it, spans come
 * from the config's own `span` fields or the start of `file`.
 */
export function checkImageConfig(
  config: ImageConfig,
  source?: ImageSource,
  file = source?.file ?? 'config.yaml',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const origin: Span = source?.compartmentsKey ?? { file, start: 0, end: 0 };
  const compSpan = (i: number): Span =>
    source?.compartments[i]?.name ?? config.compartments[i]?.span ?? origin;
  const libSpan = (i: number): Span =>
    source?.libraries[i]?.name ?? config.libraries[i]?.span ?? origin;
  const add = (
    code: string,
    message: string,
    span: Span,
    fixes: Fix[] = [],
    warn = false,
  ): void => {
    out.push(createDiagnostic(code, warn ? 'warning' : 'error', message, span, { fixes }));
  };
  const checkName = (name: string, span: Span, what: string): void => {
    if (!NAME_PATTERN.test(name)) {
      add('config/bad-name', `${what} '${name}' must match [a-z][a-z0-9_-]*.`, span);
    }
  };

  // A missing name is the parser's `config/missing-key`, not a bad one.
  if (!source || source.name) checkName(config.name, source?.name ?? origin, 'Image name');

  const firstComp = new Map<string, number>();
  config.compartments.forEach((c, i) => {
    checkName(c.name, compSpan(i), 'Compartment name');
    if (firstComp.has(c.name)) {
      add(
        'config/duplicate-compartment',
        `Compartment '${c.name}' is declared twice.`,
        compSpan(i),
      );
    } else firstComp.set(c.name, i);
  });

  checkDefaults(config, source, origin, add);
  checkMechanisms(config, source, origin, add);

  const firstLib = new Map<string, number>();
  config.libraries.forEach((l, i) => {
    checkName(l.name, libSpan(i), 'Library name');
    if (firstLib.has(l.name)) {
      const remove = source?.libraries[i]?.remove;
      const fixes = remove
        ? [{ title: `Remove the second entry of ${l.name}`, edits: remove }]
        : [];
      add('config/duplicate-library', `Library '${l.name}' is listed twice.`, libSpan(i), fixes);
      return;
    }
    firstLib.set(l.name, i);
    if (!firstComp.has(l.compartment)) {
      const valueSpan = source?.libraries[i]?.compartment;
      const span = valueSpan ?? libSpan(i);
      const names = valueSpan
        ? nearestNames(l.compartment, [...firstComp.keys()], { limit: 3, closeOnly: false })
        : [];
      const fixes = names.map((n) => ({
        title: `Place ${l.name} in ${n}`,
        edits: [{ file: span.file, start: span.start, end: span.end, text: n }],
      }));
      add(
        'config/unknown-compartment',
        `Compartment '${l.compartment}' is not declared.`,
        span,
        fixes,
      );
    }
  });

  checkUnused(config, source, firstComp, compSpan, add);

  for (const [alias, target] of Object.entries(config.aliases)) {
    const spans = source?.aliases[alias];
    checkName(alias, spans?.key ?? origin, 'Alias');
    if (!firstLib.has(target)) {
      const message = `Alias '${alias}' names '${target}', which is not listed under libraries; its gates go to the default compartment.`;
      add('config/alias-unknown-library', message, spans?.value ?? origin, [], true);
    }
  }
  return out;
}

type Add = (code: string, message: string, span: Span, fixes?: Fix[], warn?: boolean) => void;

function checkDefaults(
  config: ImageConfig,
  source: ImageSource | undefined,
  origin: Span,
  add: Add,
): void {
  const defaults = config.compartments.flatMap((c, i) => (c.default ? [i] : []));
  if (defaults.length === 0 && config.compartments.length > 0) {
    const first = config.compartments[0];
    const edits = source?.compartments[0]?.addDefault;
    const fixes =
      first && edits ? [{ title: `Make ${first.name} the default compartment`, edits }] : [];
    add('config/no-default', 'No compartment is marked `default: true`.', origin, fixes);
  }
  for (const i of defaults.slice(1)) {
    const s = source?.compartments[i];
    const name = config.compartments[i]?.name ?? '';
    const fixes = s?.removeDefault
      ? [{ title: `Remove default from ${name}`, edits: s.removeDefault }]
      : [];
    const message = `Compartment '${name}' is a second default compartment; there must be exactly one.`;
    add('config/multiple-defaults', message, s?.defaultPair ?? s?.name ?? origin, fixes);
  }
}

function checkMechanisms(
  config: ImageConfig,
  source: ImageSource | undefined,
  origin: Span,
  add: Add,
): void {
  const known = config.compartments.filter((_, i) => !source || source.compartments[i]?.mechanism);
  if (known.length === 0) return;
  const image = mechanismOf(config);
  config.compartments.forEach((c, i) => {
    const span = source ? source.compartments[i]?.mechanism : (c.span ?? origin);
    if (!span || c.mechanism === image) return;
    const text = spellMechanism(image, source?.format);
    const fixes = source
      ? [
          {
            title: `Use ${text}`,
            edits: [{ file: span.file, start: span.start, end: span.end, text }],
          },
        ]
      : [];
    const message = `Compartment '${c.name}' uses ${c.mechanism} but the image uses ${image}; FlexOS supports one mechanism per image.`;
    add('config/mixed-mechanisms', message, span, fixes);
  });
  const names = new Set(config.compartments.map((c) => c.name));
  if (
    known.length === config.compartments.length &&
    names.size > 1 &&
    known.every((c) => c.mechanism === 'fcalls')
  ) {
    const message = 'All compartments use fcalls: nothing separates them.';
    add('config/fcalls-no-isolation', message, origin, [], true);
  }
}

function checkUnused(
  config: ImageConfig,
  source: ImageSource | undefined,
  firstComp: Map<string, number>,
  compSpan: (i: number) => Span,
  add: Add,
): void {
  // Unlisted libraries go to the default compartment (the first one when none is marked), so it is always used.
  const def = config.compartments.findIndex((c) => c.default);
  const defaultIndex = def >= 0 ? def : 0;
  const used = new Set(config.libraries.map((l) => l.compartment));
  config.compartments.forEach((c, i) => {
    if (i === defaultIndex || c.default || firstComp.get(c.name) !== i || used.has(c.name)) return;
    const remove = source?.compartments[i]?.remove;
    const fixes = remove ? [{ title: `Remove compartment ${c.name}`, edits: remove }] : [];
    add(
      'config/unused-compartment',
      `Compartment '${c.name}' holds no library.`,
      compSpan(i),
      fixes,
    );
  });
}
