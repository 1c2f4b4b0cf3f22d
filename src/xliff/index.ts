export { exportXliff } from './export.js';
export type { ExportResult } from './export.js';
export { importXliff } from './import.js';
export type { ImportChange, ImportResult } from './import.js';
export { readXliff } from './read.js';
export type { ReadUnit } from './read.js';
export { exportUnits, SOURCE_LANG, TARGET_LANG } from './units.js';
export type { XliffUnit } from './units.js';
export { writeXliff } from './write.js';
