import { applyEdit, type ChecklistEdit } from '../core/checklist/edits';
import { createMunicipality, type Environment } from '../core/checklist/create';
import { localDateString } from '../core/checklist/summary';
import type { Status } from '../core/schema/common';
import type { MunicipalityFile } from '../core/schema/municipality';
import type { Pack } from '../core/schema/pack';
import { emptyMonth, type EvaluationMonth } from '../core/evaluation/data';
import type { EvaluationDefinition } from '../core/evaluation/definition';

import type { Steering } from '../core/schema/steering';

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
 * One story, told the same way by every part of the file: a mid-sized municipality that decided
 * on the method about eight months ago, held its first conference five months ago and has
 * collected questionnaires for four months. Its practice norms follow Esbjerg Kommune's model
 * (UC SYD's research report: at most four weeks from the child's yes, at most three hours, follow-ups
 * three to six months later); its volumes are scaled down from Esbjerg's about 190 a year to about
 * 100 a year at full operation. Every evaluation figure is invented for the example and says so.
 */
const SAMPLE: Record<string, SampleItem> = {
  'formaal-og-maalgruppe': {
    status: 'in_place',
    owner: 'Børne- og familiechef',
    notes: 'Formål vedtaget i børne- og familieudvalget.',
    answers: {
      forandringer: 'Flere børn bliver i eget netværk; familien ejer planen for barnet.',
      'antal-sager': 'Ca. 100 rådslagninger og opfølgninger om året, når metoden er i fuld drift; 60 i det første år.',
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
    status: 'in_progress',
    owner: 'Projektleder',
    dueInDays: 90,
    notes: 'Skemaer deles ud efter hver rådslagning siden den anden måned. Vi følger andel med en plan, tilfredshed med planen og om barnet følte sig hørt. Tallene i dette eksempel er opdigtede.',
  },
  // Questionnaires are collected (milestone 16), but the model for following the children's outcomes is still to be chosen.
  'indsamling-af-resultater': { status: 'not_started', dueInDays: 120 },
};

/** Year-1 flow steps still open; every other step is in place (the launch came before the first conference). */
const FLOW_OPEN: Record<string, Status> = { 'traen-personale-og-ledelse': 'in_progress', 'gennemgaa-og-evaluer': 'in_progress', 'anbefalinger-aar-2': 'not_started' };
/** Months before the current one in which the example held conferences (5 … 1) and collected questionnaires (4 … 1). */
const CONFERENCE_MONTHS = 5;
const QUESTIONNAIRE_MONTHS = 4;

/** Open year-1 steps with an owner and a date, so the timeline shows what waits for what; one is left unowned. */
const FLOW_PLAN: Record<string, { owner?: string; dueInDays: number }> = {
  'aar-1.traen-personale-og-ledelse': { owner: 'Projektleder', dueInDays: 14 },
  'aar-1.gennemgaa-og-evaluer': { dueInDays: 250 },
  'aar-1.anbefalinger-aar-2': { owner: 'Styregruppen', dueInDays: 290 },
};

/** Matters the project leader has flagged for the steering group. */
const STEERING_FLAGS: Record<string, { text: string; owner: string; dueInDays: number }> = {
  tovholder: { text: 'Afsæt fem timer om ugen til tovholderen', owner: 'Afdelingsleder, myndighed', dueInDays: 14 },
  arbejdsvilkaar: { text: 'Godkend afspadsering time for time ved aftenmøder', owner: 'HR-konsulent', dueInDays: 14 },
  'aar-1.anbefalinger-aar-2': { text: 'Skal kommunen søge midler til år 2?', owner: 'Projektleder', dueInDays: 120 },
};

/** Two earlier steering-group rounds, so the example shows a trend, what moved, and one dip. */
const EARLIER_ROUNDS: Array<{ daysAgo: number; flowDone: number; inPlace: string[]; inProgress: string[] }> = [
  { daysAgo: 182, flowDone: 7, inPlace: ['formaal-og-maalgruppe', 'ledelsesansvar'], inProgress: ['implementeringsteam', 'ressourcer-i-projektperioden', 'faggrupper-der-uddannes', 'type-sager'] },
  {
    daysAgo: 91,
    flowDone: 17,
    inPlace: ['formaal-og-maalgruppe', 'ledelsesansvar', 'implementeringsteam', 'ressourcer-i-projektperioden', 'faggrupper-der-uddannes', 'type-sager', 'samordnere', 'stoette-til-boern-og-unge'],
    inProgress: ['tovholder', 'lokaler', 'forplejning', 'information-til-ledelsen', 'arbejdsvilkaar'],
  },
];


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
  edits.push({ type: 'setTarget', year: today.getFullYear(), count: 60 });
  const months = sampleEvaluationMonths(today, pack.evaluation);
  for (const month of months) {
    for (const [caseType, count] of Object.entries(splitByCaseType(month.firstConferences + month.followUpConferences))) edits.push({ type: 'setTallyCount', month: month.month, caseType, count });
    edits.push({ type: 'setEvaluationMonth', figures: month });
  }
  edits.push({ type: 'setEvaluationTarget', metric: 'plan_rate', percent: 95 }, { type: 'setEvaluationTarget', metric: 'within_weeks', percent: 90 }, { type: 'setEvaluationTarget', metric: 'item:barn_hoert', percent: 90 });
  for (const step of file.items.filter((i) => i.kind === 'flow_step')) edits.push({ type: 'setStatus', itemId: step.id, status: FLOW_OPEN[step.id.split('.').pop()!] ?? 'in_place' });
  for (const [itemId, plan] of Object.entries(FLOW_PLAN)) {
    if (!file.items.some((i) => i.id === itemId)) continue;
    if (plan.owner) edits.push({ type: 'setOwner', itemId, owner: plan.owner });
    edits.push({ type: 'setDueDate', itemId, dueDate: inDays(plan.dueInDays) });
  }
  for (const [itemId, flag] of Object.entries(STEERING_FLAGS)) {
    if (file.items.some((i) => i.id === itemId)) edits.push({ type: 'setSteeringDecision', itemId, flag: { text: flag.text, owner: flag.owner, date: inDays(flag.dueInDays) } });
  }
  edits.push({ type: 'setSteering', steering: sampleSteering(inDays) });
  for (const edit of edits) file = applyEdit(file, edit, env);
  return { ...file, isExample: true };
}

/** The tally by case type adds up to the register's conferences, so both tell the same number. */
function splitByCaseType(total: number): Record<string, number> {
  const preventive = Math.round(total * 0.55);
  const beforePlacement = Math.round(total * 0.25);
  return { forebyggende: preventive, 'foer-anbringelse': beforePlacement, anbragt: total - preventive - beforePlacement };
}

/** Invented figures: first conferences per month since the start, follow-ups from the fourth month. */
const FIRST = [5, 7, 8, 9, 8];
const FOLLOW_UP = [0, 0, 2, 4, 5];
const PLANS_MISSED = [0, 0, 1, 0, 1];
const IN_WINDOW = [4, 4, 0, 0, 0];
const WAITS = [[0, 1, 2, 1, 1, 0, 0], [1, 1, 3, 2, 0, 0, 0], [0, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 0, 1, 0], [0, 2, 4, 2, 0, 0, 0]];
/** Answer shares per item (1 … 5), close to but not copied from Esbjerg's published levels. */
const ITEM_PROFILE: Record<string, number[]> = {
  tilfreds_plan: [0.02, 0.04, 0.08, 0.36, 0.5],
  barn_hoert: [0.02, 0.03, 0.1, 0.35, 0.5],
  egen_inddragelse: [0.01, 0.01, 0.04, 0.34, 0.6],
  rigtige_spoergsmaal: [0.01, 0.02, 0.05, 0.4, 0.52],
  privat_tid: [0.01, 0.02, 0.07, 0.3, 0.6],
  mange_loesninger: [0.02, 0.03, 0.09, 0.4, 0.46],
  tilfreds_samlet: [0.01, 0.01, 0.06, 0.32, 0.6],
};

/** Whole counts in the given shares, rounding by largest remainder so they add up to n. */
function distribute(n: number, shares: readonly number[]): [number, number, number, number, number] {
  const raw = shares.map((s) => s * n);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest);
  for (let k = 0; k < n - counts.reduce((a, b) => a + b, 0); k++) counts[order[k % order.length]!.i]!++;
  return counts as [number, number, number, number, number];
}

function sampleEvaluationMonths(today: Date, definition: EvaluationDefinition | undefined): EvaluationMonth[] {
  const out: EvaluationMonth[] = [];
  for (let k = 0; k < CONFERENCE_MONTHS; k++) {
    const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - CONFERENCE_MONTHS + k, 1));
    const month = emptyMonth(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    const first = FIRST[k]!;
    const followUp = FOLLOW_UP[k]!;
    month.firstConferences = first;
    month.followUpConferences = followUp;
    month.plans = first + followUp - PLANS_MISSED[k]!;
    month.followUpsInWindow = IN_WINDOW[k]!;
    month.weeksFromYes = [...WAITS[k]!];
    // Follow-ups take one to two hours; a few first conferences run over three.
    month.durationHours = [0, followUp + 1, first - 2, 1, 0, 0];
    if (k >= CONFERENCE_MONTHS - QUESTIONNAIRE_MONTHS) {
      const forms: Record<string, number> = { barn: first, foraelder: 2 * first - 1, netvaerk: 2 * first + followUp, raadgiver: first + followUp, samordner: first + followUp };
      month.forms = Object.entries(forms).map(([group, count]) => ({ group, count }));
      for (const item of definition?.items ?? []) {
        for (const group of item.groups ?? Object.keys(forms)) {
          const answered = Math.round((forms[group] ?? 0) * 0.95);
          month.answers.push({ item: item.id, group, counts: distribute(answered, ITEM_PROFILE[item.id] ?? [0.02, 0.03, 0.1, 0.35, 0.5]) });
        }
      }
    }
    out.push(month);
  }
  return out;
}

/** The project leader's logs in the example: roles, risks, decisions taken and resources. */
function sampleSteering(inDays: (days: number) => string): Steering {
  return {
    roles: [
      { id: 'r1', role: 'Projektleder', holder: 'Projektleder, Børn og Familie', task: 'Driver planen og forbereder styregruppens møder.' },
      { id: 'r2', role: 'Styregruppe', holder: 'Børne- og familiechef (formand)', task: 'Træffer beslutninger; en forælder og en ung fra brugerrådet deltager.' },
      { id: 'r3', role: 'Implementeringsteam', holder: 'Afdelingsleder, myndighed', task: 'Mødes hver anden uge og følger fremdriften.' },
      { id: 'r4', role: 'Tovholder', holder: 'Teamleder, myndighed', task: 'Sparrer med kolleger og holder metoden ved lige.' },
      { id: 'r5', role: 'Samordnere', holder: 'Samordnerkoordinator', task: 'Korps på 12, som forbereder og leder rådslagningerne.' },
      { id: 'r6', role: 'Informatører', holder: 'Projektleder', task: 'Fagpersoner, der fortæller familien om deres viden.' },
    ],
    risks: [
      { id: 'k1', kind: 'risk', text: 'For få samordnere til aftenmøder i ferieperioder', likelihood: 'medium', impact: 'high', response: 'Rekruttér fire ekstra samordnere inden sommer.', owner: 'Samordnerkoordinator', open: true, date: inDays(-40) },
      { id: 'k2', kind: 'barrier', text: 'Sagsbehandlere oplever metoden som ekstra arbejde', likelihood: 'high', impact: 'medium', response: 'Tovholderen holder korte oplæg på teammøder.', owner: 'Tovholder', open: true, date: inDays(-60) },
      { id: 'k3', kind: 'risk', text: 'Budget til forplejning slipper op i år 2', likelihood: 'low', impact: 'medium', response: 'Indgår i ansøgningen om midler til år 2.', owner: 'Økonomikonsulent', open: false, date: inDays(-120) },
    ],
    decisions: [
      { id: 'b1', date: inDays(-182), text: 'Familierådslagning sættes i gang i myndighed og forebyggelse.', forum: 'Børne- og familieudvalget' },
      { id: 'b2', date: inDays(-120), text: 'Budget for år 1 godkendt, inkl. uddannelse og forplejning.', forum: 'Styregruppen' },
      { id: 'b3', date: inDays(-91), text: 'Henvisningsformular og visitationskriterier vedtaget.', forum: 'Styregruppen' },
    ],
    resources: [
      { id: 'x1', kind: 'training', text: 'Tre dages uddannelse af initiativtagere', amount: '45 medarbejdere', owner: 'Projektleder', secured: true, dueDate: inDays(14) },
      { id: 'x2', kind: 'coordinators', text: 'Honorar til samordnere', amount: 'ca. 190 møder', owner: 'Økonomikonsulent', secured: true },
      { id: 'x3', kind: 'catering', text: 'Forplejning ved møderne', amount: 'ca. 75 kr. pr. kuvert', owner: 'Samordnerkoordinator', secured: true },
      { id: 'x4', kind: 'premises', text: 'Biblioteket og to forsamlingshuse om aftenen', amount: '', owner: 'Samordnerkoordinator', secured: true },
      { id: 'x5', kind: 'funding', text: 'Ansøgning om midler til år 2', amount: '', owner: 'Projektleder', secured: false, dueDate: inDays(120) },
    ],
    nextStatusMeeting: inDays(28),
    approval: { preparedBy: 'Projektleder', approvedBy: '', },
  };
}
