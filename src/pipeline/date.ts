import { BideckError } from '../errors.js';

/** 9999-12-31T23:59:59Z: the last second a PDF date (D:YYYYMMDDHHmmSS) can hold. */
const LAST_PDF_SECOND = 253_402_300_799;

/**
 * The date written into PDFs: SOURCE_DATE_EPOCH when set (reproducible builds), else now.
 * The spec (reproducible-builds.org/specs/source-date-epoch) asks tools to fail on a malformed
 * value rather than guess; `abc` used to become `D:0NaNNaN…` in the PDF (issue 10.13).
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const value = env['SOURCE_DATE_EPOCH'];
  if (value === undefined || value === '') return new Date();
  if (!/^[0-9]+$/.test(value) || Number(value) > LAST_PDF_SECOND) {
    throw new BideckError(
      'usage',
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (at most ${LAST_PDF_SECOND}), found ${JSON.stringify(value)}`,
    );
  }
  return new Date(Number(value) * 1000);
}
