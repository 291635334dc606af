/**
 * A Linux initramfs: an uncompressed cpio archive in the "newc" format (magic `070701`, every
 * header field eight hex digits, names and data padded to four bytes), which the kernel
 * unpacks into its first root file system. Only regular files at the root: the guest needs its
 * init, the program and two data files.
 */
export interface InitramfsFile {
  /** A name at the root, without slashes. */
  name: string;
  data: Uint8Array;
  executable?: boolean;
}

const S_IFREG = 0o100000;

export function initramfs(files: readonly InitramfsFile[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    size += b.length;
    const pad = (4 - (size % 4)) % 4;
    if (pad > 0) {
      parts.push(new Uint8Array(pad));
      size += pad;
    }
  };
  const entry = (name: string, mode: number, data: Uint8Array, ino: number) => {
    if (name.includes('/') || name.includes('\0')) throw new Error(`bad initramfs name ${name}`);
    const nameBytes = new TextEncoder().encode(`${name}\0`);
    // ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor,
    // namesize, check
    const fields = [ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0];
    const header = `070701${fields.map((v) => v.toString(16).toUpperCase().padStart(8, '0')).join('')}`;
    const head = new Uint8Array(header.length + nameBytes.length);
    head.set(new TextEncoder().encode(header));
    head.set(nameBytes, header.length);
    push(head);
    if (data.length > 0) push(data);
  };
  files.forEach((f, i) => entry(f.name, S_IFREG | (f.executable ? 0o755 : 0o644), f.data, i + 1));
  entry('TRAILER!!!', 0, new Uint8Array(0), 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
