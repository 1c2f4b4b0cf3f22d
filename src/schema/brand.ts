import { z } from 'zod';
import { Bilingual, describeValue } from './text.js';

const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, {
    error: (iss) => `expected a colour as #rrggbb, found ${describeValue(iss.input)}`,
  });

/** Longest name (brand, font family, package) a brand may give. */
const MAX_NAME = 100;

const Face = z.strictObject({
  package: z
    .string()
    .regex(/^@fontsource\/[a-z0-9-]+$/, {
      error: (iss) =>
        `expected a @fontsource/… font package, found ${describeValue(iss.input)}`,
    })
    .max(MAX_NAME, { error: (iss) => `font package name is too long (${String((iss.input as string).length)} characters; at most ${MAX_NAME})` })
    .describe('An npm @fontsource package that is installed'),
  // A font's name table holds at most 64 KB; a 40,000-character family broke font embedding with a
  // RangeError (issue 10.12). Real family names are a few words.
  family: z
    .string()
    .min(1)
    .max(MAX_NAME, { error: (iss) => `font family name is too long (${String((iss.input as string).length)} characters; at most ${MAX_NAME})` })
    .describe('The family name as the package names it'),
});

/**
 * Office fonts that exist wherever PowerPoint does: Windows has both, and Office for Mac
 * installs Microsoft JhengHei and Calibri with itself.
 */
export const OFFICE_FONTS = { zh: 'Microsoft JhengHei', en: 'Calibri' } as const;

export const Brand = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).max(MAX_NAME, { error: (iss) => `brand name is too long (${String((iss.input as string).length)} characters; at most ${MAX_NAME})` }),
    palette: z
      .strictObject({
        primary: Colour.describe('Header band and headings'),
        onPrimary: Colour.describe('Text on the primary colour'),
        accent: Colour.describe('Rules, area numbers, bullets'),
        background: Colour,
        surface: Colour.describe('Cards behind initiatives'),
        text: Colour,
        muted: Colour.describe('Secondary text: the English line under Chinese, the footer'),
        funding: Colour.describe('Funding badge background'),
        onFunding: Colour.describe('Funding badge text'),
      })
      .describe('Colours; pairs used for text must meet WCAG AA contrast'),
    wordmark: Bilingual.describe("The organisation's wordmark, shown in the footer and on title slides"),
    fonts: z.strictObject({
      zh: Face.describe('Chinese face (HK glyph forms)'),
      en: Face.describe('Latin face for English'),
      weights: z
        .array(z.union([z.literal(400), z.literal(500), z.literal(700)]))
        .min(1)
        .default([400, 700]),
    }),
    office: z
      .strictObject({
        zh: z
          .string()
          .min(1)
          .default(OFFICE_FONTS.zh)
          .describe('Chinese text in PowerPoint: an installed font with Traditional Chinese (HK) glyphs'),
        en: z.string().min(1).default(OFFICE_FONTS.en).describe('English text in PowerPoint'),
      })
      .default(OFFICE_FONTS)
      .describe(
        'Fonts for the editable PowerPoint (build --pptx). PowerPoint cannot use the web fonts of the HTML deck, so name fonts the readers have installed; the defaults ship with Windows and with Office for Mac',
      ),
    footer: z
      .strictObject({
        slideNumber: z.boolean().default(true),
        section: z.boolean().default(true),
      })
      .default({ slideNumber: true, section: true }),
  })
  .describe('A bideck brand: palette, wordmark, fonts and footer');
export type Brand = z.infer<typeof Brand>;
