/** HK government briefings write dates day/month/year without padding: 24/2/2023. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}
