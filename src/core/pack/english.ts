import type { AnsweredQuestion, ChecklistItem, MunicipalityFile } from '../schema/municipality';
import type { EnglishTitle, Pack } from '../schema/pack';

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

/**
 * A pack item shows its English title only while its title is still the pack's: a title the
 * municipality wrote itself (a custom item, or a pack item it renamed) is its own words and stays.
 */
function englishItem(item: ChecklistItem): ChecklistItem {
  const ownTitle = item.origin !== 'pack' || item.title !== (item.packTitle ?? item.title);
  const questions = item.questions.some((q) => q.en) ? item.questions.map(englishQuestion) : item.questions;
  if ((ownTitle || !item.en) && questions === item.questions) return item;
  return { ...item, ...(ownTitle || !item.en ? {} : { title: item.en.title }), questions };
}

function englishQuestion(question: AnsweredQuestion): AnsweredQuestion {
  if (!question.en || question.origin !== 'pack' || question.text !== (question.packText ?? question.text)) return question;
  return { ...question, text: question.en.text };
}

/**
 * The file as a reader of the given language sees it: in English, the pack's names (method, drivers,
 * phases, focus areas, bands, flows, items, questions) are replaced by the English the pack gave,
 * where it gave any. For display and documents only — edits and saves always go to the file itself,
 * so the Danish stays the municipality's text. Applying it twice gives the same file.
 */
export function localizeFile(file: MunicipalityFile, language: ContentLanguage): MunicipalityFile {
  if (language === 'da') return file;
  const { framework } = file;
  return {
    ...file,
    pack: file.pack.en ? { ...file.pack, title: file.pack.en.title } : file.pack,
    framework: {
      ...framework,
      drivers: framework.drivers.map(english),
      phases: framework.phases.map((p) => ({ ...english(p), focusAreas: p.focusAreas.map(english) })),
      maturityBands: framework.maturityBands.map(english),
      flows: framework.flows.map(english),
    },
    items: file.items.map(englishItem),
  };
}

/** The pack as an English reader sees it (the Metoden page): names and the method's description. */
export function localizePack(pack: Pack, language: ContentLanguage): Pack {
  if (language === 'da') return pack;
  return {
    ...pack,
    ...(pack.en ? { title: pack.en.title, ...(pack.en.description ? { description: pack.en.description } : {}), ...(pack.en.audience ? { audience: pack.en.audience } : {}) } : {}),
    drivers: pack.drivers.map(english),
    phases: pack.phases.map((p) => ({ ...english(p), focusAreas: p.focusAreas.map(english) })),
    maturityBands: pack.maturityBands.map(english),
    flows: pack.flows.map((f) => ({ ...english(f), steps: f.steps.map(english) })),
    milestones: pack.milestones.map((m) => ({
      ...m,
      ...(m.en ? { title: m.en.title, ...(m.en.shortTitle ? { shortTitle: m.en.shortTitle } : {}) } : {}),
      questions: m.questions.map((q) => (q.en ? { ...q, text: q.en.text } : q)),
    })),
  };
}

/**
 * Names a reader sees that have no English yet ("file: which entry"), and how many names there are,
 * for `milepael pack check`. English is optional, so these are notes, never problems.
 */
export function missingEnglish(pack: Pack): { missing: string[]; total: number } {
  const missing: string[] = [];
  const need = (has: boolean, where: string) => {
    if (!has) missing.push(where);
  };
  need(pack.en !== undefined, 'pack.yml: the method name');
  for (const d of pack.drivers) need(d.en !== undefined, `pack.yml: drivers "${d.id}"`);
  for (const p of pack.phases) {
    need(p.en !== undefined, `pack.yml: phases "${p.id}"`);
    for (const a of p.focusAreas) need(a.en !== undefined, `pack.yml: focus area "${a.id}"`);
  }
  for (const b of pack.maturityBands) need(b.en !== undefined, `pack.yml: maturity band "${b.id}"`);
  for (const f of pack.flows) {
    need(f.en !== undefined, `pack.yml: flow "${f.id}"`);
    for (const s of f.steps) need(s.en !== undefined, `pack.yml: flow "${f.id}" step "${s.id}"`);
  }
  for (const r of pack.roles) need(r.en !== undefined, `pack.yml: role "${r.id}"`);
  for (const m of pack.milestones) {
    need(m.en !== undefined, `${m.file}: the title`);
    for (const q of m.questions) need(q.en !== undefined, `${m.file}: question "${q.id}"`);
  }
  const total = 1 + pack.drivers.length + pack.phases.reduce((n, p) => n + 1 + p.focusAreas.length, 0) + pack.maturityBands.length + pack.flows.reduce((n, f) => n + 1 + f.steps.length, 0) + pack.roles.length + pack.milestones.reduce((n, m) => n + 1 + m.questions.length, 0);
  return { missing, total };
}
