import { applyEdit, EditError, type ChecklistEdit } from '../core/checklist/edits';
import { createMunicipality, type Environment } from '../core/checklist/create';
import { localDateString, municipalitySummarySchema, summarizeMunicipality, type MunicipalitySummary } from '../core/checklist/summary';
import { formatProblem } from '../core/schema/common';
import type { MunicipalityFile } from '../core/schema/municipality';
import { summarizePack, type Pack, type PackSummary } from '../core/schema/pack';
import { parseMunicipalityJson, serializeMunicipality } from '../core/schema/validate-municipality';
import { BackendError } from './errors';
import { createSampleMunicipality, SAMPLE_PACK_ID } from './sample';
import type { Recovery, TrashEntry, WorkspaceStorage } from './storage/port';
import { buildPlan } from '../core/plan/model';
import { planToHtmlBody } from '../core/plan/html';
import type { PlanFormat, PlanOptions } from '../core/plan/options';
import { exportPlan, type ExportedPlan } from './plan/export';
import { anonymise, buildPortfolio, type Portfolio } from '../core/portfolio';
import { portfolioToXlsx } from './portfolio-xlsx';
import { applyPackUpdate, computePackUpdate, PackUpdateError, type ConflictChoices, type PackUpdate } from '../core/pack-update';
import type { PdfRenderer } from './plan/pdf';

export interface OpenedMunicipality {
  file: MunicipalityFile;
  recovery: Recovery | null;
}

/**
 * The use cases of a workspace. Both transports of the app (IPC, HTTP) reach them only through
 * dispatch; the CLI works on single files with the core and the plan exporters directly.
 */
export class WorkspaceService {
  constructor(
    private readonly storage: WorkspaceStorage,
    private readonly packs: readonly Pack[],
    private readonly env: Environment,
    private readonly renderPdf: PdfRenderer,
  ) {}

  get location(): string {
    return this.storage.location;
  }

  listPacks(): PackSummary[] {
    return this.packs.map(summarizePack);
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
    const today = this.today();
    const index = new Map((await this.storage.readIndex()).map((e) => [e.id, e]));
    const summaries: MunicipalitySummary[] = [];
    const entries = [];
    let changed = false;
    for (const id of await this.storage.listIds()) {
      const stat = await this.storage.stat(id);
      if (stat === null) continue;
      const cached = index.get(id);
      const parsed = cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs && cached.day === today ? municipalitySummarySchema.safeParse(cached.summary) : null;
      let summary: MunicipalitySummary;
      let seen = stat;
      if (parsed?.success) summary = parsed.data;
      else {
        changed = true;
        try {
          summary = summarizeMunicipality((await this.storage.read(id)).file, today);
        } catch {
          continue; // A file that cannot be opened is reported when the user opens it.
        }
        // Reading may have migrated or restored the file; remember what is on disk now.
        seen = (await this.storage.stat(id)) ?? stat;
      }
      entries.push({ id, size: seen.size, mtimeMs: seen.mtimeMs, day: today, summary });
      summaries.push(summary);
    }
    if (changed || entries.length !== index.size) await this.storage.writeIndex(entries);
    return summaries.sort((a, b) => a.name.localeCompare(b.name, 'da', { numeric: true }));
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

  /**
   * Imports a municipality file: validated first, nothing written if invalid. An id that is
   * already in the workspace gets a new id, so an import never overwrites existing work.
   */
  async importFile(text: string, fileName: string): Promise<MunicipalityFile> {
    const parsed = parseMunicipalityJson(text, fileName);
    if (!parsed.ok) {
      const newer = parsed.problems.find((p) => p.field === 'schemaVersion' && p.message.includes('newer version of Milepæl'));
      if (newer) throw new BackendError('newer_version', `${fileName}: ${newer.message} Nothing was imported.`, parsed.problems);
      const first = parsed.problems.slice(0, 3).map(formatProblem).join('; ');
      const more = parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : '';
      throw new BackendError('invalid_file', `${fileName} is not a valid municipality file: ${first}${more}. Nothing was imported.`, parsed.problems);
    }
    const file = parsed.value.file;
    const taken = (await this.storage.stat(file.id)) !== null;
    return this.storage.create(taken ? { ...file, id: this.env.newId(), revision: 0 } : { ...file, revision: 0 });
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

  async previewPlan(id: string, options: PlanOptions): Promise<string> {
    const { file } = await this.storage.read(id);
    return planToHtmlBody(buildPlan(file, options, this.today()));
  }

  async exportPlan(id: string, format: PlanFormat, options: PlanOptions): Promise<ExportedPlan> {
    const { file } = await this.storage.read(id);
    return exportPlan(file, format, options, this.today(), this.renderPdf);
  }

  /** All municipalities on one method, read once each; a file that cannot be opened is left out. */
  async portfolio(packId: string, anonymised: boolean, word = 'Kommune'): Promise<Portfolio> {
    const pack = this.getPack(packId);
    const files = [];
    for (const id of await this.storage.listIds()) {
      try {
        files.push((await this.storage.read(id)).file);
      } catch {
        // Reported when the user opens that municipality.
      }
    }
    const portfolio = buildPortfolio(pack, files, this.today());
    return anonymised ? anonymise(portfolio, word) : portfolio;
  }

  async exportPortfolio(packId: string, anonymised: boolean, language: 'da' | 'en'): Promise<ExportedPlan> {
    const portfolio = await this.portfolio(packId, anonymised, language === 'da' ? 'Kommune' : 'Municipality');
    return {
      fileName: `${language === 'da' ? 'portefoelje' : 'portfolio'}-${packId}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: await portfolioToXlsx(portfolio, language),
    };
  }

  async exportFile(id: string): Promise<{ fileName: string; text: string }> {
    const { file } = await this.storage.read(id);
    const safe = file.name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'kommune';
    return { fileName: `${safe}.milepael.json`, text: serializeMunicipality(file) };
  }
}
