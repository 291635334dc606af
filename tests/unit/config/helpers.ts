import { toLineColumn, type Diagnostic } from '../../../src/core/diagnostics.ts';
import { parseImageConfig } from '../../../src/core/config/index.ts';

/** `code@line:column` of every diagnostic, the form the tests assert. */
export function positions(text: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const { line, column } = toLineColumn(text, d.span.start);
    return `${d.code}@${line}:${column}`;
  });
}

/** Positions of the diagnostics of `text`, parsed as `file`. */
export function diagnosticsAt(text: string, file = 'config.yaml'): string[] {
  return positions(text, parseImageConfig(text, file).diagnostics);
}

/** The text a diagnostic's span covers. */
export function spanText(text: string, d: Diagnostic): string {
  return text.slice(d.span.start, d.span.end);
}

/** The example of docs/formats.md, "config.yaml: one image". */
export const MINIKV = `name: minikv
sharing: heap            # how stack data crosses an MPK gate: heap | dss | shared-stack
compartments:
  - comp1:
      mechanism: intel-mpk   # fcalls | intel-mpk (alias intel-pku) | vm-ept (alias vmept) | cheri
      default: true          # libraries not listed go here; numbered 0
  - comp2:
      mechanism: intel-mpk
      hardening: [asan, cfi] # applies to every library placed here
libraries:
  - kv: comp1
  - netstack: comp2
  - sched: { compartment: comp2, hardening: [safestack] }   # per-library form
`;

/** A FlexOS kraft.yaml as its documentation shows it (Redis, two MPK compartments). */
export const REDIS_KRAFT = `---
specification: '0.6'
name: redis
unikraft:
  version: staging
  kconfig:
    - CONFIG_LIBUKDEBUG=y
    - CONFIG_LIBFLEXOS=y
targets:
  - architecture: x86_64
    platform: kvm
compartments:
  - name: comp1
    mechanism:
      driver: intel-pku
      noisolstack: false
    default: true
  - name: comp2
    mechanism:
      driver: intel-pku
      noisolstack: false
libraries:
  tlsf:
    version: staging
    kconfig:
      - CONFIG_LIBTLSF=y
  newlib:
    version: staging
    kconfig:
      - CONFIG_LIBNEWLIBC=y
    compartment: comp1
  lwip:
    version: staging
    kconfig:
      - CONFIG_LWIP_IPV6=y
    compartment: comp2
  uksched:
    is_core: true
    compartment: comp2
volumes: {}
networks: {}
`;
