import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAssets } from '../../src/pipeline/assets.js';
import { speakerViewHtml, speakerViewScriptHashes } from '../../src/render/speaker.js';

const { notesJs } = await readAssets();

describe('the speaker view under the deck CSP', () => {
  it('finds the page reveal.js writes into the speaker window, with its one script', () => {
    const html = speakerViewHtml(notesJs) ?? '';
    expect(html).toMatch(/^\s*<!--[\s\S]*<html lang="en">[\s\S]*<\/html>$/);
    expect(html).toContain('</script>'); // cooked: `<\/script>` in the JS source
    expect(html).toContain('var urlSeparator = /\\?/.test(data.url)'); // `\\?` in the source
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('lists the hash of that script', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(speakerViewHtml(notesJs) ?? '')?.[1] ?? '';
    expect(speakerViewScriptHashes(notesJs)).toEqual([`'sha256-${createHash('sha256').update(script).digest('base64')}'`]);
  });

  it('cooks template-literal escapes as JavaScript does', () => {
    const js = 'w.document.write(`a\\x41\\u0042\\u{43}\\\\d\\`e\\/f\\ng`),x';
    expect(speakerViewHtml(js)).toBe('aABC\\d`e/f\ng');
    expect(speakerViewHtml('nothing here')).toBeUndefined();
    expect(speakerViewScriptHashes('nothing here')).toEqual([]);
  });
});
