/** Messages for refusals that protect the user's data: newer files, access to the browser edition. */
export const security = {
  da: {
    'error.newer_version':
      'Filen er gemt med en nyere udgave af Milepæl og kan ikke åbnes med denne. Den er ikke ændret. Opdatér Milepæl for at åbne den.',
  },
  en: {
    'error.newer_version': 'The file was saved by a newer version of Milepæl and cannot be opened with this one. It has not been changed. Update Milepæl to open it.',
  },
} as const;
