import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';

/** The day `months` calendar months before `isoDate` (clamped to the month's last day). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** When the item's status was last looked at: confirmed, changed, or (never touched) when the file was made. */
export function lastReviewed(item: ChecklistItem, file: MunicipalityFile): string {
  return (item.reviewedAt ?? item.statusChangedAt ?? file.createdAt).slice(0, 10);
}

/**
 * Stale: the status has not been reviewed within the municipality's cadence. Items in place or
 * not relevant are not flagged; neither is anything when no cadence is set.
 */
export function isStale(item: ChecklistItem, file: MunicipalityFile, today: string): boolean {
  const cadence = file.assessment.cadenceMonths;
  if (cadence === null || item.status === 'in_place' || item.status === 'not_relevant') return false;
  return lastReviewed(item, file) < monthsBefore(today, cadence);
}
