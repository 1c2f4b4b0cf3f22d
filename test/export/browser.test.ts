import { describe, expect, it } from 'vitest';
import { launchArgs, loadPuppeteer } from '../../src/export/browser.js';

describe('browser start-up', () => {
  it('turns off the address-bar popup headless Chromium would draw', () => {
    expect(launchArgs()).toContain('--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup');
  });
});

describe('loadPuppeteer', () => {
  it('loads puppeteer once, for the build to start loading it early and the launch to reuse', async () => {
    const first = loadPuppeteer();
    expect(loadPuppeteer()).toBe(first);
    expect(typeof (await first).launch).toBe('function');
  });
});
