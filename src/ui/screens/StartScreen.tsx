import { Copy, Download, Pencil, Trash2, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { MAX_MUNICIPALITY_NAME } from '../../api/limits';
import { copyName } from './copy-name';
import { localizeSummary } from '../../core/checklist/summary';
import { Banner } from '../components/Banner';
import { ImportFlow } from '../components/ImportFlow';
import { ScoreBar } from '../components/ScoreBar';
import { downloadText } from '../download';
import { subscribeWorkspaceEvents } from '../api';
import { SharingPanel } from '../components/SharingPanel';
import { useI18n } from '../i18n';
import { Editing } from '../state/read-only';
import '../workflow.css';

type Summary = Output<'municipality.list'>[number];
type PackSummary = Output<'packs.list'>[number];
type SortKey = 'name' | 'score' | 'updated' | 'overdue';
type View = 'cards' | 'list';
const VIEW_KEY = 'milepael.startView';

function storedView(): View {
  try {
    return window.localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'cards';
  } catch {
    return 'cards';
  }
}

interface Props {
  client: ApiClient;
  onOpen: (id: string) => void;
  onError: (error: unknown) => void;
  onPortfolio: () => void;
}

export function StartScreen({ client, onOpen, onError, onPortfolio }: Props) {
  const { t, formatDate, formatPercent, language } = useI18n();
  const [list, setList] = useState<Summary[] | null>(null);
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [notice, setNotice] = useState<{ text: string; undoId?: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  /** The new municipality's name as typed, to say at once when it is too long. */
  const [newNameLength, setNewNameLength] = useState(0);
  const [view, setView] = useState<View>(storedView);
  const ids = { search: useId(), sort: useId(), name: useId(), pack: useId(), view: useId() };
  const chooseView = (next: View) => {
    setView(next);
    try {
      window.localStorage.setItem(VIEW_KEY, next);
    } catch {
      // A locked-down browser without storage still switches; it just forgets next time.
    }
  };

  const [unavailable, setUnavailable] = useState<Output<'municipality.unavailable'>>([]);
  const refresh = useCallback(async () => {
    try {
      setList(await client.call('municipality.list', {}));
      setUnavailable(await client.call('municipality.unavailable', {}));
    } catch (error) {
      onError(error);
    }
  }, [client, onError]);

  useEffect(() => {
    void refresh();
    client.call('packs.list', {}).then(setPacks, onError);
  }, [client, refresh, onError]);
  // A municipality added, renamed or changed in another window or app shows up here too.
  useEffect(() => subscribeWorkspaceEvents(() => void refresh()), [refresh]);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      onError(error);
    }
    await refresh();
  };

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('da');
    const filtered = (list ?? []).filter((m) => m.name.toLocaleLowerCase('da').includes(q)).map((m) => localizeSummary(m, language));
    const by: Record<SortKey, (a: Summary, b: Summary) => number> = {
      name: (a, b) => a.name.localeCompare(b.name, 'da', { numeric: true }),
      score: (a, b) => (b.overall ?? -1) - (a.overall ?? -1),
      updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
      overdue: (a, b) => b.overdueCount - a.overdueCount,
    };
    return [...filtered].sort(by[sort]);
  }, [list, query, sort, language]);

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    setNewNameLength(name.length);
    if (name.length > MAX_MUNICIPALITY_NAME) return;
    const packId = String(form.get('pack') ?? '');
    const target = event.currentTarget;
    void run(async () => {
      const file = await client.call('municipality.create', { name, packId });
      target.reset();
      setNewNameLength(0);
      setNotice({ text: t('start.created', { name: file.name }) });
      onOpen(file.id);
    });
  };

  return (
    <section className="start" aria-labelledby="start-title">
      <div className="start-head">
        <h1 id="start-title">{t('start.title')}</h1>
        {list && list.length > 0 && <p className="muted">{t('start.count', { count: list.length })}</p>}
        {list && list.length > 1 && (
          <button type="button" className="start-portfolio" onClick={onPortfolio}>
            {t('portfolio.open')}
          </button>
        )}
      </div>

      {unavailable.map((u) => (
        <Banner key={u.id} kind="warning">
          {t('start.unavailable', { file: `${u.id}.json` })}
        </Banner>
      ))}

      {notice && (
        <Banner
          kind="info"
          onDismiss={() => setNotice(null)}
          action={
            notice.undoId ? (
              <button type="button" onClick={() => void run(async () => (await client.call('municipality.restore', { id: notice.undoId! }), setNotice(null)))}>
                {t('start.undo')}
              </button>
            ) : undefined
          }
        >
          {notice.text}
        </Banner>
      )}

      <Editing>
      <SharingPanel client={client} onSwitched={() => void refresh()} />

      <form className="create-form card" onSubmit={create} aria-label={t('start.new')}>
        <h2>{t('start.new')}</h2>
        <div className="field">
          <label htmlFor={ids.name}>{t('start.name')}</label>
          <input
            id={ids.name}
            name="name"
            required
            autoComplete="off"
            aria-invalid={newNameLength > MAX_MUNICIPALITY_NAME || undefined}
            aria-describedby={newNameLength > MAX_MUNICIPALITY_NAME ? `${ids.name}-error` : undefined}
            onChange={(e) => setNewNameLength(e.target.value.trim().length)}
          />
          <NameTooLong id={`${ids.name}-error`} length={newNameLength} />
        </div>
        <div className="field">
          <label htmlFor={ids.pack}>{t('start.pack')}</label>
          <select id={ids.pack} name="pack">
            {packs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary">
          {t('start.create')}
        </button>
      </form>
      <div className="import-actions">
        <ImportFlow client={client} onImported={() => void refresh()} />
      </div>
      </Editing>

      {list === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <div className="empty card">
          <h2>{t('start.empty.title')}</h2>
          <p>{t('start.empty.text')}</p>
          <Editing>
            <button
              type="button"
              className="button-primary"
              onClick={() => void run(async () => onOpen((await client.call('municipality.createSample', {})).id))}
            >
              {t('start.empty.sample')}
            </button>
          </Editing>
        </div>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={ids.search}>{t('start.search')}</label>
              <input id={ids.search} type="search" value={query} placeholder={t('start.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.sort}>{t('start.sort')}</label>
              <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                {(['name', 'score', 'updated', 'overdue'] as const).map((key) => (
                  <option key={key} value={key}>
                    {t(`start.sort.${key}`)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="segmented">
              <legend>{t('start.view')}</legend>
              {(['cards', 'list'] as const).map((v) => (
                <label key={v} className={view === v ? 'is-selected' : ''}>
                  <input type="radio" name={ids.view} checked={view === v} onChange={() => chooseView(v)} /> {t(`start.view.${v}`)}
                </label>
              ))}
            </fieldset>
          </div>
          {visible.length === 0 && <p className="muted">{t('start.noMatch', { query })}</p>}
          {view === 'list' && visible.length > 0 && (
            <MunicipalityTable
              rows={visible}
              onOpen={onOpen}
              renaming={renaming}
              onRename={(m) => setRenaming(m.id)}
              onRenamed={(m, name) =>
                name === null
                  ? setRenaming(null)
                  : void run(async () => {
                      await client.call('municipality.rename', { id: m.id, name, baseRevision: m.revision });
                      setRenaming(null);
                    })
              }
              onExport={(m) =>
                void run(async () => {
                  const exported = await client.call('municipality.export', { id: m.id });
                  downloadText(exported.fileName, exported.text);
                })
              }
              onDuplicate={(m) =>
                void run(async () => void (await client.call('municipality.duplicate', { id: m.id, name: copyName(m.name, t) })))
              }
              onDelete={(m) =>
                void run(async () => {
                  await client.call('municipality.delete', { id: m.id });
                  setNotice({ text: t('start.deleted', { name: m.name }), undoId: m.id });
                })
              }
            />
          )}
          {view === 'cards' && (
            <ul className="municipality-list">
              {visible.map((m) => (
                <li key={m.id} className="municipality-card card">
                  {/* The same six rows on every card (name, score, method, bars, dates, actions), lined up across a row of cards. */}
                  <h2>
                    <button type="button" className="link-button" onClick={() => onOpen(m.id)}>
                      {m.name}
                    </button>
                    {m.isExample && <span className="tag">{t('start.example')}</span>}
                  </h2>
                  <p className="overall">
                    <span className="overall-value">{formatPercent(m.overall)}</span> <span className="muted">{t('score.overall')}</span>
                    {m.band && <span className="muted"> · {m.band}</span>}
                  </p>
                  <p className="muted municipality-card-method">{m.pack.title}</p>
                  <div className="mini-bars">
                    {m.drivers.map((d) => (
                      <ScoreBar key={d.id} label={d.title} percent={d.percent} compact />
                    ))}
                  </div>
                  <p className="meta">
                    <span>{t('start.lastEdited', { date: formatDate(m.updatedAt) })}</span>
                    {m.nextDue ? (
                      <span>{t('start.nextDue', { title: m.nextDue.title, date: formatDate(m.nextDue.dueDate) })}</span>
                    ) : (
                      m.overdueCount === 0 && <span>{t('start.noDue')}</span>
                    )}
                    {m.overdueCount > 0 && (
                      <span className="overdue-flag">
                        <TriangleAlert className="icon" size={16} aria-hidden="true" /> {t('start.overdue', { count: m.overdueCount })}
                      </span>
                    )}
                  </p>
                  {renaming === m.id ? (
                    <RenameForm
                      name={m.name}
                      onCancel={() => setRenaming(null)}
                      onSave={(name) =>
                        void run(async () => {
                          await client.call('municipality.rename', { id: m.id, name, baseRevision: m.revision });
                          setRenaming(null);
                        })
                      }
                    />
                  ) : (
                    <div className="card-actions" role="group" aria-label={t('start.actionsFor', { name: m.name })}>
                      <button type="button" className="button-primary" onClick={() => onOpen(m.id)}>
                        {t('start.open')}
                      </button>
                      <Editing>
                        <button type="button" onClick={() => setRenaming(m.id)}>
                          {t('start.rename')}
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            void run(async () => void (await client.call('municipality.duplicate', { id: m.id, name: copyName(m.name, t) })))
                          }
                        >
                          {t('start.duplicate')}
                        </button>
                      </Editing>
                      <button
                        type="button"
                        onClick={() =>
                          void run(async () => {
                            const exported = await client.call('municipality.export', { id: m.id });
                            downloadText(exported.fileName, exported.text);
                          })
                        }
                      >
                        {t('start.export')}
                      </button>
                      <Editing>
                        <button
                          type="button"
                          className="button-danger card-delete"
                          onClick={() =>
                            void run(async () => {
                              await client.call('municipality.delete', { id: m.id });
                              setNotice({ text: t('start.deleted', { name: m.name }), undoId: m.id });
                            })
                          }
                        >
                          {t('start.delete')}
                        </button>
                      </Editing>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Said by the name field as soon as a name is longer than a municipality's name may be. */
function NameTooLong({ id, length }: { id: string; length: number }) {
  const { t } = useI18n();
  if (length <= MAX_MUNICIPALITY_NAME) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {t('start.nameTooLong', { max: MAX_MUNICIPALITY_NAME, length })}
    </span>
  );
}

function RenameForm({ name, onSave, onCancel }: { name: string; onSave: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(name);
  const length = value.trim().length;
  // A name made before the limit may be longer; it only has to be shortened when it is changed.
  const tooLong = length > MAX_MUNICIPALITY_NAME && value.trim() !== name;
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() === name) onCancel();
        else if (value.trim() && !tooLong) onSave(value.trim());
      }}
    >
      <label htmlFor={id}>{t('start.renamePrompt', { name })}</label>
      <input id={id} value={value} onChange={(e) => setValue(e.target.value)} required autoFocus aria-invalid={tooLong || undefined} aria-describedby={tooLong ? `${id}-error` : undefined} />
      <NameTooLong id={`${id}-error`} length={tooLong ? length : 0} />
      <button type="submit" className="button-primary">
        {t('start.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('start.cancel')}
      </button>
    </form>
  );
}

/** The compact view for a consultant with many municipalities: one row each, sortable above. */
interface TableProps {
  rows: Summary[];
  onOpen: (id: string) => void;
  /** The municipality whose name is being edited in its row, if any. */
  renaming: string | null;
  onRename: (m: Summary) => void;
  /** The new name, or null when the person cancelled. */
  onRenamed: (m: Summary, name: string | null) => void;
  onExport: (m: Summary) => void;
  onDuplicate: (m: Summary) => void;
  onDelete: (m: Summary) => void;
}

/**
 * Fixed column widths, so the table fits a 1366 px window: the name takes what is left, the next
 * deadline stops after two lines (the whole text on hover), and the actions beside "Åbn" are icons
 * with their names as labels and tooltips.
 */
function MunicipalityTable({ rows, onOpen, renaming, onRename, onRenamed, onExport, onDuplicate, onDelete }: TableProps) {
  const { t, formatDate, formatPercent } = useI18n();
  return (
    <div className="table-scroll municipality-table-wrap">
      <table className="municipality-table">
        <colgroup>
          <col />
          <col className="col-method" />
          <col className="col-overall" />
          <col className="col-next" />
          <col className="col-overdue" />
          <col className="col-edited" />
          <col className="col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('start.col.name')}</th>
            <th scope="col">{t('start.col.method')}</th>
            <th scope="col" className="numeric">
              {t('start.col.overall')}
            </th>
            <th scope="col">{t('start.col.next')}</th>
            <th scope="col" className="numeric">
              {t('start.col.overdue')}
            </th>
            <th scope="col">{t('start.col.edited')}</th>
            <th scope="col">{t('start.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row" className="municipality-table-name">
                {renaming === m.id ? (
                  <RenameForm name={m.name} onCancel={() => onRenamed(m, null)} onSave={(name) => onRenamed(m, name)} />
                ) : (
                  <>
                    <button type="button" className="link-button" title={m.name} onClick={() => onOpen(m.id)}>
                      {m.name}
                    </button>
                    {m.isExample && <span className="tag">{t('start.example')}</span>}
                  </>
                )}
              </th>
              <td>{m.pack.title}</td>
              <td className="numeric">{formatPercent(m.overall)}</td>
              {/* With only late items there is nothing upcoming, but there are due dates: say that, not "none set". */}
              <td>
                {m.nextDue ? (
                  <span className="municipality-table-next two-lines" title={`${formatDate(m.nextDue.dueDate)} · ${m.nextDue.title}`}>
                    <span className="nowrap">{formatDate(m.nextDue.dueDate)}</span> · {m.nextDue.title}
                  </span>
                ) : (
                  t(m.overdueCount > 0 ? 'start.noUpcoming' : 'start.noDue')
                )}
              </td>
              <td className="numeric">{m.overdueCount > 0 ? <span className="overdue-flag">{m.overdueCount}</span> : '0'}</td>
              <td>{formatDate(m.updatedAt)}</td>
              <td>
                <div className="table-actions" role="group" aria-label={t('start.actionsFor', { name: m.name })}>
                  <button type="button" onClick={() => onOpen(m.id)}>
                    {t('start.open')}
                  </button>
                  <Editing>
                    <button type="button" className="button-icon" aria-label={t('start.rename')} title={t('start.rename')} onClick={() => onRename(m)}>
                      <Pencil className="icon" size={16} aria-hidden="true" />
                    </button>
                    <button type="button" className="button-icon" aria-label={t('start.duplicate')} title={t('start.duplicate')} onClick={() => onDuplicate(m)}>
                      <Copy className="icon" size={16} aria-hidden="true" />
                    </button>
                  </Editing>
                  <button type="button" className="button-icon" aria-label={t('start.export')} title={t('start.export')} onClick={() => onExport(m)}>
                    <Download className="icon" size={16} aria-hidden="true" />
                  </button>
                  <Editing>
                    <button type="button" className="button-icon button-danger" aria-label={t('start.delete')} title={t('start.delete')} onClick={() => onDelete(m)}>
                      <Trash2 className="icon" size={16} aria-hidden="true" />
                    </button>
                  </Editing>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
