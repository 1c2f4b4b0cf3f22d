import type { Project } from '../load/project.js';
import { withBrowser } from '../export/browser.js';
import { setPdfMetadata } from '../export/metadata.js';
import { exportPdf } from '../export/pdf.js';
import { outline } from '../model/outline.js';
import { MODE_LANG, deckTitle } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { plainText } from '../render/markdown.js';
import { timed } from './log.js';
import type { Reporter, StageTiming } from './log.js';

export interface ModePdf {
  mode: Mode;
  pdf: Uint8Array;
  overflowing: string[];
}

interface Context {
  version: string;
  reporter: Reporter;
  timings: StageTiming[];
  env?: NodeJS.ProcessEnv;
}

/** All modes in one browser, each in its own page, concurrently. */
export async function exportPdfs(htmlFiles: readonly { mode: Mode; file: string }[], project: Project, ctx: Context): Promise<ModePdf[]> {
  const { meta } = project.model.deck;
  const date = process.env['SOURCE_DATE_EPOCH'] ? new Date(Number(process.env['SOURCE_DATE_EPOCH']) * 1000) : new Date();
  return withBrowser(
    (browser) =>
      Promise.all(
        htmlFiles.map(({ mode, file }) =>
          timed(ctx.timings, ctx.reporter, `pdf ${mode}`, async () => {
            const result = await exportPdf(browser, file, { mode });
            const lang = mode === 'en' ? 'en' : 'zh';
            const pdf = await setPdfMetadata(result.pdf, {
              title: deckTitle(project.model, mode),
              author: plainText(meta.organisation[lang]),
              subject: plainText(meta.title[lang]).replace(/\s*\n\s*/g, ' '),
              keywords: ['bideck', meta.id, meta.date],
              language: MODE_LANG[mode],
              creator: `bideck ${ctx.version}`,
              date,
              outline: outline(project.model, mode),
            });
            return { mode, pdf, overflowing: result.overflowing };
          }, (r) => `${r.pdf.length} bytes`),
        ),
      ),
    ctx.env,
  );
}
