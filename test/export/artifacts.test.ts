import { describe, expect, it } from 'vitest';
import { wrapUnmarked } from '../../src/export/artifacts.js';

describe('wrapUnmarked', () => {
  it('wraps graphics objects outside tagged sequences, and closes before the next tag', () => {
    const skia = ['q', '0 0 10 10 re', 'f', '/P <</MCID 0 >>BDC', 'BT', '<0001> Tj', 'ET', 'EMC', '1 1 2 2 re', 'f', 'Q', ''].join('\n');
    expect(wrapUnmarked(skia)?.split('\n')).toEqual([
      'q', '/Artifact BMC', '0 0 10 10 re', 'f', 'EMC',
      '/P <</MCID 0 >>BDC', 'BT', '<0001> Tj', 'ET', 'EMC',
      '/Artifact BMC', '1 1 2 2 re', 'f', 'Q', 'EMC', '',
    ]);
  });

  it('leaves fully tagged streams and streams it cannot read safely alone', () => {
    expect(wrapUnmarked('/P <</MCID 0 >>BDC\nBT\n<0001> Tj\nET\nEMC\n')).toBeUndefined();
    expect(wrapUnmarked('BT\n(a literal EMC) Tj\nET\n')).toBeUndefined();
  });
});
