import type { Pack } from '../schema/pack';
import { principlesFromPack } from '../principles/signs';
import { CURRENT_SCHEMA_VERSION, type ChecklistItem, type MunicipalityFile } from '../schema/municipality';

/** What the core needs from the outside world; passed in so the core stays pure and testable. */
export interface Environment {
  now: () => Date;
  newId: () => string;
}

export function flowStepItemId(flowId: string, stepId: string): string {
  return `${flowId}.${stepId}`;
}

/** The checklist items a pack gives a new municipality: its milestones, then its flow steps. */
export function itemsFromPack(pack: Pack): ChecklistItem[] {
  const milestones = pack.milestones.map((m): ChecklistItem => ({
    id: m.id,
    kind: 'milestone',
    origin: 'pack',
    title: m.title,
    intro: m.intro,
    packIntro: m.intro,
    driverId: m.driver,
    phaseId: m.phase,
    focusAreaIds: [...m.focusAreas],
    dependsOn: [],
    weight: m.weight,
    status: 'not_started',
    owner: '',
    notes: '',
    packTitle: m.title,
    ...(m.en ? { en: m.en } : {}),
    questions: m.questions.map((q) => ({ id: q.id, origin: 'pack', text: q.text, answer: '', packText: q.text, ...(q.en ? { en: q.en } : {}) })),
    evidence: [],
    ...principlesFromPack(m),
  }));
  const steps = pack.flows.flatMap((flow) =>
    flow.steps.map((step): ChecklistItem => ({
      id: flowStepItemId(flow.id, step.id),
      kind: 'flow_step',
      origin: 'pack',
      title: step.title,
      packTitle: step.title,
      // A step's description is its item's intro, in English too.
      ...(step.en ? { en: { title: step.en.title, ...(step.en.description ? { intro: step.en.description } : {}) } } : {}),
      intro: step.description,
      packIntro: step.description,
      ...(step.phase === undefined ? {} : { phaseId: step.phase }),
      focusAreaIds: [],
      flowId: flow.id,
      stepKind: step.kind,
      dependsOn: step.dependsOn.map((dep) => flowStepItemId(flow.id, dep)),
      weight: 1,
      status: 'not_started',
      owner: '',
      notes: '',
      questions: [],
      evidence: [],
    })),
  );
  return [...milestones, ...steps];
}

/** The pack's structure as a municipality file keeps it (so the file can be read without the pack). */
export function frameworkFromPack(pack: Pack): MunicipalityFile['framework'] {
  return {
    drivers: pack.drivers,
    phases: pack.phases,
    maturityBands: pack.maturityBands,
    flows: pack.flows.map((f) => ({ id: f.id, title: f.title, description: f.description, ...(f.en ? { en: f.en } : {}) })),
    sources: pack.sources,
    tally: pack.tally ?? null,
    ...(pack.references.length > 0 ? { references: pack.references } : {}),
    ...(pack.evaluation === undefined ? {} : { evaluation: pack.evaluation }),
  };
}

/** Which pack a file was made from, with the method's English name when the pack gives one. */
export function packRef(pack: Pack): MunicipalityFile['pack'] {
  return { id: pack.id, version: pack.version, title: pack.title, ...(pack.en ? { en: { title: pack.en.title } } : {}) };
}

export function createMunicipality(pack: Pack, name: string, env: Environment): MunicipalityFile {
  const now = env.now().toISOString();
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: env.newId(),
    name: name.trim(),
    pack: packRef(pack),
    framework: frameworkFromPack(pack),
    items: itemsFromPack(pack),
    removedPackItemIds: [],
    isExample: false,
    assessment: { cadenceMonths: 6, snapshots: [] },
    conferences: { targets: [], counts: [] },
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
}
