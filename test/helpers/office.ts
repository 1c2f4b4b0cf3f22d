import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fontverter from 'fontverter';

/** LibreOffice's command, if installed (Debian libreoffice-impress). */
export function soffice(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * The fonts of a built HTML deck (its embedded subsets) as TrueType files, and a fontconfig
 * file that offers them to LibreOffice under the brand's Office names. This machine has
 * neither Microsoft JhengHei nor Calibri (nor any CJK font): without this, LibreOffice draws
 * Chinese as empty boxes. The text is still there either way; this is for looking at it.
 */
export async function officeFonts(htmlFile: string, dir: string, aliases: Record<string, string>): Promise<string> {
  const html = readFileSync(htmlFile, 'utf8');
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  let n = 0;
  for (const m of html.matchAll(/font-weight:(\d+);[^}]*?data:font\/[^;]+;base64,([A-Za-z0-9+/=]+)/g)) {
    const ttf = await fontverter.convert(Buffer.from(m[2] ?? '', 'base64'), 'truetype');
    writeFileSync(join(fonts, `font-${n++}-${m[1] ?? ''}.ttf`), ttf);
  }
  const alias = Object.entries(aliases)
    .map(([from, to]) => `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`)
    .join('');
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir>${alias}</fontconfig>`);
  return conf;
}

/**
 * Convert .pptx files to PDF with LibreOffice, headless, in one run; a private profile so
 * parallel runs (other test files, other users) never share one. Returns the PDFs' paths.
 */
export function officeToPdf(files: readonly string[], outDir: string, fontsConf?: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), `lo-${process.pid}-`));
  try {
    execFileSync(soffice() ?? 'soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      stdio: 'ignore',
      timeout: 180_000,
      env: { ...process.env, ...(fontsConf ? { FONTCONFIG_FILE: fontsConf } : {}) },
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, basename(f).replace(/\.pptx$/, '.pdf')));
}

export interface PdfWord {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Every word poppler finds, with its box in points, and each page's size. */
export function pdfWords(file: string): { pages: { w: number; h: number }[]; words: PdfWord[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: { w: number; h: number }[] = [];
  const words: PdfWord[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
    if (m[1]) pages.push({ w: Number(m[1]), h: Number(m[2]) });
    else words.push({ page: pages.length, x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]), text: m[7] ?? '' });
  }
  return { pages, words };
}
