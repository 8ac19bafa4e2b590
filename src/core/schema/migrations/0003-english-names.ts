import type { Migration } from './index';

/**
 * Schema 3 → 4: the pack's English names may appear (`en` on the pack reference, the framework's
 * entries, pack items and their questions). They are optional, so a version-3 file is already a
 * valid version-4 file; the number goes up so that an older Milepæl, whose strict schema would
 * refuse the unknown field and move the file aside as damaged, asks for an update instead.
 */
export const englishNames: Migration = {
  from: 3,
  describe: "allow the pack's English names (all optional)",
  up: (file) => ({ ...file }),
};
