import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realBinary } from '../../src/export/find-browser.js';

describe('the browser finder', () => {
  it("starts the binary behind Debian's wrapper script, not the script", () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-wrapper-'));
    const lib = join(root, 'lib', 'chromium');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'chromium'), '\x7fELF');
    const script = join(root, 'chromium');
    writeFileSync(script, `#!/bin/sh\n# Chromium launcher\nAPPNAME=chromium\nGDB=/usr/bin/gdb\nLIBDIR=${root}/lib/$APPNAME\nexec $LIBDIR/$APPNAME "$@"\n`);
    chmodSync(script, 0o755);
    expect(realBinary(script)).toBe(join(lib, 'chromium'));
    expect(realBinary(join(lib, 'chromium'))).toBe(join(lib, 'chromium')); // a binary stays
    const other = join(root, 'other');
    writeFileSync(other, '#!/bin/sh\nexec /nowhere/chrome "$@"\n');
    expect(realBinary(other)).toBe(other); // a script it does not understand stays
  });

});
