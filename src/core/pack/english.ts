import type { EvaluationDefinition } from '../evaluation/definition';
import type { AnsweredQuestion, ChecklistItem, Framework, MunicipalityFile } from '../schema/municipality';
import type { EnglishTitle, Pack, TallyDefinition } from '../schema/pack';

export type ContentLanguage = 'da' | 'en';

interface Titled {
  title: string;
  description?: string;
  en?: EnglishTitle | undefined;
}

function english<T extends Titled>(entry: T): T {
  if (!entry.en) return entry;
  return { ...entry, title: entry.en.title, ...(entry.en.description !== undefined && entry.description !== undefined ? { description: entry.en.description } : {}) };
}

/** A reference list (cornerstones, steps, themes) as the pack's own or as a municipality file or a plan carries it. */
interface ReferenceLike extends Titled {
  items: ReadonlyArray<{ title: string; text: string; en?: { title: string; text?: string | undefined } | undefined }>;
}

/** A reference list with its title, description and points in English where the pack gives them. */
export function englishReference<T extends ReferenceLike>(reference: T): T {
  const items = reference.items.map((item) => (item.en ? { ...item, title: item.en.title, ...(item.en.text !== undefined ? { text: item.en.text } : {}) } : item));
  return { ...english(reference), items };
}

function englishTally(tally: TallyDefinition): TallyDefinition {
  return { ...english(tally), caseTypes: tally.caseTypes.map((c) => (c.en ? { ...c, title: c.en.title } : c)) };
}

function englishSource<T extends { note?: string | undefined; en?: { note: string } | undefined }>(source: T): T {
  return source.en ? { ...source, note: source.en.note } : source;
}

/** The evaluation's notes on its benchmark figures and its stage descriptions in English (titles have titleEn beside them). */
function englishEvaluation(evaluation: EvaluationDefinition): EvaluationDefinition {
  const noted = <B extends { note: string; noteEn?: string | undefined }>(b: B): B => (b.noteEn !== undefined ? { ...b, note: b.noteEn } : b);
  return {
    ...evaluation,
    items: evaluation.items.map((item) => ({ ...item, benchmarks: item.benchmarks.map(noted) })),
    register: evaluation.register.map(noted),
    stages: evaluation.stages.map((stage) => (stage.descriptionEn !== undefined ? { ...stage, description: stage.descriptionEn } : stage)),
  };
}

interface PrincipleLike extends Titled {
  signs: ReadonlyArray<{ text: string; en?: { text: string } | undefined }>;
}

/** A principle with its title, description and observable signs in English where the pack gives them. */
function englishPrinciple<P extends PrincipleLike>(principle: P): P {
  return { ...english(principle), signs: principle.signs.map((s) => (s.en ? { ...s, text: s.en.text } : s)) };
}

interface ToolLike {
  name: string;
  purpose: string;
  en?: { name?: string | undefined; purpose?: string | undefined } | undefined;
}

function englishTool<T extends ToolLike>(tool: T): T {
  if (!tool.en) return tool;
  return { ...tool, ...(tool.en.name !== undefined ? { name: tool.en.name } : {}), ...(tool.en.purpose !== undefined ? { purpose: tool.en.purpose } : {}) };
}

/** The resource notes in English when the pack gave one English note for each Danish note; otherwise the Danish. */
function englishNotes(notes: readonly string[], en: readonly string[] | undefined): string[] | undefined {
  return en !== undefined && en.length === notes.length && notes.length > 0 ? [...en] : undefined;
}

/**
 * A pack item shows its English only while its Danish text is still the pack's: a title or an intro
 * the municipality wrote itself (a custom item, or a pack item it renamed or whose intro it
 * rewrote) is its own words and stays. Title, intro and each question are judged on their own.
 * Principles, signs, resource notes and tools are the pack's alone (the team only ticks and
 * comments signs), so their English is always shown where the pack gave it.
 */
function englishItem(item: ChecklistItem): ChecklistItem {
  const fromPack = item.origin === 'pack' && item.en !== undefined;
  const title = fromPack && item.title === (item.packTitle ?? item.title) ? item.en!.title : undefined;
  const intro = fromPack && item.en!.intro !== undefined && item.intro === (item.packIntro ?? item.intro) ? item.en!.intro : undefined;
  const questions = item.questions.some((q) => q.en) ? item.questions.map(englishQuestion) : item.questions;
  const principles = item.principles?.some((p) => p.en || p.signs.some((s) => s.en)) ? item.principles.map(englishPrinciple) : undefined;
  const resourceNotes = item.origin === 'pack' && item.resourceNotes ? englishNotes(item.resourceNotes, item.en?.resourceNotes) : undefined;
  const tools = item.tools?.some((t) => t.en) ? item.tools.map(englishTool) : undefined;
  if (title === undefined && intro === undefined && questions === item.questions && !principles && !resourceNotes && !tools) return item;
  return {
    ...item,
    ...(title === undefined ? {} : { title }),
    ...(intro === undefined ? {} : { intro }),
    questions,
    ...(principles ? { principles } : {}),
    ...(resourceNotes ? { resourceNotes } : {}),
    ...(tools ? { tools } : {}),
  };
}

function englishQuestion(question: AnsweredQuestion): AnsweredQuestion {
  if (!question.en || question.origin !== 'pack' || question.text !== (question.packText ?? question.text)) return question;
  return { ...question, text: question.en.text };
}

function englishFramework(framework: Framework): Framework {
  return {
    ...framework,
    drivers: framework.drivers.map(english),
    phases: framework.phases.map((p) => ({ ...english(p), focusAreas: p.focusAreas.map(english) })),
    maturityBands: framework.maturityBands.map(english),
    flows: framework.flows.map(english),
    sources: framework.sources.map(englishSource),
    tally: framework.tally && englishTally(framework.tally),
    ...(framework.references ? { references: framework.references.map(englishReference) } : {}),
    ...(framework.evaluation ? { evaluation: englishEvaluation(framework.evaluation) } : {}),
  };
}

/**
 * The file as a reader of the given language sees it: in English, the pack's texts (method, drivers,
 * phases, focus areas, bands, flows, items with their intros, questions, principles, observable signs,
 * resource notes and tools, references, the tally, source notes and the evaluation's notes) are
 * replaced by the English the pack gave, where it gave any. For
 * display and documents only — edits and saves always go to the file itself, so the Danish stays
 * the municipality's text. Applying it twice gives the same file.
 */
export function localizeFile(file: MunicipalityFile, language: ContentLanguage): MunicipalityFile {
  if (language === 'da') return file;
  return {
    ...file,
    pack: file.pack.en ? { ...file.pack, title: file.pack.en.title } : file.pack,
    framework: remembered(englishFrameworks, file.framework, englishFramework),
    items: file.items.map((item) => remembered(englishItems, item, englishItem)),
  };
}

/**
 * An unchanged part (the same object, as the app keeps it between saves) gets the same English
 * object back, so a screen that compares by identity redraws only the item that changed.
 */
const englishItems = new WeakMap<ChecklistItem, ChecklistItem>();
const englishFrameworks = new WeakMap<Framework, Framework>();

function remembered<T extends object>(cache: WeakMap<T, T>, part: T, translate: (part: T) => T): T {
  const known = cache.get(part);
  if (known) return known;
  const translated = translate(part);
  cache.set(part, translated);
  return translated;
}

/** The pack as an English reader sees it (the Metoden page): names, descriptions, intros, principles and signs, references and notes. */
export function localizePack(pack: Pack, language: ContentLanguage): Pack {
  if (language === 'da') return pack;
  return {
    ...pack,
    ...(pack.en ? { title: pack.en.title, ...(pack.en.description ? { description: pack.en.description } : {}), ...(pack.en.audience ? { audience: pack.en.audience } : {}) } : {}),
    sources: pack.sources.map(englishSource),
    drivers: pack.drivers.map(english),
    phases: pack.phases.map((p) => ({ ...english(p), focusAreas: p.focusAreas.map(english) })),
    maturityBands: pack.maturityBands.map(english),
    flows: pack.flows.map((f) => ({ ...english(f), steps: f.steps.map(english) })),
    references: pack.references.map(englishReference),
    ...(pack.tally ? { tally: englishTally(pack.tally) } : {}),
    ...(pack.evaluation ? { evaluation: englishEvaluation(pack.evaluation) } : {}),
    milestones: pack.milestones.map((m) => {
      const resourceNotes = englishNotes(m.resourceNotes, m.en?.resourceNotes);
      return {
        ...m,
        ...(m.en ? { title: m.en.title, ...(m.en.shortTitle ? { shortTitle: m.en.shortTitle } : {}), ...(m.en.intro ? { intro: m.en.intro } : {}) } : {}),
        questions: m.questions.map((q) => (q.en ? { ...q, text: q.en.text } : q)),
        principles: m.principles.map(englishPrinciple),
        ...(resourceNotes ? { resourceNotes } : {}),
        tools: m.tools.map(englishTool),
      };
    }),
  };
}

/**
 * Texts a reader sees that have no English yet ("file: which entry"), and how many such texts there
 * are, for `milepael pack check`: names, and the descriptions, intros, notes and reference texts
 * the pack writes in Danish (an empty Danish text needs no English). English is optional, so these
 * are notes, never problems. A tool's name is a proper name and needs no English.
 */
export function missingEnglish(pack: Pack): { missing: string[]; total: number } {
  const missing: string[] = [];
  let total = 0;
  const need = (has: boolean, where: string) => {
    total++;
    if (!has) missing.push(where);
  };
  const needText = (danish: string | undefined, has: boolean, where: string) => {
    if (danish !== undefined && danish.trim() !== '') need(has, where);
  };
  const titled = (entry: Titled, where: string) => {
    need(entry.en !== undefined, where);
    needText(entry.description, entry.en?.description !== undefined, `${where} description`);
  };
  need(pack.en !== undefined, 'pack.yml: the method name');
  needText(pack.description, pack.en?.description !== undefined, "pack.yml: the method's description");
  needText(pack.audience, pack.en?.audience !== undefined, "pack.yml: the method's audience");
  for (const s of pack.sources) needText(s.note, s.en !== undefined, `pack.yml: source "${s.id}" note`);
  for (const d of pack.drivers) titled(d, `pack.yml: drivers "${d.id}"`);
  for (const p of pack.phases) {
    titled(p, `pack.yml: phases "${p.id}"`);
    for (const a of p.focusAreas) titled(a, `pack.yml: focus area "${a.id}"`);
  }
  for (const b of pack.maturityBands) titled(b, `pack.yml: maturity band "${b.id}"`);
  for (const f of pack.flows) {
    titled(f, `pack.yml: flow "${f.id}"`);
    for (const s of f.steps) titled(s, `pack.yml: flow "${f.id}" step "${s.id}"`);
  }
  for (const r of pack.references) {
    titled(r, `pack.yml: reference "${r.id}"`);
    r.items.forEach((item, i) => {
      const where = `pack.yml: reference "${r.id}" item ${item.id === undefined ? i + 1 : `"${item.id}"`}`;
      need(item.en !== undefined, where);
      needText(item.text, item.en?.text !== undefined, `${where} text`);
    });
  }
  if (pack.tally) {
    titled(pack.tally, 'pack.yml: tally');
    for (const c of pack.tally.caseTypes) need(c.en !== undefined, `pack.yml: tally case type "${c.id}"`);
  }
  for (const r of pack.roles) {
    need(r.en !== undefined, `pack.yml: role "${r.id}"`);
    needText(r.task, r.en?.task !== undefined, `pack.yml: role "${r.id}" task`);
  }
  for (const m of pack.milestones) {
    need(m.en !== undefined, `${m.file}: the title`);
    needText(m.intro, m.en?.intro !== undefined, `${m.file}: the intro`);
    for (const q of m.questions) need(q.en !== undefined, `${m.file}: question "${q.id}"`);
    for (const p of m.principles) {
      titled(p, `${m.file}: principle "${p.id}"`);
      for (const sign of p.signs) need(sign.en !== undefined, `${m.file}: principle "${p.id}" sign "${sign.id}"`);
    }
    m.resourceNotes.forEach((_, i) => need(m.en?.resourceNotes?.[i] !== undefined, `${m.file}: resource note ${i + 1}`));
    for (const t of m.tools) needText(t.purpose, t.en?.purpose !== undefined, `${m.file}: tool "${t.name}" purpose`);
  }
  if (pack.evaluation) {
    const { items, register, stages } = pack.evaluation;
    for (const item of items) item.benchmarks.forEach((b, j) => needText(b.note, b.noteEn !== undefined, `evaluation.yml: item "${item.id}" benchmark ${j + 1} note`));
    for (const b of register) needText(b.note, b.noteEn !== undefined, `evaluation.yml: register "${b.metric}" note`);
    for (const s of stages) needText(s.description, s.descriptionEn !== undefined, `evaluation.yml: stage "${s.id}" description`);
  }
  return { missing, total };
}
