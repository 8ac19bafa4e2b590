/** Files may be large (years of notes), but not unbounded: 20 MB of JSON text. Kept apart from the schemas so the UI can check it without loading them. */
export const MAX_IMPORT_CHARS = 20_000_000;
