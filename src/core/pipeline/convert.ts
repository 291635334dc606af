import { parseImageConfig, printConfigYaml, printKraftYaml } from '../config/index.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';

export type ConvertedConfig =
  | { status: 'ok'; text: string; diagnostics: Diagnostic[] }
  | { status: 'errors'; diagnostics: Diagnostic[] };

/**
 * An image description in the other format: `config.yaml` → `kraft.yaml` or back. `file`
 * names the input (its name, or its content, tells kraft.yaml from config.yaml).
 */
export function convertConfig(text: string, file: string, to: 'kraft' | 'config'): ConvertedConfig {
  const { config, diagnostics } = parseImageConfig(text, file);
  if (!config || hasErrors(diagnostics)) return { status: 'errors', diagnostics };
  return {
    status: 'ok',
    text: to === 'kraft' ? printKraftYaml(config) : printConfigYaml(config),
    diagnostics,
  };
}
