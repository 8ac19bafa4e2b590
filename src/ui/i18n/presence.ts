/** Strings of "who else has this municipality open" (team server). */
export const presence = {
  da: {
    'presence.others': 'Har også kommunen åben: {names}',
  },
  en: {
    'presence.others': 'Also has this municipality open: {names}',
  },
} as const;
