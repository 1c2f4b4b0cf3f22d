import { launch } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import type { TestProject } from 'vitest/node';
import { launchArgs } from '../../src/export/browser.js';
import { findBrowser } from '../../src/export/find-browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    browserWSEndpoint: string;
  }
}

/**
 * vitest globalSetup: one Chromium for every test file that only opens pages in it (issue 15:
 * a launch per file cost seconds of a 2-core machine). Files stay independent: each connects
 * and works in its own tabs. Builds under test still launch their own browser, as users' do.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser: Browser = await launch({ executablePath: findBrowser(), headless: true, args: launchArgs() });
  project.provide('browserWSEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
