import type { MunicipalityFile } from '../../core/schema/municipality';
import type { LogEntry } from './change-log';

/** One line of the plan appendix "Ændringer siden sidste statusmåling". */
export interface ChangeSinceRound {
  at: string;
  by: string;
  itemId: string | null;
  itemTitle: string | null;
  field: string;
  value?: unknown;
}

/**
 * The changes made after the latest assessment round was recorded, newest last, for the plan's
 * optional appendix; bookkeeping and the conversion from JSON are left out. Pure: give it the log.
 */
export function changesSinceLastRound(file: MunicipalityFile, log: readonly LogEntry[]): ChangeSinceRound[] {
  const latest = file.assessment.snapshots.reduce<string | null>((max, s) => (max === null || s.recordedAt > max ? s.recordedAt : max), null);
  const titles = new Map(file.items.map((i) => [i.id, i.title]));
  return log
    .filter((entry) => latest === null || entry.at > latest)
    .flatMap((entry) =>
      entry.what
        .filter((w) => w.field !== 'created' && w.field !== 'updatedAt')
        .map((w) => ({ at: entry.at, by: entry.by, itemId: w.item ?? null, itemTitle: w.item === undefined ? null : (titles.get(w.item) ?? null), field: w.field, ...(w.value === undefined ? {} : { value: w.value }) })),
    );
}
