/** The QEMU guest's pieces that need no QEMU: the initramfs format and the console reading. */
import { describe, expect, it } from 'vitest';
import { initramfs } from '../../src/runner/qemu/initramfs.ts';
import { readGuestOutput } from '../../src/runner/qemu/guest.ts';

describe('initramfs', () => {
  it('writes newc entries padded to four bytes, and the trailer', () => {
    const cpio = initramfs([{ name: 'init', data: new Uint8Array([1, 2, 3]), executable: true }]);
    const text = new TextDecoder('latin1').decode(cpio);
    expect(text.startsWith('070701')).toBe(true);
    // mode 0100755, file size 3, name size 5 ("init\0")
    expect(text.slice(6 + 8, 6 + 16)).toBe('000081ED');
    expect(text.slice(6 + 48, 6 + 56)).toBe('00000003');
    expect(text.slice(6 + 88, 6 + 96)).toBe('00000005');
    expect(text).toContain('TRAILER!!!');
    expect(cpio.length % 4).toBe(0);
  });

  it('refuses names that are not plain', () => {
    expect(() => initramfs([{ name: 'a/b', data: new Uint8Array() }])).toThrow(
      /bad initramfs name/,
    );
  });
});

describe('the guest console', () => {
  it('keeps the program’s output and takes guest-init’s control lines out', () => {
    const g = readGuestOutput(
      'hello\r\nlast without newline\n\u001eFLEXOS-REPORT {"fault":{}}\n\n\u001eFLEXOS-EXIT -1 11\n',
    );
    expect(g.output).toBe('hello\nlast without newline');
    expect(g.reports).toBe('{"fault":{}}\n');
    expect(g.exit).toEqual({ code: null, signal: 11 });
  });

  it('says nothing of an exit the guest never reported (a hang killed from outside)', () => {
    expect(readGuestOutput('booting').exit).toBeNull();
  });
});

describe('the guest console, as it streams', () => {
  const text =
    'hello\r\n\r\nworld\nlast without newline\n\u001eFLEXOS-REPORT {"fault":{}}\n\n\u001eFLEXOS-EXIT 2 0\n';

  it('passes the same output and control lines however the console is cut', async () => {
    const { createConsoleFilter } = await import('../../src/runner/qemu/guest.ts');
    const whole = readGuestOutput(text);
    for (let i = 0; i <= text.length; i++) {
      let out = '';
      const control: string[] = [];
      const f = createConsoleFilter(
        (t) => (out += t),
        (l) => control.push(l),
      );
      f.push(text.slice(0, i));
      f.push(text.slice(i));
      f.end();
      expect(out, `cut at ${i}`).toBe(`${whole.output}\n`.replace(/\n\n$/, '\n'));
      expect(control).toEqual(['REPORT {"fault":{}}', 'EXIT 2 0']);
    }
  });
});
