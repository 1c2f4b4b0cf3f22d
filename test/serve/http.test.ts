import { describe, expect, it } from 'vitest';
import { isSafeTarget } from '../../src/serve/http.js';

describe('request targets serve accepts', () => {
  it('accepts plain paths, with a query', () => {
    for (const url of ['/', '/zh', '/en', '/events', '/pdf/bi.pdf', '/?lang=en', '/review']) expect(isSafeTarget(url), url).toBe(true);
  });

  it('refuses anything that climbs, hides a separator or names another host', () => {
    for (const url of [
      '/../package.json',
      '/..',
      '/a/../../etc/passwd',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2fpackage.json',
      '/%252e%252e/package.json',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '//etc/passwd',
      '/./package.json',
      '/%00',
      'http://127.0.0.1:8080/',
      'package.json',
      '*',
      '',
      '/%e0%a4%a',
    ]) {
      expect(isSafeTarget(url), url).toBe(false);
    }
  });
});
