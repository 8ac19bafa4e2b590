import type { Migration } from './index';

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Schema 1 → 2: assessment rounds, the reassessment cadence and the conference tally arrive;
 * pack items remember the pack's wording so later pack updates can spot local rewordings.
 * A version-1 file cannot say whether its texts were edited, so its current texts count as the pack's.
 */
export const addHistory: Migration = {
  from: 1,
  describe: 'add assessment rounds, cadence, conference tally and the pack wording of each item',
  up: (file) => {
    const items = Array.isArray(file.items) ? file.items : [];
    return {
      ...file,
      framework: isObject(file.framework) ? { tally: null, ...file.framework } : file.framework,
      items: items.map((item: unknown) => {
        if (!isObject(item) || item.origin !== 'pack') return item;
        const questions = Array.isArray(item.questions) ? item.questions : [];
        return {
          packTitle: item.title,
          ...item,
          questions: questions.map((q: unknown) => (isObject(q) && q.origin === 'pack' ? { packText: q.text, ...q } : q)),
        };
      }),
      assessment: isObject(file.assessment) ? file.assessment : { cadenceMonths: 6, snapshots: [] },
      conferences: isObject(file.conferences) ? file.conferences : { targets: [], counts: [] },
    };
  },
};
