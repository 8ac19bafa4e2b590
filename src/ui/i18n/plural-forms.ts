/**
 * Variants of messages that take a number, picked by translate(): "key#N" for an exact number
 * ("Én gang om året" for 12 months), then "key#one" where the language's plural rules say "one"
 * (Intl.PluralRules). The plain key is the plural form.
 */
export const pluralForms = {
  da: {
    'start.count#one': '{count} kommune',
    'start.overdue#one': '{count} forsinket',
    'portfolio.shown#one': 'Viser {shown} af {total} kommune',
    'checklist.itemsInGroup#one': '{count} punkt',
    'checklist.phaseAlsoFlow#one': 'fasens score tæller også {count} trin i forløbet i år 1',
    'history.staleCount#one': '{count} åbent punkt er ikke vurderet inden for intervallet.',
    'history.cadenceMonths#1': 'Hver måned',
    'history.cadenceMonths#6': 'Hvert halve år',
    'history.cadenceMonths#12': 'Én gang om året',
    'history.points#one': '{sign}{value} point',
    'design.chart.trendSummary#one': '{title}, {count} statusmåling: {figures}',
  },
  en: {
    'start.count#one': '{count} municipality',
    'start.overdue#one': '{count} overdue',
    'portfolio.shown#one': 'Showing {shown} of {total} municipality',
    'checklist.itemsInGroup#one': '{count} item',
    'checklist.phaseAlsoFlow#one': 'the phase score also counts {count} step of the year-1 flow',
    'history.staleCount#one': '{count} open item has not been reviewed within the interval.',
    'history.cadenceMonths#1': 'Every month',
    'history.cadenceMonths#6': 'Every six months',
    'history.cadenceMonths#12': 'Once a year',
    'history.points#one': '{sign}{value} point',
    'design.chart.trendSummary#one': '{title}, {count} assessment round: {figures}',
  },
} as const satisfies Record<'da' | 'en', Record<string, string>>;
