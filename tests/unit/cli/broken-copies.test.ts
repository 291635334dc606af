import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createMemoryIo } from './memory-io.ts';

// Each case breaks one rule of docs/formats.md in a copy of examples/minikv and names the code and
// the line:column where `flexos check` must report it.
const root = join(import.meta.dirname, '..', '..', '..', 'examples', 'minikv');

function loadExample(): Record<string, string> {
  const files: Record<string, string> = {
    'ws/config.yaml': readFileSync(join(root, 'config.yaml'), 'utf8'),
  };
  for (const name of readdirSync(join(root, 'components'))) {
    files[`ws/components/${name}`] = readFileSync(join(root, 'components', name), 'utf8');
  }
  return files;
}

/** Replaces the first occurrence of `from` in `file`, failing loudly if it is not there. */
function edit(files: Record<string, string>, file: string, from: string, to: string): void {
  const text = files[file];
  if (text === undefined || !text.includes(from))
    throw new Error(`${file} does not contain ${from}`);
  files[file] = text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle` after `after` in `text`. */
function at(text: string, needle: string, after = ''): [number, number] {
  const start = text.indexOf(needle, after ? text.indexOf(after) : 0);
  const before = text.slice(0, start).split('\n');
  return [before.length, (before.at(-1)?.length ?? 0) + 1];
}

async function diagnosticsOf(files: Record<string, string>) {
  const io = createMemoryIo(files);
  const code = await main(['check', 'ws', '--json'], io);
  const { diagnostics } = JSON.parse(io.stdout) as {
    diagnostics: { code: string; file: string; line: number; column: number }[];
  };
  return { code, diagnostics };
}

interface Case {
  name: string;
  file: string;
  from: string;
  to: string;
  code: string;
  /** The text whose first character the diagnostic points at, in the edited file. */
  mark: string;
  after?: string;
}

const CONFIG = 'ws/config.yaml';
const SCHED = 'ws/components/sched.flexos';
const CASES: Case[] = [
  {
    name: 'unknown mechanism',
    file: CONFIG,
    from: 'mechanism: intel-mpk',
    to: 'mechanism: intel-mkp',
    code: 'config/unknown-mechanism',
    mark: 'intel-mkp',
  },
  {
    name: 'unknown hardening',
    file: CONFIG,
    from: '  - sched: comp2',
    to: '  - sched: { compartment: comp2, hardening: [asna] }',
    code: 'config/unknown-hardening',
    mark: 'asna',
  },
  {
    name: 'unknown compartment',
    file: CONFIG,
    from: '  - sched: comp2',
    to: '  - sched: comp9',
    code: 'config/unknown-compartment',
    mark: 'comp9',
  },
  {
    name: 'duplicate library',
    file: CONFIG,
    from: '  - sched: comp2',
    to: '  - sched: comp2\n  - kv: comp2',
    code: 'config/duplicate-library',
    mark: 'kv: comp2',
  },
  {
    name: 'second default',
    file: CONFIG,
    from: 'mechanism: intel-mpk\n  - comp3',
    to: 'mechanism: intel-mpk\n      default: true\n  - comp3',
    code: 'config/multiple-defaults',
    mark: 'default: true',
    after: 'comp2:',
  },
  {
    name: 'mixed mechanisms',
    file: CONFIG,
    from: 'mechanism: intel-mpk\n  - comp3',
    to: 'mechanism: vm-ept\n  - comp3',
    code: 'config/mixed-mechanisms',
    mark: 'vm-ept',
  },
  {
    name: 'bad library name',
    file: CONFIG,
    from: '  - sched: comp2',
    to: '  - Sched: comp2',
    code: 'config/bad-name',
    mark: 'Sched',
  },
  {
    name: 'unknown key',
    file: CONFIG,
    from: 'sharing: heap',
    to: 'sharing: heap\nsharring: dss',
    code: 'config/unknown-key',
    mark: 'sharring',
  },
  {
    name: 'yaml syntax',
    file: CONFIG,
    from: 'name: minikv',
    to: 'name: [minikv',
    code: 'config/yaml-syntax',
    mark: '',
  },
  {
    name: 'unknown section',
    file: SCHED,
    from: '[Memory access]',
    to: '[Memory acess]',
    code: 'meta/unknown-section',
    mark: '[Memory acess]',
  },
  {
    name: 'bad region',
    file: SCHED,
    from: 'Read(Own,Shared)',
    to: 'Read(Own,Sharde)',
    code: 'meta/bad-region',
    mark: 'Sharde',
  },
  {
    name: 'bad action',
    file: SCHED,
    from: '*(Read,Own)',
    to: '*(Reed,Own)',
    code: 'meta/bad-action',
    mark: 'Reed',
  },
];

describe('breaking a rule in a copy of minikv: the right code at the right line and column', () => {
  it('the unbroken copy is clean', async () => {
    expect((await diagnosticsOf(loadExample())).diagnostics).toEqual([]);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const files = loadExample();
      edit(files, c.file, c.from, c.to);
      const { code, diagnostics } = await diagnosticsOf(files);
      const found = diagnostics.filter((d) => d.code === c.code);
      expect(found.length, JSON.stringify(diagnostics)).toBeGreaterThan(0);
      expect(found[0]?.file).toBe(c.file);
      if (c.mark)
        expect([found[0]?.line, found[0]?.column]).toEqual(
          at(files[c.file] as string, c.mark, c.after),
        );
      expect(code).toBe(1);
    });
  }
});

describe('breaking a rule in a kraft.yaml copy of minikv', () => {
  async function kraftCopy(): Promise<Record<string, string>> {
    const files = loadExample();
    const io = createMemoryIo({ ...files });
    expect(await main(['convert', CONFIG, '--to', 'kraft'], io)).toBe(0);
    delete files[CONFIG];
    files['ws/kraft.yaml'] = io.stdout;
    return files;
  }

  it('the converted copy is clean', async () => {
    expect((await diagnosticsOf(await kraftCopy())).diagnostics).toEqual([]);
  });

  const KRAFT = 'ws/kraft.yaml';
  const kraftCases: Case[] = [
    {
      name: 'unknown driver',
      file: KRAFT,
      from: 'driver: intel-pku',
      to: 'driver: intel-pqu',
      code: 'config/unknown-mechanism',
      mark: 'intel-pqu',
    },
    {
      name: 'unknown compartment',
      file: KRAFT,
      from: 'compartment: comp2',
      to: 'compartment: comp7',
      code: 'config/unknown-compartment',
      mark: 'comp7',
    },
    {
      name: 'no default',
      file: KRAFT,
      from: '    default: true\n',
      to: '',
      code: 'config/no-default',
      mark: '',
    },
  ];
  for (const c of kraftCases) {
    it(c.name, async () => {
      const files = await kraftCopy();
      edit(files, c.file, c.from, c.to);
      const { code, diagnostics } = await diagnosticsOf(files);
      const found = diagnostics.filter((d) => d.code === c.code);
      expect(found.length, JSON.stringify(diagnostics)).toBeGreaterThan(0);
      expect(found[0]?.file).toBe(c.file);
      if (c.mark)
        expect([found[0]?.line, found[0]?.column]).toEqual(at(files[c.file] as string, c.mark));
      expect(code).toBe(1);
    });
  }
});

describe('breaking space.yaml in a copy of minikv', () => {
  it('reports the space diagnostic at the broken value', async () => {
    const files = loadExample();
    files['ws/space.yaml'] = readFileSync(join(root, 'space.yaml'), 'utf8');
    expect((await diagnosticsOf(files)).diagnostics).toEqual([]);
    edit(files, 'ws/space.yaml', 'max-compartments: 3', 'max-compartments: three');
    const { code, diagnostics } = await diagnosticsOf(files);
    const found = diagnostics.filter((d) => d.file === 'ws/space.yaml');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.code).toMatch(/^space\//);
    expect([found[0]?.line, found[0]?.column]).toEqual(
      at(files['ws/space.yaml'] as string, 'three', 'max-compartments:'),
    );
    expect(code).toBe(1);
  });
});
