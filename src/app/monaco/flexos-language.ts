import type * as MonacoApi from 'monaco-editor/editor';
import type { ComponentSpec } from '../../core/pipeline/index.ts';
import { HARDENINGS } from '../../core/model.ts';

type Monaco = typeof MonacoApi;

/** What completion and hover know beyond the file itself: the workspace's components. */
export interface FlexosContext {
  components: readonly ComponentSpec[];
  /** Library names of the image (config and metadata). */
  libraries: readonly string[];
}

/** Section headers with the sentence a hover shows (docs/formats.md, "Component metadata"). */
export const SECTIONS: Record<string, string> = {
  'Memory access':
    'What the component reads and writes: `Read(...)`, `Write(...)` over `Own`, `Shared`, `*`.',
  Call: 'What it calls in other components: `lib::fn`, `lib::*` or `*`.',
  API: 'Its entry points; only these may be reached through a gate.',
  Requires:
    'What it allows a co-located component to do: `who(Action,Object)`. With this section, everything not listed is forbidden.',
  Hardening: 'Hardening that can be applied to it; without the section, every standard one can.',
};

const WORDS: Record<string, string> = {
  Own: 'The private memory of the component (for `[Requires]`: of the requirer).',
  Shared: 'Memory shared on purpose between components.',
  Read: 'Reading memory.',
  Write: 'Writing memory.',
  Call: 'Calling a function.',
  component: 'Starts a component: `component <name>`.',
};

/** Registers the `flexos` language: tokens, brackets, completion and hover. */
export function registerFlexosLanguage(monaco: Monaco, context: () => FlexosContext): void {
  monaco.languages.register({
    id: 'flexos',
    extensions: ['.flexos'],
    aliases: ['FlexOS metadata'],
  });
  monaco.languages.setLanguageConfiguration('flexos', {
    comments: { lineComment: '#' },
    brackets: [
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '[', close: ']' },
      { open: '(', close: ')' },
    ],
  });
  monaco.languages.setMonarchTokensProvider('flexos', {
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/^\s*\[[^\]]*\]/, 'type'],
        [/\bcomponent\b/, 'keyword'],
        [/\b(Read|Write|Call)\b/, 'keyword'],
        [/\b(Own|Shared)\b/, 'constant'],
        [/\*/, 'constant'],
        [/[a-z][a-z0-9_-]*(?=::)/, 'namespace'],
        [/::/, 'delimiter'],
        [/[A-Za-z_][\w-]*/, 'identifier'],
        [/[(),;]/, 'delimiter'],
      ],
    },
  });
  monaco.languages.registerCompletionItemProvider('flexos', {
    triggerCharacters: ['[', '(', ':', ',', ' '],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const Kind = monaco.languages.CompletionItemKind;
      const item = (label: string, kind: MonacoApi.languages.CompletionItemKind, doc?: string) => ({
        label,
        kind,
        insertText: label,
        range,
        ...(doc ? { documentation: { value: doc } } : {}),
      });
      const ctx = context();
      const lib = /([a-z][a-z0-9_-]*)::\w*$/.exec(line)?.[1];
      if (lib !== undefined) {
        const spec = ctx.components.find((c) => c.name === lib);
        const fns = (spec?.api ?? []).map((f) =>
          item(f.name, Kind.Function, `${lib}::${f.name}(${f.params})`),
        );
        return { suggestions: [item('*', Kind.Operator, `every function of ${lib}`), ...fns] };
      }
      if (/^\s*\[[^\]]*$/.test(line)) {
        const sectionRange = new monaco.Range(
          position.lineNumber,
          line.indexOf('[') + 2,
          position.lineNumber,
          position.column,
        );
        return {
          suggestions: Object.entries(SECTIONS).map(([name, doc]) => ({
            label: name,
            kind: Kind.Module,
            insertText:
              name +
              (model.getLineContent(position.lineNumber)[position.column - 1] === ']' ? '' : ']'),
            range: sectionRange,
            documentation: { value: doc },
          })),
        };
      }
      const section = currentSection(model, position.lineNumber);
      if (/\((?:[^)]*,)?\s*\w*$/.test(line) && section === 'Memory access') {
        return {
          suggestions: ['Own', 'Shared', '*'].map((r) => item(r, Kind.EnumMember, WORDS[r])),
        };
      }
      if (section === 'Hardening') {
        return { suggestions: HARDENINGS.map((h) => item(h, Kind.EnumMember)) };
      }
      if (section === 'Requires' && /\(\s*\w*$/.test(line)) {
        return {
          suggestions: ['Read', 'Write', 'Call'].map((a) => item(a, Kind.Keyword, WORDS[a])),
        };
      }
      const names = ctx.libraries.map((l) => item(l, Kind.Module, describe(ctx, l)));
      if (section === 'Memory access')
        names.push(item('Read', Kind.Keyword), item('Write', Kind.Keyword));
      if (position.lineNumber === 1 || !section)
        names.push(item('component', Kind.Keyword, WORDS['component']));
      return { suggestions: names };
    },
  });
  monaco.languages.registerHoverProvider('flexos', {
    provideHover(model, position) {
      const lineText = model.getLineContent(position.lineNumber);
      const header = /^\s*\[([^\]]*)\]/.exec(lineText);
      if (header?.[1] && position.column <= header[0].length + 1) {
        const doc = SECTIONS[header[1]];
        return doc ? { contents: [{ value: `**[${header[1]}]**` }, { value: doc }] } : null;
      }
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const doc = WORDS[word.word] ?? describe(context(), word.word);
      return doc ? { contents: [{ value: `**${word.word}**` }, { value: doc }] } : null;
    },
  });
}

/** The section a line is in: the nearest header above it. */
function currentSection(
  model: MonacoApi.editor.ITextModel,
  lineNumber: number,
): string | undefined {
  for (let l = lineNumber; l >= 1; l--) {
    const m = /^\s*\[([^\]]*)\]/.exec(model.getLineContent(l));
    if (m) return m[1];
  }
  return undefined;
}

/** A component's doc comment and API, for completion details and hover. */
function describe(ctx: FlexosContext, name: string): string | undefined {
  const spec = ctx.components.find((c) => c.name === name);
  if (!spec) return ctx.libraries.includes(name) ? `Library ${name} (no metadata)` : undefined;
  const api = spec.api.map((f) => `\`${f.name}(${f.params})\``).join(', ');
  return [spec.doc.join(' '), api ? `API: ${api}` : ''].filter(Boolean).join('\n\n');
}
