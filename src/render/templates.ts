import Handlebars from 'handlebars';
import { BideckError } from '../errors.js';
import { renderInline } from './markdown.js';

/** Template sources by name: `deck`, `layouts/<layout>`, `partials/<name>`. */
export type TemplateSources = Readonly<Record<string, string>>;

export interface CompiledTemplates {
  deck: Handlebars.TemplateDelegate;
  layouts: ReadonlyMap<string, Handlebars.TemplateDelegate>;
}

/**
 * Compile once per set of sources. Each set gets its own Handlebars environment, so a
 * second brand or template folder never sees another's partials.
 */
export function compileTemplates(sources: TemplateSources): CompiledTemplates {
  const hb = Handlebars.create();
  hb.registerHelper('md', (text: unknown) => new hb.SafeString(renderInline(typeof text === 'string' ? text : '')));
  hb.registerHelper('inc', (n: unknown) => (typeof n === 'number' ? n + 1 : 1));
  const layouts = new Map<string, Handlebars.TemplateDelegate>();
  let deck: Handlebars.TemplateDelegate | undefined;
  for (const [name, source] of Object.entries(sources)) {
    const compile = () => hb.compile(source, { noEscape: false, preventIndent: true });
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
    else if (name.startsWith('layouts/')) layouts.set(name.slice('layouts/'.length), compile());
    else if (name === 'deck') deck = compile();
  }
  if (!deck) throw new BideckError('render', 'template "deck" is missing from the templates folder');
  return { deck, layouts };
}

/** Run a template, turning its failures into a render error that names it. */
export function runTemplate(name: string, template: Handlebars.TemplateDelegate, context: unknown): string {
  try {
    return template(context);
  } catch (cause) {
    throw new BideckError('render', `template ${name} failed: ${(cause as Error).message}`, {
      location: { file: `templates/${name}.hbs` },
      cause,
    });
  }
}
