/**
 * Switching the mechanism of the whole image (`set-mechanism`): one change, in-place edits of
 * every compartment's `mechanism:` in config.yaml (nested and flat forms) and kraft.yaml, comments
 * and everything else kept; through the pipeline as one plan of edits.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  applyConfigChange,
  mechanismOf,
  parseImageConfig,
  toInPlaceConfigEdits,
} from '../../../src/core/config/index.ts';
import { planMechanismSwitch, type Workspace } from '../../../src/core/pipeline/index.ts';
import { MINIKV, REDIS_KRAFT } from './helpers.ts';

const FLAT = `compartments:
- comp1:
  mechanism: intel-pku   # the talks' spelling
  default: True
- comp2:
  mechanism: intel-mpk
libraries:
- libredis: comp1
- lwip: comp2
`;

function switched(text: string, file: string, mechanism: 'vm-ept' | 'fcalls') {
  const edits = toInPlaceConfigEdits(text, file, { kind: 'set-mechanism', mechanism });
  if (!edits) throw new Error('no in-place edits');
  const after = applyEdits(text, edits);
  const { config, diagnostics } = parseImageConfig(after, file);
  return { after, config, errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe('set-mechanism', () => {
  it('sets every compartment of the model', () => {
    const config = parseImageConfig(MINIKV, 'config.yaml').config;
    if (!config) throw new Error('no config');
    const next = applyConfigChange(config, { kind: 'set-mechanism', mechanism: 'cheri' });
    expect(next.compartments.map((c) => c.mechanism)).toEqual(['cheri', 'cheri']);
    expect(config.compartments.map((c) => c.mechanism)).toEqual(['intel-mpk', 'intel-mpk']);
  });

  it('edits only the mechanism values of a nested config.yaml, comments kept', () => {
    const { after, config, errors } = switched(MINIKV, 'config.yaml', 'vm-ept');
    expect(errors).toEqual([]);
    expect(config && mechanismOf(config)).toBe('vm-ept');
    expect(after).toBe(MINIKV.replace(/mechanism: intel-mpk/g, 'mechanism: vm-ept'));
  });

  it('edits the flat form and replaces an alias', () => {
    const { after, errors } = switched(FLAT, 'config.yaml', 'fcalls');
    expect(errors).toEqual([]);
    expect(after).toBe(
      FLAT.replace('mechanism: intel-pku', 'mechanism: fcalls').replace(
        'mechanism: intel-mpk',
        'mechanism: fcalls',
      ),
    );
  });

  it('edits the driver of each kraft.yaml compartment, keeping the rest', () => {
    const { after, config, errors } = switched(REDIS_KRAFT, 'kraft.yaml', 'vm-ept');
    expect(errors).toEqual([]);
    expect(config && mechanismOf(config)).toBe('vm-ept');
    expect(after.split('\n').length).toBe(REDIS_KRAFT.split('\n').length);
    expect(after).not.toMatch(/driver: intel-pku/);
  });
});

describe('planMechanismSwitch', () => {
  const ws = (text: string): Workspace => ({
    files: { 'config.yaml': text },
    settings: { panel: 'graph' },
  });

  it('plans one set of edits with a title, and nothing when the mechanism is already it', () => {
    const plan = planMechanismSwitch(ws(MINIKV), 'vm-ept');
    expect(plan?.file).toBe('config.yaml');
    expect(plan?.title).toBe('Switch the image from intel-mpk to vm-ept');
    expect(plan?.edits).toHaveLength(2);
    expect(planMechanismSwitch(ws(MINIKV), 'intel-mpk')).toBeNull();
    expect(planMechanismSwitch(ws('compartments: ['), 'fcalls')).toBeNull();
  });
});
