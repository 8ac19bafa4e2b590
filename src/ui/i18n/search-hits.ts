/** Why a checklist search found an item whose title does not hold the words. */
export const searchHitTexts = {
  da: {
    'checklist.foundIn': 'Fundet i {places}',
    'checklist.found.intro': 'indledningen',
    'checklist.found.owner': 'ansvarlig',
    'checklist.found.notes': 'noterne',
    'checklist.found.questions': 'spørgsmålene',
    'checklist.found.answers': 'svarene',
    'checklist.found.evidence': 'dokumentationen',
  },
  en: {
    'checklist.foundIn': 'Found in {places}',
    'checklist.found.intro': 'the introduction',
    'checklist.found.owner': 'the owner',
    'checklist.found.notes': 'the notes',
    'checklist.found.questions': 'the questions',
    'checklist.found.answers': 'the answers',
    'checklist.found.evidence': 'the evidence',
  },
} as const;
