import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outputName } from '../pipeline/build.js';
import { silentReporter } from '../pipeline/log.js';
import type { Reporter } from '../pipeline/log.js';
import type { ModePdf } from '../pipeline/pdfs.js';
import { renderMode } from '../pipeline/stages.js';
import { addToManifest, claimOutputFolder } from '../pipeline/output-folder.js';
import { BideckError } from '../errors.js';
import type { Mode } from '../render/deck.js';
import type { LiveDeck } from './live.js';

/**
 * PDFs on demand, as `bideck build` makes them: the mode's deck file (without the live client)
 * and its PDF are written to the output folder, the only place `serve` writes, then the PDF is
 * served. One export per mode and generation; a browser only for as long as an export runs.
 * The same export measures the slides, so the mode's PowerPoint needs no second browser.
 */
export class PdfMaker {
  private readonly made = new Map<string, Promise<ModePdf>>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly live: LiveDeck,
    private readonly outDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly reporter: Reporter = silentReporter,
    /** What the output folder must not hold: the deck, its data, the templates (output-folder.ts). */
    private readonly protect: () => string[] = () => [],
  ) {}

  get(mode: Mode): Promise<Uint8Array> {
    return this.export(mode).then((r) => r.pdf);
  }

  /** The mode's editable PowerPoint (`build --pptx`), from the same export as its PDF. */
  async pptx(mode: Mode): Promise<Uint8Array> {
    const s = this.live.snapshot;
    const result = await this.export(mode);
    if (!s || !result.boxes) throw new BideckError('export', `no layout came back for the ${mode} deck`);
    // Loaded on first use, like the PDF export: serving HTML never loads pptxgenjs or pdf-lib.
    const { modePptx } = await import('../pipeline/pptx.js');
    const pptx = await modePptx(s.project, mode, result.boxes, s.toolkit.version);
    await this.write(outputName(s.project.model.deck.meta.id, mode, 'pptx'), pptx);
    return pptx;
  }

  private export(mode: Mode): Promise<ModePdf> {
    const s = this.live.snapshot;
    if (!s) return Promise.reject(new BideckError('export', 'there is no good build of the deck yet'));
    const key = `${s.generation}:${mode}`;
    let pdf = this.made.get(key);
    if (!pdf) {
      for (const k of this.made.keys()) if (!k.startsWith(`${s.generation}:`)) this.made.delete(k);
      pdf = (async () => {
        const id = s.project.model.deck.meta.id;
        const html = await this.write(outputName(id, mode, 'html'), renderMode(s.project, s.toolkit, s.fontCss, mode));
        const { exportPdfs } = await import('../pipeline/pdfs.js');
        const [result] = await exportPdfs([{ mode, file: html }], s.project, {
          version: s.toolkit.version,
          reporter: this.reporter,
          timings: [],
          env: this.env,
          ownSignals: true,
          boxes: true,
        });
        if (!result) throw new BideckError('export', `no PDF came back for the ${mode} deck`);
        await this.write(outputName(id, mode, 'pdf'), result.pdf);
        return result;
      })();
      pdf.catch(() => this.made.delete(key));
      this.made.set(key, pdf);
      const done = pdf.catch(() => undefined).finally(() => this.running.delete(done));
      this.running.add(done);
    }
    return pdf;
  }

  /** Wait for exports in flight, so no browser outlives `serve`. */
  async close(): Promise<void> {
    await Promise.all([...this.running]);
  }

  /**
   * Write next to the target and rename over it: a reader never sees half a file. The folder
   * follows the build's rules: bideck's own, and the file joins its manifest.
   */
  private async write(name: string, data: string | Uint8Array): Promise<string> {
    const { dir } = await claimOutputFolder(this.outDir, { protect: this.protect() });
    const file = join(dir, name);
    const tmp = join(dir, `.bideck-stage-${process.pid}-${name}`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, data);
      await rename(tmp, file);
      await addToManifest(dir, [name]);
    } catch (cause) {
      throw new BideckError('io', `cannot write ${file}: ${(cause as Error).message}`, { cause });
    }
    return file;
  }
}
