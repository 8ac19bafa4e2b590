import type { WorkspaceService } from '../../src/backend/service';
import { localDateString } from '../../src/core/checklist/summary';

/** 110 characters: a real municipality name will not be longer, a joint venture's name can be this long. */
export const LONG_NAME = 'Fælleskommunalt Familierådslagningssamarbejde for Vesthimmerlands, Rebild, Mariagerfjord og Aalborg Kommuner ApS'.padEnd(110, 'x').slice(0, 110);
/** 250 characters, with long words, as people write them when they paste a whole sentence in. */
export const LONG_TITLE = 'Styregruppen har besluttet den lokale organisering af koordinatorfunktionen, herunder hvem der visiterer sager til familierådslagning, hvordan myndighedsrådgiverne orienteres, og hvordan erfaringerne samles op til evaluering efter første halvår'.padEnd(250, '.').slice(0, 250);

/**
 * The example municipality plus the longest texts the layout must hold: a 110-character name, a
 * 250-character milestone title that is overdue (so it shows on the dashboard) and a few more
 * municipalities for the start screen and portfolio.
 */
export async function seedDesignData(service: WorkspaceService): Promise<{ sampleId: string; longId: string }> {
  const sample = await service.createSample();
  const long = await service.create(LONG_NAME, 'familieraadslagning');
  const milestone = long.items.find((i) => i.kind === 'milestone')!;
  const lastWeek = localDateString(new Date(Date.now() - 7 * 86_400_000));
  await service.applyEdits(long.id, long.revision, [
    { type: 'setTitle', itemId: milestone.id, title: LONG_TITLE },
    { type: 'setStatus', itemId: milestone.id, status: 'in_progress' },
    { type: 'setOwner', itemId: milestone.id, owner: 'Familieafdelingens leder og koordinator for familierådslagning' },
    { type: 'setDueDate', itemId: milestone.id, dueDate: lastWeek },
  ]);
  const opened = await service.open(sample.id);
  const sampleMilestone = opened.file.items.find((i) => i.kind === 'milestone' && i.dueDate !== undefined) ?? opened.file.items[0]!;
  await service.applyEdits(sample.id, opened.file.revision, [{ type: 'setTitle', itemId: sampleMilestone.id, title: LONG_TITLE }]);
  for (const [name, pack] of [
    ['Aarhus Kommune', 'familieraadslagning'],
    ['Esbjerg Kommune', 'familieraadslagning'],
    ['Københavns Kommune', 'styrket-familiebehandling'],
  ] as const) {
    await service.create(name, pack);
  }
  return { sampleId: sample.id, longId: long.id };
}
