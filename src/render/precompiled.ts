import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';

/**
 * The options every bideck template is compiled with: escaped output, partials not re-indented.
 * A fresh object each time: Handlebars adds its own settings to the object it is given.
 */
const compileOptions = () => ({ noEscape: false, preventIndent: true });
const OPTIONS_KEY = JSON.stringify(compileOptions());

/**
 * Templates as Handlebars precompiles them (a JavaScript spec), kept by the pipeline's cache
 * (pipeline/template-cache.ts) and made known here before rendering. Compiling bideck's 24
 * templates took ≈ 60 ms of every build, a seventh of an HTML-only build; turning a spec back
 * into a template takes ≈ 3 ms. A source with no known spec is compiled as before.
 */
const known = new Map<string, string>();

/** The cache's key of a template (its file name): what its compiled form depends on. */
export function specKey(source: string): string {
  return createHash('sha256').update(`handlebars ${Handlebars.VERSION}\0${OPTIONS_KEY}\0`).update(source).digest('hex');
}

/** Make a source's precompiled spec known (from the cache, or just precompiled). */
export function knowSpec(source: string, spec: string): void {
  known.set(source, spec);
}

/** Whether a source's spec is known: it was compiled before, so it parses. */
export function isKnown(source: string): boolean {
  return known.has(source);
}

/** Precompile a template source to its spec (the source must parse). */
export function precompileSpec(source: string): string {
  return Handlebars.precompile(source, compileOptions()) as string;
}

/** A template of `hb` from its source: from its known spec if there is one, else compiled. */
export function compileTemplate(hb: typeof Handlebars, source: string): Handlebars.TemplateDelegate {
  const spec = known.get(source);
  // The spec is Handlebars' own output for this exact source, read from bideck's cache.
  if (spec !== undefined) return hb.template(new Function(`return ${spec}`)() as TemplateSpecification);
  return hb.compile(source, compileOptions());
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
