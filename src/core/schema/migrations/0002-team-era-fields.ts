import type { Migration } from './index';

/**
 * Schema 2 → 3: evaluation figures, observable signs, the fidelity checklist, steering-group data
 * and decision flags may appear. They are all optional, so a version-2 file is already a valid
 * version-3 file; the number goes up so that an older Milepæl, which would drop these fields on
 * saving, refuses the file ("update Milepæl") instead of losing a colleague's work.
 */
export const teamEraFields: Migration = {
  from: 2,
  describe: 'allow evaluation figures, observable signs, fidelity rounds and steering data (all optional)',
  up: (file) => ({ ...file }),
};
