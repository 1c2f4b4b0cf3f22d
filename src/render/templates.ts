import Handlebars from 'handlebars';
import { BideckError } from '../errors.js';
import { renderInline, textLang } from './markdown.js';
import { compileTemplate, isKnown } from './precompiled.js';

/** A template's text and the file it came from (for error locations). */
export interface TemplateSource {
  source: string;
  file: string;
}

/** Template sources by name: `deck`, `layouts/<layout>`, `partials/<name>`. */
export type TemplateSources = Readonly<Record<string, TemplateSource>>;

export interface CompiledTemplates {
  deck: Handlebars.TemplateDelegate;
  layouts: ReadonlyMap<string, Handlebars.TemplateDelegate>;
  /** Where each template came from, by name. */
  files: ReadonlyMap<string, string>;
}

/**
 * Compile once per set of sources. Each set gets its own Handlebars environment, so a
 * second brand or template folder never sees another's partials.
 */
export function compileTemplates(sources: TemplateSources): CompiledTemplates {
  const hb = Handlebars.create();
  hb.registerHelper('md', (text: unknown, lang: unknown) => new hb.SafeString(renderInline(typeof text === 'string' ? text : '', textLang(lang))));
  hb.registerHelper('inc', (n: unknown) => (typeof n === 'number' ? n + 1 : 1));
  const layouts = new Map<string, Handlebars.TemplateDelegate>();
  let deck: Handlebars.TemplateDelegate | undefined;
  const files = new Map<string, string>();
  for (const [name, { source, file }] of Object.entries(sources)) {
    files.set(name, file);
    if (!isKnown(source)) parseOrThrow(hb, source, file);
    const compile = () => compileTemplate(hb, source);
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), compile());
    else if (name.startsWith('layouts/')) layouts.set(name.slice('layouts/'.length), compile());
    else if (name === 'deck') deck = compile();
  }
  if (!deck) throw new BideckError('render', 'template "deck" is missing from the templates folder');
  return { deck, layouts, files };
}

/** Handlebars compiles lazily; parse now so a syntax error names its file and line up front. */
function parseOrThrow(hb: typeof Handlebars, source: string, file: string): void {
  try {
    hb.parse(source);
  } catch (cause) {
    const e = cause as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? Number(/on line (\d+)/.exec(e.message)?.[1] ?? NaN);
    // Handlebars' last line says what it expected ("Expecting 'OPEN_ENDBLOCK', got 'EOF'").
    const lines = e.message.split('\n').filter(Boolean);
    const what = /got 'EOF'/.test(e.message) ? 'a block ({{#…}}) is not closed before the end of the file' : (lines.at(-1) ?? e.message);
    throw new BideckError('render', `template syntax error: ${what}`, {
      location: Number.isFinite(line) ? { file, line, column: (e.column ?? 0) + 1 } : { file },
      cause,
    });
  }
}

/** Run a template, turning its failures into a render error that names its file. */
export function runTemplate(templates: CompiledTemplates, name: string, template: Handlebars.TemplateDelegate, context: unknown): string {
  try {
    return template(context);
  } catch (cause) {
    throw new BideckError('render', `template ${name} failed: ${(cause as Error).message.split('\n')[0] ?? ''}`, {
      location: { file: templates.files.get(name) ?? `templates/${name}.hbs` },
      cause,
    });
  }
}
