import { z } from 'zod';

/** Longest text a single segment may hold; longer is almost certainly a paste accident. */
export const MAX_TEXT = 2000;

// C0/C1 controls (tab and newline are fine) and bidi overrides/isolates (Trojan Source, CVE-2021-42574)
// have no place in slide text: they are invisible in editors and can reorder what readers see.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export function describeValue(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (typeof input === 'string') {
    const s = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return `text ${JSON.stringify(s)}`;
  }
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return `${input}`;
  if (Array.isArray(input)) return 'a list';
  return 'a mapping';
}

// The same characters written as numeric character references: markdown-it decodes `&#x202E;`
// into the very override the rule above refuses (issue 10.7). No named HTML entity maps to them.
const REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?/g;

/** The first forbidden character, as written: itself or a character reference to it. */
function forbiddenIn(s: string): { cp: number; written?: string } | undefined {
  const direct = FORBIDDEN.exec(s);
  if (direct) return { cp: direct[0].codePointAt(0) ?? 0 };
  for (const m of s.matchAll(REFERENCE)) {
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (cp <= 0x10ffff && FORBIDDEN.test(String.fromCodePoint(cp))) return { cp, written: m[0] };
  }
  return undefined;
}

function codePointName(s: string): string {
  const found = forbiddenIn(s);
  const name = `U+${(found?.cp ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return found?.written ? `${name}, written as ${JSON.stringify(found.written)}` : name;
}

/** One language's text of a segment. Inline markdown (bold); a newline is a line break. */
export function languageText(language: 'Chinese' | 'English') {
  return z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `${language} text is missing`
          : `expected ${language} text, found ${describeValue(iss.input)}`,
    })
    .max(MAX_TEXT, {
      error: (iss) =>
        `${language} text is too long (${String((iss.input as string).length)} characters; at most ${MAX_TEXT})`,
    })
    .refine((s) => forbiddenIn(s) === undefined, {
      error: (iss) =>
        `${language} text contains an invisible control character (${codePointName(iss.input as string)}); remove it`,
    });
}

/** A bilingual segment: the same content in Traditional Chinese (HK) and English. */
export const Bilingual = z
  .strictObject({
    zh: languageText('Chinese').describe('Traditional Chinese (Hong Kong) text, inline markdown'),
    en: languageText('English').describe('English text, inline markdown'),
    shared: z
      .boolean()
      .optional()
      .describe('The text is a name used verbatim in both languages (QA does not flag it)'),
  })
  .describe('Text in both languages');
export type Bilingual = z.infer<typeof Bilingual>;

/** Ids become file names (`<id>.handout.pdf`), anchors and XLIFF unit ids: keep them short. */
export const MAX_ID = 64;

export const Id = z
  .string()
  .max(MAX_ID, {
    error: (iss) => `id is too long (${String((iss.input as string).length)} characters; at most ${MAX_ID})`,
  })
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: (iss) =>
      `expected an id of lowercase letters, digits and dashes, found ${describeValue(iss.input)}`,
  })
  .describe(`Stable id: lowercase letters, digits and dashes, at most ${MAX_ID} characters`);

export const Notes = Bilingual.partial({ zh: true, en: true }).describe(
  'Speaker notes, shown in the speaker view and on handouts',
);
export type Notes = z.infer<typeof Notes>;
