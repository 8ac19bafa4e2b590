import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { applyEdit } from '../src/core/checklist/edits';
import { createMunicipality } from '../src/core/checklist/create';
import { localDateString } from '../src/core/checklist/summary';
import { STATUSES } from '../src/core/schema/common';
import type { MunicipalityFile } from '../src/core/schema/municipality';
import { bundledContentDir, loadPackFolder } from '../src/backend/packs/fs-packs';

/** Denmark's 98 municipalities: the consultant's whole portfolio, as generated fixtures. */
export const MUNICIPALITIES = [
  'Albertslund', 'Allerød', 'Assens', 'Ballerup', 'Billund', 'Bornholm', 'Brøndby', 'Brønderslev', 'Dragør', 'Egedal', 'Esbjerg', 'Fanø', 'Favrskov', 'Faxe',
  'Fredensborg', 'Fredericia', 'Frederiksberg', 'Frederikshavn', 'Frederikssund', 'Furesø', 'Faaborg-Midtfyn', 'Gentofte', 'Gladsaxe', 'Glostrup', 'Greve', 'Gribskov',
  'Guldborgsund', 'Haderslev', 'Halsnæs', 'Hedensted', 'Helsingør', 'Herlev', 'Herning', 'Hillerød', 'Hjørring', 'Holbæk', 'Holstebro', 'Horsens', 'Hvidovre',
  'Høje-Taastrup', 'Hørsholm', 'Ikast-Brande', 'Ishøj', 'Jammerbugt', 'Kalundborg', 'Kerteminde', 'Kolding', 'København', 'Køge', 'Langeland', 'Lejre', 'Lemvig',
  'Lolland', 'Lyngby-Taarbæk', 'Læsø', 'Mariagerfjord', 'Middelfart', 'Morsø', 'Norddjurs', 'Nordfyns', 'Nyborg', 'Næstved', 'Odder', 'Odense', 'Odsherred',
  'Randers', 'Rebild', 'Ringkøbing-Skjern', 'Ringsted', 'Roskilde', 'Rudersdal', 'Rødovre', 'Samsø', 'Silkeborg', 'Skanderborg', 'Skive', 'Slagelse', 'Solrød',
  'Sorø', 'Stevns', 'Struer', 'Svendborg', 'Syddjurs', 'Sønderborg', 'Thisted', 'Tønder', 'Tårnby', 'Vallensbæk', 'Varde', 'Vejen', 'Vejle', 'Vesthimmerland',
  'Viborg', 'Vordingborg', 'Ærø', 'Aabenraa', 'Aalborg', 'Aarhus',
].map((name) => `${name} Kommune`);

/** A deterministic pseudo-random stream, so every run benches the same files. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

export async function generatePortfolio(): Promise<MunicipalityFile[]> {
  const loaded = await loadPackFolder(path.join(bundledContentDir(), 'familieraadslagning'));
  if (!loaded.ok) throw new Error('bundled pack is invalid');
  const env = { now: () => new Date('2026-11-22T10:00:00Z'), newId: randomUUID };
  return MUNICIPALITIES.map((name, n) => {
    const rnd = random(n + 1);
    let file = createMunicipality(loaded.value, name, env);
    for (const item of file.items) {
      file = applyEdit(file, { type: 'setStatus', itemId: item.id, status: STATUSES[Math.floor(rnd() * 4)]! }, env);
      if (rnd() < 0.7) file = applyEdit(file, { type: 'setOwner', itemId: item.id, owner: `Medarbejder ${Math.floor(rnd() * 20) + 1}` }, env);
      if (rnd() < 0.5) file = applyEdit(file, { type: 'setDueDate', itemId: item.id, dueDate: localDateString(new Date(Date.UTC(2026, 6 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 27)))) }, env);
      if (rnd() < 0.4) file = applyEdit(file, { type: 'setNotes', itemId: item.id, notes: `Drøftet på møde ${n + 1}. Næste skridt aftales med ledelsen.` }, env);
      for (const q of item.questions) if (rnd() < 0.5) file = applyEdit(file, { type: 'answerQuestion', itemId: item.id, questionId: q.id, answer: `Besluttet i ${name}: se referat.` }, env);
    }
    return file;
  });
}
