/** Questions asked before a round is recorded that may not be what the user meant. */
export const historyChecks = {
  da: {
    'history.duplicateRound': 'Der er allerede en statusmåling den {date} ({names}). En måling mere samme dag viser, at intet har flyttet sig siden den. Vil du registrere en til?',
    'history.unlabelled': 'uden betegnelse',
    'history.pastDate': 'Datoen {date} ligger før i dag. Statusmålingen gemmer punkternes status, som den er nu – ikke som den var {date}.',
    'history.recordAnyway': 'Registrér alligevel',
    'history.useToday': 'Brug dagens dato',
    'history.recorded': 'Statusmålingen {name} er registreret. Den står nu i listen over målinger og i "Hvad har flyttet sig?".',
    'history.cancel': 'Annullér',
  },
  en: {
    'history.duplicateRound': 'There is already an assessment round on {date} ({names}). Another round on the same day shows that nothing has moved since it. Record another one?',
    'history.unlabelled': 'no label',
    'history.pastDate': 'The date {date} is before today. The round stores the status of every item as it is now, not as it was on {date}.',
    'history.recordAnyway': 'Record anyway',
    'history.useToday': "Use today's date",
    'history.recorded': 'The assessment round {name} is recorded. It is now in the list of rounds and in "What has moved?".',
    'history.cancel': 'Cancel',
  },
} as const;
