import sax from 'sax';
import { BideckError } from '../errors.js';

/** An element of a parsed XML document: its name, attributes and children in order. */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: (XmlElement | string)[];
  /** 1-based line and column of the start tag, for located errors. */
  line: number;
  column: number;
}

/**
 * Parse well-formed XML into elements and text. sax in strict mode, stopping at the first
 * error: xml-js (what the `xliff` package parses with) records sax's errors and carries on, so
 * a truncated file parses "fine". Only XML's own entities are known (no DTD, no expansion).
 */
export function parseXml(xml: string, file: string): XmlElement {
  const parser = sax.parser(true, { strictEntities: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onerror = (error) => {
    // sax: "Unexpected close tag\nLine: 4\nColumn: 12\nChar: >", line counted from 0
    const [what = 'invalid XML'] = error.message.split('\n');
    throw new BideckError('data', `malformed XLIFF (not well-formed XML): ${what.charAt(0).toLowerCase()}${what.slice(1)}`, {
      location: { file, line: parser.line + 1, column: parser.column },
      cause: error,
    });
  };
  parser.onopentag = (tag) => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], line: parser.line + 1, column: parser.column };
    stack.at(-1)?.children.push(el);
    stack.push(el);
    root ??= el;
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = parser.oncdata = (text) => void stack.at(-1)?.children.push(text);
  // Line ends normalised as an XML parser must (XML 1.0 §2.11); sax leaves CR LF as it is.
  parser.write(xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).close();
  if (!root) throw new BideckError('data', 'not an XLIFF file: it holds no XML element', { location: { file } });
  return root;
}

/** Child elements, skipping text between them. */
export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}
