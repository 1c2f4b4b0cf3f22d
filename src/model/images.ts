import sax from 'sax';

export type ImageType = 'png' | 'jpeg' | 'svg';
export const IMAGE_MIME: Readonly<Record<ImageType, string>> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

/**
 * Largest image bideck embeds. Each HTML deck carries it as base64 (×4/3), once per mode; a
 * slide never needs more than a 4K photo, and a 20 MB file is a camera original, not a slide image.
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** An image as the deck embeds it. */
export interface ImageAsset {
  type: ImageType;
  bytes: number;
  /** `data:` URI: the HTML stays one self-contained file, allowed by the CSP's `img-src data:`. */
  uri: string;
}

/** The type by content (magic bytes), never by the file name: PNG signature, JPEG SOI, or SVG markup. */
export function sniffImage(buf: Uint8Array): ImageType | undefined {
  const starts = (sig: readonly number[]) => sig.every((b, i) => buf[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  const head = new TextDecoder('utf-8').decode(buf.subarray(0, 4096)).replace(/^\uFEFF/, '');
  // XML declaration, comments and a doctype may come before the root; the root must be <svg>.
  const body = head.replace(/^\s*(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*/i, '');
  return /^<svg[\s>]/.test(body) ? 'svg' : undefined;
}

const SVG_BANNED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video', 'handler', 'listener']);

/**
 * Why an SVG is not inert, or undefined when it is. bideck refuses rather than strips: a
 * changed picture that still builds hides the problem from whoever supplied it. Inert means no
 * script (elements or on* handlers), no entity declarations, and no reference to anything
 * outside the file (href / xlink:href / url() other than a same-file "#id" or a data: image).
 */
export function svgProblem(text: string): string | undefined {
  if (/<!ENTITY/i.test(text)) return 'declares XML entities';
  const parser = sax.parser(true, { position: true });
  let problem: string | undefined;
  const external = (v: string) => !/^\s*(#|data:image\/(png|jpeg|gif);)/i.test(v);
  parser.onopentag = (tag) => {
    if (problem) return;
    const name = tag.name.toLowerCase().replace(/^.*:/, '');
    if (SVG_BANNED_ELEMENTS.has(name)) problem = `holds a <${tag.name}> element`;
    // SMIL can rewrite a link after the check: <set attributeName="href" to="javascript:…">.
    else if ((name === 'set' || name === 'animate') && /href$/i.test(tag.attributes.attributeName ?? '')) problem = `animates a link (<${tag.name} attributeName="${tag.attributes.attributeName ?? ''}">)`;
    for (const [attr, value] of Object.entries(tag.attributes)) {
      if (problem) break;
      const a = attr.toLowerCase();
      if (a.startsWith('on')) problem = `has an event handler attribute (${attr})`;
      else if ((a === 'href' || a.endsWith(':href')) && external(value)) problem = `refers to ${JSON.stringify(value.slice(0, 60))} outside the file (${attr})`;
      else if (/url\(\s*['"]?(?!#)/i.test(value) || /@import/i.test(value)) problem = `refers to a resource outside the file (${attr})`;
    }
  };
  parser.ontext = (t) => {
    if (!problem && (/@import/i.test(t) || /url\(\s*['"]?(?!#|data:image)/i.test(t))) problem = 'has a style that loads a resource outside the file';
  };
  parser.onerror = (e) => {
    problem ??= `is not well-formed XML (${e.message.split('\n')[0] ?? ''})`;
    throw e;
  };
  try {
    parser.write(text).close();
  } catch {
    // problem is set by onerror
  }
  return problem;
}
