/** HK government briefings write dates day/month/year without padding: 24/2/2023. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A milestone's date (YYYY-MM or YYYY-MM-DD) as each language writes it: 2025年3月 / March 2025. */
export function formatMilestone(iso: string): { zh: string; en: string } {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  if (d === undefined) return { zh: `${y ?? ''}年${m ?? ''}月`, en: `${month} ${y ?? ''}` };
  return { zh: `${y ?? ''}年${m ?? ''}月${d}日`, en: `${d} ${month} ${y ?? ''}` };
}
