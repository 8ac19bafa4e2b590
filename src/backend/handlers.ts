import type { Handlers } from '../api/dispatch';
import type { WorkspaceService } from './service';
import type { ExportedPlan } from './plan/export';
import { importEvaluationInto } from './evaluation/use-case';
import { liveHandlers } from './engine/handlers';
import { presenceHandlers } from './team/presence-handler';

export interface AppInfo {
  edition: 'desktop' | 'browser';
  version: string;
}

const done = { done: true } as const;

const base64File = (file: ExportedPlan) => ({ fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.data).toString('base64') });

/** Maps every api method onto a use case; the shells register these with `dispatch`. */
export function createHandlers(service: WorkspaceService, info: AppInfo): Handlers {
  return {
    'app.info': () => ({ ...info, workspace: service.location }),
    'packs.list': () => service.listPacks(),
    'packs.get': ({ id }) => service.getPack(id),
    'municipality.list': () => service.list(),
    'municipality.unavailable': () => service.listUnavailable(),
    'municipality.create': ({ name, packId }) => service.create(name, packId),
    'municipality.createSample': () => service.createSample(),
    'municipality.open': ({ id }) => service.open(id),
    'municipality.applyEdits': ({ id, baseRevision, edits }) => service.applyEdits(id, baseRevision, edits),
    'municipality.save': ({ file, baseRevision }) => service.save(file, baseRevision),
    'municipality.rename': ({ id, name, baseRevision }) => service.rename(id, name, baseRevision),
    'municipality.duplicate': ({ id, name }) => service.duplicate(id, name),
    'municipality.delete': async ({ id }) => (await service.remove(id), done),
    'municipality.restore': async ({ id }) => (await service.restore(id), done),
    'municipality.trash': () => service.listTrash(),
    'municipality.import': ({ fileName, text, onExisting }) => service.importFile(text, fileName, onExisting),
    'municipality.importCheck': ({ fileName, text }) => service.checkImport(text, fileName),
    'municipality.export': ({ id }) => service.exportFile(id),
    'municipality.packUpdate': ({ id }) => service.packUpdate(id),
    'municipality.applyPackUpdate': ({ id, baseRevision, choices }) => service.applyPackUpdate(id, baseRevision, choices),
    'plan.preview': async ({ id, options }) => ({ html: await service.previewPlan(id, options) }),
    'plan.export': async ({ id, format, options }) => base64File(await service.exportPlan(id, format, options)),
    'portfolio.get': ({ packId, anonymise }) => service.portfolio(packId ?? service.firstPackId(), anonymise),
    'portfolio.export': async ({ packId, anonymise, language }) => base64File(await service.exportPortfolio(packId, anonymise, language)),
    'evaluation.import': ({ id, baseRevision, fileName, base64 }) => importEvaluationInto(service, id, baseRevision, fileName, Buffer.from(base64, 'base64')),
    ...liveHandlers(service),
    ...presenceHandlers(service),
    // Only a shell that can reopen its workspace (the app, through a SharingSwitcher) switches mode.
    'workspace.setSharing': () => {
      throw { code: 'unavailable', message: 'Her kan du ikke skifte måde at dele på. (Switching the sharing mode is not available here.)' };
    },
  };
}
