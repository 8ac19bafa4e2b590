import { useId, useRef, useState } from 'react';
import { ApiCallError, type ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { MAX_IMPORT_CHARS } from '../../api/limits';
import { useI18n } from '../i18n';
import { Banner } from './Banner';
import { problemsText } from './problem-text';

type Check = Output<'municipality.importCheck'>;
type Choice = 'replace' | 'copy' | 'skip';

interface Pending {
  fileName: string;
  text: string;
  check: Check & { existing: NonNullable<Check['existing']> };
  choice: Choice;
}

interface Refused {
  fileName: string;
  reason: string;
}

interface Summary {
  imported: number;
  updated: number;
  skipped: number;
  refused: Refused[];
}

interface Props {
  client: ApiClient;
  /** Called after every import run, so the list shows what arrived. */
  onImported: (lastId: string | null) => void;
}

const isJson = (name: string) => name.toLowerCase().endsWith('.json');

/**
 * Importing one file, many files or a whole folder: files whose municipality is already in the
 * workspace wait for the person's choice (update, keep both, skip) with what would change; every
 * other file is imported at once; at the end one summary says what came in and what was refused.
 */
export function ImportFlow({ client, onImported }: Props) {
  const { t, formatDate } = useI18n();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const headingId = useId();

  // The backend words its refusals in English for logs and the command line; the reader gets the
  // code's sentence and the problems (which field, what is wrong) in the page's language.
  const reasonOf = (error: unknown) => {
    if (error instanceof ApiCallError) return [t(`error.${error.code}`), error.code === 'invalid_file' ? problemsText(error.error.issues ?? [], t) : ''].filter(Boolean).join(' ');
    return error instanceof Error ? error.message : String(error);
  };

  const start = async (list: FileList | null, from: 'files' | 'folder') => {
    const files = [...(list ?? [])];
    if (filesRef.current) filesRef.current.value = '';
    if (folderRef.current) folderRef.current.value = '';
    if (files.length === 0) return;
    const result: Summary = { imported: 0, updated: 0, skipped: 0, refused: [] };
    const waiting: Pending[] = [];
    let lastId: string | null = null;
    const candidates = files.filter((f) => isJson(f.name));
    // Files the person chose are each answered for. A folder holds other files too (backups, notes):
    // there only a folder without any .json file is worth a line.
    if (from === 'files') for (const f of files) if (!isJson(f.name)) result.refused.push({ fileName: f.name, reason: t('import.notJson') });
    if (from === 'folder' && candidates.length === 0) result.refused.push({ fileName: '', reason: t('import.noFiles') });
    setSummary(null);
    setProgress({ done: 0, total: candidates.length });
    for (const [n, file] of candidates.entries()) {
      const fileName = file.webkitRelativePath || file.name;
      try {
        if (file.size > MAX_IMPORT_CHARS) throw new Error(t('import.tooLarge'));
        const text = await file.text();
        const check = await client.call('municipality.importCheck', { fileName: file.name, text });
        if (check.existing) {
          const choice: Choice = check.existing.difference.identical ? 'skip' : 'replace';
          waiting.push({ fileName, text, check: { ...check, existing: check.existing }, choice });
        } else {
          lastId = (await client.call('municipality.import', { fileName: file.name, text })).id;
          result.imported += 1;
        }
      } catch (error) {
        result.refused.push({ fileName, reason: reasonOf(error) });
      }
      setProgress({ done: n + 1, total: candidates.length });
    }
    setProgress(null);
    setPending(waiting);
    setSummary(result);
    onImported(lastId);
  };

  const decide = async () => {
    const result: Summary = summary ?? { imported: 0, updated: 0, skipped: 0, refused: [] };
    let lastId: string | null = null;
    setProgress({ done: 0, total: pending.length });
    for (const [n, item] of pending.entries()) {
      try {
        if (item.choice === 'skip') result.skipped += 1;
        else {
          lastId = (await client.call('municipality.import', { fileName: item.fileName, text: item.text, onExisting: item.choice })).id;
          if (item.choice === 'replace') result.updated += 1;
          else result.imported += 1;
        }
      } catch (error) {
        result.refused.push({ fileName: item.fileName, reason: reasonOf(error) });
      }
      setProgress({ done: n + 1, total: pending.length });
    }
    setProgress(null);
    setPending([]);
    setSummary({ ...result });
    onImported(lastId);
  };

  const cancel = () => {
    setSummary((s) => (s ? { ...s, skipped: s.skipped + pending.length } : s));
    setPending([]);
  };

  return (
    <>
      <button type="button" onClick={() => filesRef.current?.click()}>
        {t('import.files')}
      </button>
      <button type="button" onClick={() => folderRef.current?.click()}>
        {t('import.folder')}
      </button>
      <input
        ref={filesRef}
        type="file"
        multiple
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('import.files')}
        onChange={(e) => void start(e.target.files, 'files')}
      />
      <input
        ref={folderRef}
        type="file"
        // Chromium and Electron pick a whole folder this way; React passes the attribute through.
        {...{ webkitdirectory: '' }}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('import.folder')}
        onChange={(e) => void start(e.target.files, 'folder')}
      />
      {progress && (
        <p className="import-progress" role="status">
          <progress max={Math.max(progress.total, 1)} value={progress.done} /> {t('import.progress', { done: progress.done, total: progress.total })}
        </p>
      )}
      {summary && pending.length === 0 && !progress && <ImportSummary summary={summary} onDismiss={() => setSummary(null)} />}
      {pending.length > 0 && !progress && (
        <section className="import-decisions card" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('import.existingTitle')}</h2>
          <p>{t('import.existingIntro')}</p>
          <p className="muted">{t('import.replaceNote')}</p>
          <ul className="import-decision-list">
            {pending.map((item, n) => (
              <li key={`${item.fileName}-${n}`}>
                <PendingDecision
                  item={item}
                  formatDate={formatDate}
                  onChoose={(choice) => setPending((all) => all.map((p, m) => (m === n ? { ...p, choice } : p)))}
                />
              </li>
            ))}
          </ul>
          <div className="card-actions">
            <button type="button" className="button-primary" onClick={() => void decide()}>
              {t('import.apply')}
            </button>
            <button type="button" onClick={cancel}>
              {t('import.cancel')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}

function PendingDecision({ item, onChoose, formatDate }: { item: Pending; onChoose: (choice: Choice) => void; formatDate: (iso: string) => string }) {
  const { t } = useI18n();
  const group = useId();
  const { difference } = item.check.existing;
  const lines: string[] = [];
  if (difference.name) lines.push(t('import.rename', difference.name));
  if (difference.rounds.from !== difference.rounds.to) lines.push(t('import.rounds', difference.rounds));
  if (difference.conferences) lines.push(t('import.conferences'));
  for (const d of difference.items) {
    if (d.kind === 'added') lines.push(t('import.itemAdded', { title: d.title }));
    else if (d.kind === 'removed') lines.push(t('import.itemRemoved', { title: d.title }));
    else for (const c of d.changes) lines.push(`${d.title} – ${t('import.change', { field: t(`import.field.${c.field}`), from: fieldText(t, c.field, c.from), to: fieldText(t, c.field, c.to) })}`);
  }
  return (
    <fieldset className="import-decision">
      <legend>{t('import.existingFile', { file: item.fileName, name: item.check.name })}</legend>
      <p className="muted">
        {t(`import.newer.${difference.newer}`)} ({formatDate(item.check.existing.updatedAt)})
      </p>
      {difference.identical ? (
        <p>{t('import.identical')}</p>
      ) : (
        <details>
          <summary>{t('import.differences', { count: lines.length })}</summary>
          <ul className="import-differences">
            {lines.slice(0, 200).map((line, n) => (
              <li key={n}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      <div role="radiogroup" aria-label={t('import.choice', { file: item.fileName })} className="import-choices">
        {(['replace', 'copy', 'skip'] as const).map((choice) => (
          <label key={choice} className="checkbox">
            <input type="radio" name={group} checked={item.choice === choice} onChange={() => onChoose(choice)} /> {t(`import.choice.${choice}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function fieldText(t: Translate, field: string, value: string): string {
  if (value === '') return '–';
  if (field === 'status' && (value === 'not_started' || value === 'in_progress' || value === 'in_place' || value === 'not_relevant')) return t(`status.${value}`);
  return value;
}

function ImportSummary({ summary, onDismiss }: { summary: Summary; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <Banner kind={summary.refused.length > 0 ? 'warning' : 'info'} onDismiss={onDismiss}>
      <p>{t('import.summary', { imported: summary.imported, updated: summary.updated, refused: summary.refused.length, skipped: summary.skipped })}</p>
      {summary.refused.length > 0 && (
        <details open={summary.refused.length <= 5}>
          <summary>{t('import.refusedTitle')}</summary>
          <ul>
            {summary.refused.map((r, n) => (
              <li key={n}>
                {r.fileName && <code>{r.fileName}</code>} {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Banner>
  );
}
