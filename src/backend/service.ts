import { applyEdit, EditError, type ChecklistEdit } from '../core/checklist/edits';
import { createMunicipality, type Environment } from '../core/checklist/create';
import { localDateString, type MunicipalitySummary } from '../core/checklist/summary';
import { formatProblem } from '../core/schema/common';
import type { MunicipalityFile } from '../core/schema/municipality';
import { summarizePack, type Pack, type PackSummary } from '../core/schema/pack';
import { parseMunicipalityJson, serializeMunicipality } from '../core/schema/validate-municipality';
import { BackendError } from './errors';
import { createSampleMunicipality, SAMPLE_PACK_ID } from './sample';
import type { Recovery, TrashEntry, WorkspaceStorage } from './storage/port';
import { compareMunicipalities, type MunicipalityDifference } from '../core/checklist/compare';
import { buildPlan } from '../core/plan/model';
import { planToHtmlBody } from '../core/plan/html';
import type { PlanFormat, PlanOptions } from '../core/plan/options';
import { exportPlan, planContextFromPack, type ExportedPlan } from './plan/export';
import { anonymise, assemblePortfolio, localizePortfolio, nameOrder, type Portfolio } from '../core/portfolio';
import { SummaryCache } from './summary-cache';
import { applyPackUpdate, computePackUpdate, PackUpdateError, type ConflictChoices, type PackUpdate } from '../core/pack-update';
import type { PdfRenderer } from './plan/pdf';
import type { PlanContext } from '../core/plan/extensions';
import { changesAppendix } from './plan/changes-appendix';
import { changesSinceLastRound } from './engine/changes-since-round';
import { engineOf } from './engine/registry';

export interface ImportCheck {
  id: string;
  name: string;
  /** The municipality with the same id already in the workspace, and what an update would change. */
  existing: { name: string; updatedAt: string; revision: number; difference: MunicipalityDifference } | null;
}

export interface OpenedMunicipality {
  file: MunicipalityFile;
  recovery: Recovery | null;
}

/**
 * The use cases of a workspace. Both transports of the app (IPC, HTTP) reach them only through
 * dispatch; the CLI works on single files with the core and the plan exporters directly.
 */
export class WorkspaceService {
  private readonly summaries: SummaryCache;

  constructor(
    private readonly storage: WorkspaceStorage,
    private readonly packs: readonly Pack[],
    private readonly env: Environment,
    private readonly renderPdf: PdfRenderer,
  ) {
    this.summaries = new SummaryCache(storage, packs);
  }

  get location(): string {
    return this.storage.location;
  }

  listPacks(): PackSummary[] {
    return this.packs.map(summarizePack);
  }

  /** The pack listed first: the one a screen starts with when none is chosen. */
  firstPackId(): string {
    const first = this.packs[0];
    if (!first) throw new BackendError('not_found', 'no method pack is installed');
    return first.id;
  }

  getPack(id: string): Pack {
    const pack = this.packs.find((p) => p.id === id);
    if (!pack) throw new BackendError('not_found', `there is no method pack "${id}"; available: ${this.packs.map((p) => p.id).join(', ')}`);
    return pack;
  }

  private today(): string {
    return localDateString(this.env.now());
  }

  /** Summaries for the start screen; files unchanged since the index was written are not re-read. */
  async list(): Promise<MunicipalitySummary[]> {
    const summaries = (await this.summaries.read(this.today())).map((s) => s.summary);
    const byName = nameOrder();
    return summaries.sort((a, b) => byName.compare(a.name, b.name));
  }

  /** Files the last list left out because a newer Milepæl wrote them (kept as they are, never restored over). */
  async listUnavailable(): Promise<Array<{ id: string; message: string }>> {
    // The start screen asks right after listing: no second pass over every file.
    if (!this.summaries.hasRead) await this.summaries.read(this.today());
    return this.summaries.unavailable;
  }

  async create(name: string, packId: string): Promise<MunicipalityFile> {
    return this.storage.create(createMunicipality(this.getPack(packId), name, this.env));
  }

  async createSample(): Promise<MunicipalityFile> {
    return this.storage.create(createSampleMunicipality(this.getPack(SAMPLE_PACK_ID), this.env));
  }

  async open(id: string): Promise<OpenedMunicipality> {
    const stored = await this.storage.read(id);
    return { file: stored.file, recovery: stored.recovery ?? null };
  }

  /** Applies edits in order to the saved revision `baseRevision`; all or nothing. */
  async applyEdits(id: string, baseRevision: number, edits: readonly ChecklistEdit[]): Promise<MunicipalityFile> {
    try {
      return await this.storage.update(id, baseRevision, (file) => edits.reduce((next, edit) => applyEdit(next, edit, this.env), file));
    } catch (error) {
      if (error instanceof EditError) throw new BackendError('invalid_input', error.message);
      throw error;
    }
  }

  async save(file: MunicipalityFile, baseRevision: number): Promise<MunicipalityFile> {
    return this.storage.write(file, baseRevision);
  }

  async rename(id: string, name: string, baseRevision: number): Promise<MunicipalityFile> {
    return this.applyEdits(id, baseRevision, [{ type: 'renameMunicipality', name }]);
  }

  async duplicate(id: string, name: string): Promise<MunicipalityFile> {
    const { file } = await this.storage.read(id);
    const now = this.env.now().toISOString();
    return this.storage.create({ ...file, id: this.env.newId(), name: name.trim(), revision: 0, createdAt: now, updatedAt: now, isExample: false });
  }

  async remove(id: string): Promise<void> {
    await this.storage.moveToTrash(id);
  }

  async restore(id: string): Promise<void> {
    await this.storage.restoreFromTrash(id);
  }

  listTrash(): Promise<TrashEntry[]> {
    return this.storage.listTrash();
  }

  private parseImport(text: string, fileName: string): MunicipalityFile {
    const parsed = parseMunicipalityJson(text, fileName);
    if (!parsed.ok) {
      const newer = parsed.problems.find((p) => p.field === 'schemaVersion' && p.message.includes('newer version of Milepæl'));
      if (newer) throw new BackendError('newer_version', `${fileName}: ${newer.message} Nothing was imported.`, parsed.problems);
      const first = parsed.problems.slice(0, 3).map(formatProblem).join('; ');
      const more = parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : '';
      throw new BackendError('invalid_file', `${fileName} is not a valid municipality file: ${first}${more}. Nothing was imported.`, parsed.problems);
    }
    return parsed.value.file;
  }

  /**
   * What importing a file would do, before anything is written: a file whose id is already in the
   * workspace is the same municipality coming back (consultant ↔ municipality), so the person is
   * shown what an update would change instead of getting a silent second copy.
   */
  async checkImport(text: string, fileName: string): Promise<ImportCheck> {
    const file = this.parseImport(text, fileName);
    if ((await this.storage.stat(file.id)) === null) return { id: file.id, name: file.name, existing: null };
    const { file: current } = await this.storage.read(file.id);
    return {
      id: file.id,
      name: file.name,
      existing: { name: current.name, updatedAt: current.updatedAt, revision: current.revision, difference: compareMunicipalities(current, file) },
    };
  }

  /**
   * Imports a municipality file: validated first, nothing written if invalid. An id already in the
   * workspace gets a new id ("copy"), so an import never overwrites work unless the person chose
   * "replace" — and then the storage keeps a backup of the file it replaces.
   */
  async importFile(text: string, fileName: string, onExisting: 'copy' | 'replace' = 'copy'): Promise<MunicipalityFile> {
    const file = this.parseImport(text, fileName);
    const existing = await this.storage.stat(file.id);
    if (existing === null) return this.storage.create({ ...file, revision: 0 });
    if (onExisting === 'copy') return this.storage.create({ ...file, id: this.env.newId(), revision: 0 });
    const { file: current } = await this.storage.read(file.id);
    return this.storage.update(file.id, current.revision, () => ({ ...file, id: current.id, isExample: current.isExample && file.isExample, revision: current.revision }));
  }

  async packUpdate(id: string): Promise<PackUpdate | null> {
    const { file } = await this.storage.read(id);
    const pack = this.packs.find((p) => p.id === file.pack.id);
    return pack ? computePackUpdate(file, pack) : null;
  }

  /** Brings the municipality onto the newest version of its pack; the save keeps a backup of the old file. */
  async applyPackUpdate(id: string, baseRevision: number, choices: ConflictChoices): Promise<MunicipalityFile> {
    try {
      return await this.storage.update(id, baseRevision, (file) => applyPackUpdate(file, this.getPack(file.pack.id), choices));
    } catch (error) {
      if (error instanceof PackUpdateError) throw new BackendError('invalid_input', error.message);
      throw error;
    }
  }

  /** The pack's references, and the change-log appendix where the workspace runs on the engine and the section is chosen. */
  private async planContext(file: MunicipalityFile, options: PlanOptions): Promise<PlanContext> {
    const context = planContextFromPack(this.packs.find((p) => p.id === file.pack.id));
    const engine = engineOf(this);
    if (!engine || !options.sections.includes('changes')) return context;
    const changes = changesSinceLastRound(file, await engine.changeLog(file.id));
    return { ...context, appendices: [...(context.appendices ?? []), changesAppendix(changes, options.language)] };
  }

  async previewPlan(id: string, options: PlanOptions): Promise<string> {
    const { file } = await this.storage.read(id);
    return planToHtmlBody(buildPlan(file, options, this.today(), await this.planContext(file, options)));
  }

  async exportPlan(id: string, format: PlanFormat, options: PlanOptions): Promise<ExportedPlan> {
    const { file } = await this.storage.read(id);
    return exportPlan(file, format, options, this.today(), this.renderPdf, { context: await this.planContext(file, options) });
  }

  /** All municipalities on one method; only files changed since the last call are read. A file that cannot be opened is left out. */
  async portfolio(packId: string, anonymised: boolean, word = 'Kommune'): Promise<Portfolio> {
    const pack = this.getPack(packId);
    const rows = (await this.summaries.read(this.today())).flatMap((s) => (s.portfolio?.packId === pack.id ? [s.portfolio.row] : []));
    const portfolio = assemblePortfolio(pack, rows);
    return anonymised ? anonymise(portfolio, word) : portfolio;
  }

  async exportPortfolio(packId: string, anonymised: boolean, language: 'da' | 'en'): Promise<ExportedPlan> {
    const portfolio = await this.portfolio(packId, anonymised, language === 'da' ? 'Kommune' : 'Municipality');
    return {
      fileName: `${language === 'da' ? 'portefoelje' : 'portfolio'}-${packId}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      // exceljs is large: loaded only when a sheet is asked for.
      data: await (await import('./portfolio-xlsx')).portfolioToXlsx(localizePortfolio(portfolio, language), language),
    };
  }

  async exportFile(id: string): Promise<{ fileName: string; text: string }> {
    const { file } = await this.storage.read(id);
    const safe = file.name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'kommune';
    return { fileName: `${safe}.milepael.json`, text: serializeMunicipality(file) };
  }
}
