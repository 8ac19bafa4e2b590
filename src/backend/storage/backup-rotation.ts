/** Backup names are UTC timestamps, `2026-11-22T10-15-00-123Z.json`, so they sort by age. */
export function backupName(at: Date): string {
  return `${at.toISOString().replace(/:/g, '-').replace('.', '-')}.json`;
}

const NAME = /^(\d{4}-\d{2}-\d{2})T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/;

export interface RotationPolicy {
  today: number;
  perEarlierDay: number;
  max: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { today: 3, perEarlierDay: 1, max: 10 };

/**
 * Which backups to keep: the newest `today` ones from today, the newest one of each earlier
 * day, and never more than `max` in all (the oldest days go first). Unrecognised names are kept.
 */
export function backupsToDelete(names: readonly string[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const today = now.toISOString().slice(0, 10);
  const dated = names.filter((n) => NAME.test(n)).sort().reverse();
  const keep: string[] = [];
  const daysSeen = new Map<string, number>();
  for (const name of dated) {
    const day = NAME.exec(name)?.[1] ?? '';
    const count = daysSeen.get(day) ?? 0;
    const limit = day >= today ? policy.today : policy.perEarlierDay;
    if (count < limit && keep.length < policy.max) {
      keep.push(name);
      daysSeen.set(day, count + 1);
    }
  }
  return dated.filter((n) => !keep.includes(n));
}
