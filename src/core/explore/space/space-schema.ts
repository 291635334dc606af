/**
 * `space.yaml` — a design space, next to a workspace's `config.yaml`:
 *
 * ```yaml
 * name: minikv                 # optional: image name of generated configs (default: the directory's)
 * components: [kv, libc, sched, netstack]
 * together: [[kv, libc]]       # optional: groups that always share a compartment
 * max-compartments: 3          # optional: default one per group
 * hardening:                   # optional: options per component; any subset of them may be on
 *   kv: [asan]
 *   netstack: [asan+cfi]       # `+` bundles hardening into ONE option (on or off together)
 *   sched: [asan, cfi]         # two options: four subsets
 * mechanism: intel-mpk         # optional: fcalls | intel-mpk (intel-pku) | vm-ept (vmept) | cheri
 * sharing: heap                # optional: heap | dss | shared-stack
 * requires: true               # optional: leave out configs breaking a [Requires] (default true)
 * ```
 *
 * Its configurations are every partition of the groups into at most `max-compartments`
 * compartments times every subset of the options (docs/semantics.md, "Design spaces" and "Safety
 * orders"). Options of one component may not share a hardening, so each combination of
 * hardening names maps back to one subset of options (configuration ids stay unambiguous).
 *
 * Diagnostics (never thrown), all `space/...`: `yaml-syntax`, `not-a-map`, `unknown-key`
 * (warning, with the nearest key as a fix, as in `config.yaml`), `missing-key`, `wrong-type`,
 * `bad-name`, `duplicate-component`, `unknown-component`, `group-overlap`,
 * `bad-max-compartments`, `unknown-hardening`, `overlapping-options`, `too-many-options`,
 * `unknown-mechanism`, `unknown-sharing`.
 */
export const SPACE_KEYS = [
  'name',
  'components',
  'together',
  'max-compartments',
  'hardening',
  'mechanism',
  'sharing',
  'requires',
] as const;

/** Every code `parseSpace` may report. */
export const SPACE_CODES = [
  'space/yaml-syntax',
  'space/not-a-map',
  'space/unknown-key',
  'space/missing-key',
  'space/wrong-type',
  'space/bad-name',
  'space/duplicate-component',
  'space/unknown-component',
  'space/group-overlap',
  'space/bad-max-compartments',
  'space/unknown-hardening',
  'space/overlapping-options',
  'space/too-many-options',
  'space/unknown-mechanism',
  'space/unknown-sharing',
  'space/hardening-not-allowed',
  // From the YAML layer, shared by every YAML file (core/yaml).
  'space/too-deep',
  'space/too-many-problems',
] as const;
