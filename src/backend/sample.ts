import { applyEdit, type ChecklistEdit } from '../core/checklist/edits';
import { createMunicipality, type Environment } from '../core/checklist/create';
import { localDateString } from '../core/checklist/summary';
import type { Status } from '../core/schema/common';
import type { MunicipalityFile } from '../core/schema/municipality';
import type { Pack } from '../core/schema/pack';

export const SAMPLE_PACK_ID = 'familieraadslagning';
export const SAMPLE_NAME = 'Eksempel Kommune';

interface SampleItem {
  status: Status;
  owner?: string;
  /** Days from today; negative is in the past, so the sample has overdue items too. */
  dueInDays?: number;
  notes?: string;
  answers?: Record<string, string>;
}

/**
 * A municipality about eight months into its first year, with volumes and practice norms in
 * the spirit of Esbjerg Kommune's model (UC SYD's research report): about 190 conferences and
 * follow-ups a year, at most four weeks from the child's yes to the conference, at most three
 * hours per conference, one or two follow-ups three to six months apart.
 */
const SAMPLE: Record<string, SampleItem> = {
  'formaal-og-maalgruppe': {
    status: 'in_place',
    owner: 'Børne- og familiechef',
    notes: 'Formål vedtaget i børne- og familieudvalget.',
    answers: {
      forandringer: 'Flere børn bliver i eget netværk; familien ejer planen for barnet.',
      'antal-sager': 'Ca. 190 rådslagninger og opfølgninger om året, når metoden er i fuld drift.',
      'fravalgte-sager': 'Ikke i akutte sager om vold eller overgreb, hvor barnets sikkerhed kræver øjeblikkelig handling.',
    },
  },
  ledelsesansvar: {
    status: 'in_place',
    owner: 'Børne- og familiechef',
    answers: { 'overordnet-ansvar': 'Børne- og familiechefen.', 'ansvar-i-enhederne': 'Afdelingslederne i myndighed og forebyggelse.' },
  },
  implementeringsteam: { status: 'in_place', owner: 'Afdelingsleder, myndighed', notes: 'Mødes hver anden uge.' },
  'information-til-ledelsen': { status: 'in_progress', owner: 'Projektleder', dueInDays: 21, notes: 'Kvartalsvis status til chefgruppen er aftalt; månedlig nøgletalsrapport mangler.' },
  'ressourcer-i-projektperioden': { status: 'in_place', owner: 'Økonomikonsulent', notes: 'Budget til uddannelse, samordnere og forplejning er afsat for år 1.' },
  'faggrupper-der-uddannes': { status: 'in_place', owner: 'Projektleder', answers: { fagomraader: 'Myndighed, familiebehandling og PPR.' } },
  tovholder: { status: 'in_progress', owner: 'Teamleder, myndighed', dueInDays: -10, notes: 'Kandidat fundet; timer til rollen er ikke aftalt endnu.' },
  arbejdsvilkaar: { status: 'in_progress', owner: 'HR-konsulent', dueInDays: 30, answers: { kompensation: 'Afspadsering time for time; aftale med tillidsrepræsentant på vej.' } },
  'samarbejde-med-enheder': { status: 'in_progress', owner: 'Projektleder', dueInDays: 45 },
  'type-sager': {
    status: 'in_place',
    owner: 'Afdelingsleder, myndighed',
    notes: 'Højst fire uger fra barnets ja til rådslagningen.',
    answers: { forebyggende: 'Ja, i forebyggende sager og før anbringelse.', 'hvem-indstiller': 'Sagsbehandleren, efter drøftelse med teamlederen.' },
  },
  lokaler: { status: 'in_place', owner: 'Samordnerkoordinator', answers: { 'neutrale-lokaler': 'Biblioteket og to forsamlingshuse; adgang om aftenen.' } },
  forplejning: { status: 'in_place', owner: 'Samordnerkoordinator', notes: 'Ca. 75 kr. pr. kuvert.' },
  'stoette-til-boern-og-unge': { status: 'in_progress', owner: 'Familiebehandler', dueInDays: -3, notes: 'Udkast til procedure for samtalen med barnet før rådslagningen.' },
  samordnere: { status: 'in_place', owner: 'Samordnerkoordinator', answers: { 'eget-korps': 'Ja, et korps på 12 samordnere.' } },
  informatoerer: { status: 'in_progress', owner: 'Projektleder', dueInDays: 60 },
  'evaluering-af-raadslagningerne': {
    status: 'not_started',
    owner: 'Projektleder',
    dueInDays: 90,
    notes: 'Mål at følge: andel med en plan, tilfredshed med planen, om barnet følte sig hørt.',
  },
  'indsamling-af-resultater': { status: 'not_started', dueInDays: 120 },
};

const FLOW_DONE = 10;

/** Two earlier steering-group rounds, so the example shows a trend, what moved, and one dip. */
const EARLIER_ROUNDS: Array<{ daysAgo: number; flowDone: number; inPlace: string[]; inProgress: string[] }> = [
  { daysAgo: 182, flowDone: 3, inPlace: ['formaal-og-maalgruppe', 'ledelsesansvar'], inProgress: ['implementeringsteam', 'ressourcer-i-projektperioden', 'faggrupper-der-uddannes', 'type-sager'] },
  {
    daysAgo: 91,
    flowDone: 8,
    inPlace: ['formaal-og-maalgruppe', 'ledelsesansvar', 'implementeringsteam', 'ressourcer-i-projektperioden', 'faggrupper-der-uddannes', 'type-sager', 'samordnere', 'stoette-til-boern-og-unge'],
    inProgress: ['tovholder', 'lokaler', 'forplejning', 'information-til-ledelsen', 'arbejdsvilkaar'],
  },
];

/** About 190 conferences and follow-ups a year, as in Esbjerg: roughly 16 a month. */
const MONTHLY_COUNTS: Record<string, number> = { forebyggende: 9, 'foer-anbringelse': 4, anbragt: 3 };

export function createSampleMunicipality(pack: Pack, env: Environment): MunicipalityFile {
  const today = env.now();
  const inDays = (days: number) => localDateString(new Date(today.getTime() + days * 86_400_000));
  const edits: ChecklistEdit[] = [];
  for (const [itemId, sample] of Object.entries(SAMPLE)) {
    edits.push({ type: 'setStatus', itemId, status: sample.status });
    if (sample.owner !== undefined) edits.push({ type: 'setOwner', itemId, owner: sample.owner });
    if (sample.dueInDays !== undefined) edits.push({ type: 'setDueDate', itemId, dueDate: inDays(sample.dueInDays) });
    if (sample.notes !== undefined) edits.push({ type: 'setNotes', itemId, notes: sample.notes });
    for (const [questionId, answer] of Object.entries(sample.answers ?? {})) edits.push({ type: 'answerQuestion', itemId, questionId, answer });
  }
  let file = createMunicipality(pack, SAMPLE_NAME, env);
  const monthName = new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' });
  for (const round of EARLIER_ROUNDS) {
    const then = new Date(today.getTime() - round.daysAgo * 86_400_000);
    const past: Environment = { now: () => then, newId: env.newId };
    for (const itemId of round.inPlace) file = applyEdit(file, { type: 'setStatus', itemId, status: 'in_place' }, past);
    for (const itemId of round.inProgress) file = applyEdit(file, { type: 'setStatus', itemId, status: 'in_progress' }, past);
    for (const step of file.items.filter((i) => i.kind === 'flow_step').slice(0, round.flowDone)) file = applyEdit(file, { type: 'setStatus', itemId: step.id, status: 'in_place' }, past);
    file = applyEdit(file, { type: 'recordSnapshot', date: localDateString(then), label: `Styregruppemøde ${monthName.format(then)}` }, past);
  }
  const year = today.getFullYear();
  edits.push({ type: 'setTarget', year, count: 190 });
  for (let month = 1; month < today.getMonth() + 1; month++) {
    for (const [caseType, count] of Object.entries(MONTHLY_COUNTS)) {
      edits.push({ type: 'setTallyCount', month: `${year}-${String(month).padStart(2, '0')}`, caseType, count: count + ((month * 7 + caseType.length) % 3) - 1 });
    }
  }
  file.items
    .filter((i) => i.kind === 'flow_step')
    .forEach((step, n) => edits.push({ type: 'setStatus', itemId: step.id, status: n < FLOW_DONE ? 'in_place' : n === FLOW_DONE ? 'in_progress' : 'not_started' }));
  for (const edit of edits) file = applyEdit(file, edit, env);
  return { ...file, isExample: true };
}
