import type { Migration } from './index';

/**
 * Schema 4 → 5: the pack's English texts may appear (an item's English intro in `en.intro`, the
 * framework's references, tally and source notes in English, the evaluation's notes in English),
 * and pack items may remember the pack's intro (`packIntro`), so the English intro is shown only
 * while the intro is still the pack's. All optional, so a version-4 file is already a valid
 * version-5 file: a pack item without `packIntro` counts its intro as the pack's (the first
 * rewording records it, and a pack update sets it). Nothing is written into the items, so the step
 * is idempotent and a document shared on the engine is not changed by merely being read. The
 * number goes up so that an older Milepæl, whose strict schema would refuse the new fields and set
 * the file aside as damaged, asks for an update instead.
 */
export const englishContent: Migration = {
  from: 4,
  describe: "allow the pack's English texts and the pack's intro on pack items (all optional)",
  up: (file) => ({ ...file }),
};
