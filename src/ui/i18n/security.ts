/** Messages for refusals that protect the user's data: newer files, access to the browser edition. */
export const security = {
  da: {
    'error.noAccessTitle': 'Ingen adgang til Milepæl fra denne side',
    'error.newer_version': 'Filen er gemt med en nyere udgave af Milepæl og kan ikke åbnes med denne. Den er ikke ændret. Opdatér Milepæl for at åbne den.',
    'error.no_access':
      'Denne side har ikke adgang til Milepæl. Åbn den adresse, som Milepæl skrev, da programmet blev startet (den slutter med ?token=…). Derefter virker bogmærker og nye faner i denne browser, indtil Milepæl genstartes.',
  },
  en: {
    'error.noAccessTitle': 'No access to Milepæl from this page',
    'error.newer_version':
      'The file was saved by a newer version of Milepæl and cannot be opened with this one. It has not been changed. Update Milepæl to open it.',
    'error.no_access':
      'This page has no access to Milepæl. Open the address Milepæl printed when it was started (it ends in ?token=…). After that, bookmarks and new tabs work in this browser until Milepæl is restarted.',
  },
} as const;
