/**
 * A large generated image for scaling tests and `tests/bench/scaling.bench.ts`: `n` libraries
 * in 10 MPK compartments, each with metadata. Every 100th library (`lib0`, `lib100`, ...) has a
 * `[Requires]` granting shared memory and its `api` function; the libraries of its block call
 * it and stay within their own and shared memory. Libraries `lib50`, `lib150`, ... are plain C
 * (`Read(*); Write(*)`, `[Call] *`) in compartment `untrusted`, except the first `violators`
 * of them, which sit with the requirers of their block's compartment and break their
 * `[Requires]`.
 */
export interface LargeImageOptions {
  libraries: number;
  /** Plain-C libraries placed with requirers (default 5). */
  violators?: number;
}

const COMPARTMENTS = 9;

export function largeImageFiles(options: LargeImageOptions): Record<string, string> {
  const n = options.libraries;
  const violators = options.violators ?? 5;
  const files: Record<string, string> = {};
  const config = ['name: big', 'compartments:'];
  for (let c = 1; c <= COMPARTMENTS; c++) {
    config.push(`  - comp${c}:`, '      mechanism: intel-mpk');
    if (c === 1) config.push('      default: true');
  }
  config.push('  - untrusted:', '      mechanism: intel-mpk', 'libraries:');
  for (let i = 0; i < n; i++) {
    const name = `lib${i}`;
    const block = i - (i % 100);
    const home = `comp${1 + (Math.floor(i / 100) % COMPARTMENTS)}`;
    let text: string;
    let compartment = home;
    if (i % 100 === 0) {
      text =
        `component ${name}\n[Memory access] Read(Own,Shared); Write(Own,Shared)\n` +
        `[Call] lib${(i + 100) % n}::api\n[API] api(int x)\n` +
        `[Requires] *(Read,Shared), *(Write,Shared), *(Call,api)\n`;
    } else if (i % 100 === 50) {
      text = `component ${name}\n[Memory access] Read(*); Write(*)\n[Call] *\n`;
      if (Math.floor(i / 100) >= violators) compartment = 'untrusted';
    } else {
      text =
        `component ${name}\n[Memory access] Read(Own,Shared); Write(Own,Shared)\n` +
        `[Call] lib${block}::api\n[API] api(int x)\n` +
        (i % 2 === 0 ? '[Hardening] asan, cfi\n' : '');
    }
    files[`components/${name}.flexos`] = text;
    config.push(`  - ${name}: ${compartment}`);
  }
  files['config.yaml'] = `${config.join('\n')}\n`;
  return files;
}
