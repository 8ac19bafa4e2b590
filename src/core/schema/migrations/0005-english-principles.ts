import type { Migration } from './index';

/**
 * Schema 5 → 6: the pack's English may appear on an item's principles (`en.title`,
 * `en.description`), observable signs (`en.text`) and tools (`en.name`, `en.purpose`), and its
 * resource notes in English in the item's `en.resourceNotes`. All optional, so a version-5 file is
 * already a valid version-6 file, and nothing is written into it: the step is idempotent, and a
 * document shared on the engine is not changed by merely being read. A pack update brings the
 * English in. The number goes up so that an older Milepæl, whose strict schema would refuse the new
 * fields and set the file aside as damaged, asks for an update instead.
 */
export const englishPrinciples: Migration = {
  from: 5,
  describe: "allow the pack's English on principles, observable signs, resource notes and tools (all optional)",
  up: (file) => ({ ...file }),
};
