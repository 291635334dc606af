import type { Fault } from '../api/schemas.ts';

/** What the runtime writes on fd 3 when it catches a separation fault (rt/start.c). */
export interface RawFault {
  compartment: number;
  address: string;
  ownerCompartment: number;
  region: Fault['region'];
  access: Fault['access'];
  /** The faulting instruction. */
  ip: string;
  /** In a heap: the block hit or run past (`site`: the allocating call's return address). */
  block?: { start: string; size: number; site: string; live: boolean };
}

const REGIONS: readonly string[] = ['text', 'data', 'bss', 'heap', 'stack'];
const ACCESSES: readonly string[] = ['read', 'write', 'execute'];
const HEX = /^0x[0-9a-f]{1,16}$/;

/**
 * The first fault report among the runtime's lines, or null. The program can write to fd 3
 * too, so every field is checked; a program that forges a report only fools itself.
 */
export function parseFaultReport(reports: string): RawFault | null {
  for (const line of reports.split('\n')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const f = (parsed as { fault?: Record<string, unknown> } | null)?.fault;
    if (typeof f !== 'object' || f === null) continue;
    const { compartment, address, ownerCompartment, region, access, ip } = f;
    if (
      Number.isInteger(compartment) &&
      Number.isInteger(ownerCompartment) &&
      typeof address === 'string' &&
      HEX.test(address) &&
      typeof ip === 'string' &&
      HEX.test(ip) &&
      typeof region === 'string' &&
      REGIONS.includes(region) &&
      typeof access === 'string' &&
      ACCESSES.includes(access)
    ) {
      const block = readBlock(f['block']);
      return {
        compartment: compartment as number,
        ownerCompartment: ownerCompartment as number,
        address,
        ip,
        region: region as Fault['region'],
        access: access as Fault['access'],
        ...(block ? { block } : {}),
      };
    }
  }
  return null;
}

function readBlock(v: unknown): RawFault['block'] | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { start, size, site, live } = v as Record<string, unknown>;
  if (
    typeof start === 'string' &&
    HEX.test(start) &&
    typeof site === 'string' &&
    HEX.test(site) &&
    Number.isSafeInteger(size) &&
    (size as number) >= 0 &&
    typeof live === 'boolean'
  )
    return { start, size: size as number, site, live };
  return undefined;
}

/** Where each library's part of the code and data starts, read from `nm -n` of the program. */
export interface LibraryMarkers {
  /** Sorted by address: a library's part runs to the next marker or its range's end. */
  starts: { address: bigint; lib: string }[];
  ends: bigint[];
}

const MARKER = /^([0-9a-f]+) \w __flexos_lib(\d+)_(text|data|bss|rodata)$/;
const RANGE_END = /^([0-9a-f]+) \w __flexos_comp\d+_(text|data|bss|rodata)_end$/;

/** Reads the markers the layout script defines (linker-script.ts), `libs` in its order. */
export function readMarkers(nm: string, libs: readonly string[]): LibraryMarkers {
  const starts: LibraryMarkers['starts'] = [];
  const ends: bigint[] = [];
  for (const line of nm.split('\n')) {
    const m = MARKER.exec(line.trim());
    const lib = m ? libs[Number(m[2])] : undefined;
    if (m?.[1] && lib) starts.push({ address: BigInt(`0x${m[1]}`), lib });
    const e = RANGE_END.exec(line.trim());
    if (e?.[1]) ends.push(BigInt(`0x${e[1]}`));
  }
  // Several libraries can start at one address when the first has nothing of that kind:
  // the last of them is the one whose bytes follow.
  starts.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  ends.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { starts, ends };
}

/** The library whose code or static data holds `address`, when the markers say. */
export function libraryAt(markers: LibraryMarkers, address: string): string | undefined {
  const at = BigInt(address);
  let found: { address: bigint; lib: string } | undefined;
  for (const s of markers.starts) if (s.address <= at) found = s;
  if (!found) return undefined;
  const end = markers.ends.find((e) => e > found.address);
  return end !== undefined && at < end ? found.lib : undefined;
}

/**
 * The fault in the user's terms: the libraries of both compartments. The faulting library is
 * the one whose code ran (the instruction's address); the owner, the one whose data was hit,
 * or every library of the owning compartment for its heap and stack, which are shared by all
 * of them.
 */
export function describeFault(
  raw: RawFault,
  markers: LibraryMarkers | null,
  librariesOf: (compartment: number) => readonly string[],
): Fault {
  const all = (c: number) => librariesOf(c).join(', ') || `compartment ${c}`;
  const inCompartment = (lib: string | undefined, c: number) =>
    lib !== undefined && librariesOf(c).includes(lib) ? lib : undefined;
  const library =
    (markers && inCompartment(libraryAt(markers, raw.ip), raw.compartment)) ?? all(raw.compartment);
  const staticData = raw.region !== 'heap' && raw.region !== 'stack';
  const ownerLibrary =
    (staticData &&
      markers &&
      inCompartment(libraryAt(markers, raw.address), raw.ownerCompartment)) ||
    all(raw.ownerCompartment);
  return {
    compartment: raw.compartment,
    library,
    address: raw.address,
    ownerCompartment: raw.ownerCompartment,
    ownerLibrary,
    access: raw.access,
    region: raw.region,
  };
}

/**
 * One line for people: "imgparse (compartment 1) wrote `api_key` in the bss of app
 * (compartment 0) at 0x420000, in pgm_decode at libs/imgparse/pgm.c:57".
 */
export function faultSentence(f: Fault): string {
  const verb = { read: 'read', write: 'wrote', execute: 'jumped into' }[f.access];
  const what = f.variable
    ? `\`${f.variable}\` in the ${f.region}`
    : f.block
      ? blockWords(f.block)
      : `the ${f.region}`;
  const where = f.source ? `, in ${f.source.function} at ${f.source.file}:${f.source.line}` : '';
  const allocated = f.block?.allocated
    ? ` (allocated in ${f.block.allocated.function} at ${f.block.allocated.file}:${f.block.allocated.line})`
    : '';
  const hint = f.suspect
    ? `: a pointer to \`${f.suspect.variable}\` (a local of ${f.ownerLibrary}, ${f.suspect.file}:${f.suspect.line}) crossed a gate; mark it flexos_whitelist`
    : f.region === 'stack'
      ? `: a pointer to a local of ${f.ownerLibrary} crossed a gate; mark that local flexos_whitelist`
      : '';
  return `${f.library} (compartment ${f.compartment}) ${verb} ${what} of ${f.ownerLibrary} (compartment ${f.ownerCompartment}) at ${f.address}${allocated}${where}${hint}`;
}

/** "byte 70 of a 64-byte heap block" (past its end, freed: said so). */
function blockWords(b: NonNullable<Fault['block']>): string {
  const past = b.offset >= b.size ? ' (past its end)' : '';
  return `byte ${b.offset}${past} of a ${b.freed ? 'freed ' : ''}${b.size}-byte heap block`;
}

/** A symbol of the program with a size (`nm -n -S`): a variable or a function. */
export interface SizedSymbol {
  address: bigint;
  size: bigint;
  type: string;
  name: string;
}

const SIZED = /^([0-9a-f]+) ([0-9a-f]+) (\w) (\S+)$/;

export function readSymbols(nm: string): SizedSymbol[] {
  const out: SizedSymbol[] = [];
  for (const line of nm.split('\n')) {
    const m = SIZED.exec(line.trim());
    if (m?.[1] && m[2] && m[3] && m[4])
      out.push({ address: BigInt(`0x${m[1]}`), size: BigInt(`0x${m[2]}`), type: m[3], name: m[4] });
  }
  return out;
}

/** The data, bss or read-only variable holding `address`, if one does. */
export function variableAt(symbols: readonly SizedSymbol[], address: string): string | undefined {
  const at = BigInt(address);
  return symbols.find(
    (s) => 'dDbBrR'.includes(s.type) && s.address <= at && at < s.address + s.size,
  )?.name;
}

/**
 * `addr2line -f -e prog ADDR`: the function, then `file:line` (`??` when unknown; a line may
 * carry ` (discriminator N)`). The file is as the compiler saw it, in the job directory.
 */
export function readAddr2line(
  out: string,
): { function: string; file: string; line: number } | null {
  const [fn, where] = out.trim().split('\n');
  const m = /^(.*):(\d+)(?: \(discriminator \d+\))?$/.exec(where?.trim() ?? '');
  if (!fn || fn === '??' || !m?.[1] || m[1] === '??' || !m[2]) return null;
  return { function: fn.trim(), file: m[1], line: Number(m[2]) };
}
