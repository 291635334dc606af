import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  getBackend,
  hardeningCostFactor,
  HARDENING_COST_FACTORS,
} from '../../../src/core/backends/index.ts';
import { resolveMechanism } from '../../../src/core/names/index.ts';
import { HARDENINGS, MECHANISMS, SHARING_MODES } from '../../../src/core/model.ts';

describe('backends', () => {
  it('has one backend per mechanism, in MECHANISMS order', () => {
    expect(BACKENDS.map((b) => b.mechanism)).toEqual([...MECHANISMS]);
    for (const m of MECHANISMS) expect(getBackend(m).mechanism).toBe(m);
  });

  it('resolves canonical names and aliases, and nothing else', () => {
    expect(resolveMechanism('intel-pku')).toBe('intel-mpk');
    expect(resolveMechanism('vmept')).toBe('vm-ept');
    for (const m of MECHANISMS) expect(resolveMechanism(m)).toBe(m);
    expect(resolveMechanism('mpk')).toBeUndefined();
    expect(resolveMechanism('Intel-MPK')).toBeUndefined();
  });

  it('names the gate macros the toolchain writes', () => {
    expect(BACKENDS.map((b) => [b.gateMacro, b.gateMacroR])).toEqual([
      ['flexos_nop_gate', 'flexos_nop_gate_r'],
      ['flexos_intelpku_gate', 'flexos_intelpku_gate_r'],
      ['flexos_vmept_gate', 'flexos_vmept_gate_r'],
      ['flexos_cheri_gate', 'flexos_cheri_gate_r'],
    ]);
  });

  it('knows which mechanisms separate memory and their compartment limits', () => {
    expect(BACKENDS.map((b) => [b.mechanism, b.separatesMemory, b.maxCompartments])).toEqual([
      ['fcalls', false, Infinity],
      ['intel-mpk', true, 15],
      ['vm-ept', true, 16],
      ['cheri', true, Infinity],
    ]);
  });

  it('estimates gate latency per crossing as the cost model says', () => {
    const cycles = (m: (typeof MECHANISMS)[number]) =>
      SHARING_MODES.map((s) => getBackend(m).gateCycles(s));
    expect(cycles('fcalls')).toEqual([2, 2, 2]);
    expect(cycles('intel-mpk')).toEqual([108, 108, 62]);
    expect(cycles('vm-ept')).toEqual([462, 462, 462]);
    cycles('cheri').forEach((c, i) => expect(c).toBeCloseTo(cycles('intel-mpk')[i]! * 1.225));
  });

  it('estimates shared-data allocation per gate', () => {
    expect(SHARING_MODES.map((s) => getBackend('intel-mpk').sharedAllocCycles(s))).toEqual([
      66, 2, 2,
    ]);
    expect(getBackend('fcalls').sharedAllocCycles('heap')).toBe(0);
    expect(getBackend('vm-ept').sharedAllocCycles('dss')).toBe(66);
  });

  it('multiplies hardening cost factors, each counted once', () => {
    for (const h of HARDENINGS) expect(HARDENING_COST_FACTORS[h]).toBeGreaterThan(1);
    expect(hardeningCostFactor([])).toBe(1);
    expect(hardeningCostFactor(['asan', 'cfi', 'asan'])).toBeCloseTo(1.8 * 1.1);
  });
});
