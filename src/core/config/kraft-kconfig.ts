import type { Mechanism, SharingMode } from '../model.ts';

/** The Kconfig option selecting each FlexOS backend (`lib/flexos/Config.uk`). */
export const KRAFT_BACKEND_KCONFIG: Readonly<Record<Mechanism, string>> = {
  fcalls: 'CONFIG_LIBFLEXOS_NONE',
  'intel-mpk': 'CONFIG_LIBFLEXOS_INTELPKU',
  'vm-ept': 'CONFIG_LIBFLEXOS_VMEPT',
  cheri: 'CONFIG_LIBFLEXOS_MORELLO',
};

/**
 * The Kconfig option that selects each non-default sharing mode; `kraft.yaml` has no key for
 * it, so it travels in `unikraft: kconfig:` as the FlexOS build expects.
 */
export const KRAFT_SHARING_KCONFIG: Readonly<Record<Exclude<SharingMode, 'heap'>, string>> = {
  dss: 'CONFIG_LIBFLEXOS_ENABLE_DSS',
  'shared-stack': 'CONFIG_LIBFLEXOS_GATE_INTELPKU_SHARED_STACKS',
};
