// fontverter ships no types; this is the part of its API bideck uses.
declare module 'fontverter' {
  type Format = 'truetype' | 'sfnt' | 'woff' | 'woff2';
  export function convert(font: Buffer | Uint8Array, to: Format, from?: Format): Promise<Buffer>;
  export function detectFormat(font: Buffer | Uint8Array): Format;
  const fontverter: { convert: typeof convert; detectFormat: typeof detectFormat };
  export default fontverter;
}
