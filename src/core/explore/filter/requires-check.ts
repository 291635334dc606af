import type { ComponentSpec } from '../../metadata/component-spec.ts';
import { checkPlacement } from '../../solver/check-placement.ts';
import type { AllowedCheck } from '../explore-types.ts';
import type { Configuration, Space } from '../space/space.ts';
import { toImageConfig } from '../space/to-config.ts';

/**
 * The validity check of `requires: true`: a configuration is allowed when the solver finds no
 * violation of a component's `[Requires]` and no other error (hardening a component's
 * `[Hardening]` forbids, a mechanism limit) in its image. The reason has one line per pair of
 * components in conflict, so the explorer can count configurations per conflict. The check
 * carries `components`, so `exploreSpace` leaves out the options their `[Hardening]` forbids
 * first: what is left is closed under "safer", as the structural frontier needs.
 */
export function createRequiresCheck(
  space: Space,
  components: readonly ComponentSpec[],
): AllowedCheck {
  const specs = components.filter((c) => space.components.includes(c.name));
  const check = (cfg: Configuration): ReturnType<AllowedCheck> => {
    const { violations, diagnostics } = checkPlacement(toImageConfig(space, cfg), specs);
    const lines = new Map<string, string[]>();
    for (const v of violations) {
      const key = `${v.actor} → ${v.target}`;
      lines.set(key, [...(lines.get(key) ?? []), v.message]);
    }
    const pairs = [...lines].map(([pair, messages]) => `${pair}: ${messages.join('; ')}`);
    const others = diagnostics
      .filter((d) => d.severity === 'error' && !d.code.startsWith('solver/violation-'))
      .map((d) => d.message);
    const reasons = [...new Set([...pairs, ...others])].sort();
    return reasons.length === 0 ? true : { allowed: false, reason: reasons.join('\n') };
  };
  return Object.assign(check, { components: specs });
}
