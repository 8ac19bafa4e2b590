/** Strings of the team server: who else has a municipality open; the read-only browser page. */
export const presence = {
  da: {
    'presence.others': 'Har også kommunen åben: {names}',
    'error.read_only': 'Her i browseren kan du se og hente, men ikke rette. Ændringer laves i Milepæl-appen.',
  },
  en: {
    'presence.others': 'Also has this municipality open: {names}',
    'error.read_only': 'In the browser you can look and download, but not change anything. Make changes in the Milepæl app.',
  },
} as const;
