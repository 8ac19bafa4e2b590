/** Files may be large (years of notes), but not unbounded: 20 MB of JSON text. Kept apart from the schemas so the UI can check it without loading them. */
export const MAX_IMPORT_CHARS = 20_000_000;

/**
 * The longest name a new or renamed municipality may have: a municipality and a unit fit
 * ("Ringkøbing-Skjern Kommune, Børne- og Familieafdelingen" is 54), a sentence does not.
 * Files made before the limit keep their longer names (the file schema allows 200).
 */
export const MAX_MUNICIPALITY_NAME = 80;
