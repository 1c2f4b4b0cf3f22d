import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../../src/serve/serve.js';
import type { ServeHandle } from '../../src/serve/serve.js';
import type { RebuildResult } from '../../src/serve/live.js';
import { EXAMPLE_DECK } from '../helpers/example.js';
import { copySeed } from '../helpers/seed-copy.js';

/** Wait for rebuilds until one satisfies `done` (bounded: a watcher that went deaf fails the test). */
async function rebuiltUntil(handle: ServeHandle, done: (r: RebuildResult) => boolean | Promise<boolean>, limitMs = 30_000): Promise<RebuildResult> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('no matching rebuild: the file change was not seen');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const r = await Promise.race([handle.nextRebuild(), new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), left);
    })]);
    clearTimeout(timer);
    if (r && (await done(r))) return r;
  }
}

async function shows(handle: ServeHandle, text: string): Promise<boolean> {
  return (await (await fetch(handle.url)).text()).includes(text);
}

/** Issue 10.11: `serve` went deaf to a deck deleted and recreated, and to a brand broken from the start. */
describe('serve keeps watching files that are replaced', () => {
  let handle: ServeHandle | undefined;
  afterEach(async () => handle?.close());

  it('a deck deleted and recreated (git checkout) or saved by rename is rebuilt', async () => {
    const seed = copySeed('bideck-replaced-');
    const original = readFileSync(seed.deck, 'utf8');
    handle = await serve({ deckPath: seed.deck, log: () => undefined });
    const h = handle;
    expect(await shows(h, 'Digital Economy')).toBe(true);

    rmSync(seed.deck);
    await rebuiltUntil(h, (r) => !r.ok);
    writeFileSync(seed.deck, original.replace('en: Digital Economy\n', 'en: Recreated Economy\n'));
    await rebuiltUntil(h, async (r) => r.ok && (await shows(h, 'Recreated Economy')));

    const temp = join(seed.dir, '.deck.yaml.swp');
    writeFileSync(temp, original.replace('en: Digital Economy\n', 'en: Renamed Economy\n'));
    renameSync(temp, seed.deck);
    await rebuiltUntil(h, async (r) => r.ok && (await shows(h, 'Renamed Economy')));
  }, 120_000);

  it('a brand broken when serve starts is picked up once fixed', async () => {
    const seed = copySeed('bideck-broken-brand-');
    const brand = join(seed.dir, 'brands', 'hkgov.yaml');
    const good = readFileSync(brand, 'utf8');
    writeFileSync(seed.deck, readFileSync(seed.deck, 'utf8').replace(/^ {2}brand: .*$/m, '  brand: brands/hkgov.yaml'));
    writeFileSync(brand, good.replace(/primary: "?#[0-9a-fA-F]{6}"?/, 'primary: "red"'));
    const logs: string[] = [];
    handle = await serve({ deckPath: seed.deck, log: (l) => logs.push(l) });
    expect(logs.join('\n')).toMatch(/brands\/hkgov\.yaml:\d+:\d+ palette\.primary: expected a colour/);

    writeFileSync(brand, good);
    const h = handle;
    await rebuiltUntil(h, (r) => r.ok);
    expect(await shows(h, 'Digital Economy')).toBe(true);
  }, 120_000);

  it('an image the deck shows (the logo, a photo) is watched: replacing it rebuilds the deck', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bideck-image-watch-'));
    cpSync(dirname(EXAMPLE_DECK), dir, { recursive: true });
    const deck = join(dir, 'deck.yaml');
    handle = await serve({ deckPath: deck, log: () => undefined });
    const h = handle;
    const photo = join(dir, 'skyline.png');
    const before = readFileSync(photo).toString('base64').slice(0, 200);
    expect(await (await fetch(h.url)).text()).toContain(before);
    // Another valid PNG under the same name: a 1×1 pixel.
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    writeFileSync(photo, pixel);
    await rebuiltUntil(h, async (r) => r.ok && (await (await fetch(h.url)).text()).includes(pixel.toString('base64').slice(0, 60)));
  }, 120_000);
});
