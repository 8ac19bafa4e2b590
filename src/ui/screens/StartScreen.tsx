import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { Banner } from '../components/Banner';
import { ScoreBar } from '../components/ScoreBar';
import { downloadText } from '../download';
import { subscribeWorkspaceEvents } from '../api';
import { SharingPanel } from '../components/SharingPanel';
import { useI18n } from '../i18n';

type Summary = Output<'municipality.list'>[number];
type PackSummary = Output<'packs.list'>[number];
type SortKey = 'name' | 'score' | 'updated' | 'overdue';

interface Props {
  client: ApiClient;
  onOpen: (id: string) => void;
  onError: (error: unknown) => void;
  onPortfolio: () => void;
}

export function StartScreen({ client, onOpen, onError, onPortfolio }: Props) {
  const { t, formatDate, formatPercent } = useI18n();
  const [list, setList] = useState<Summary[] | null>(null);
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [notice, setNotice] = useState<{ text: string; undoId?: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const importRef = useRef<HTMLInputElement>(null);
  const ids = { search: useId(), sort: useId(), name: useId(), pack: useId() };

  const refresh = useCallback(async () => {
    try {
      setList(await client.call('municipality.list', {}));
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
    const filtered = (list ?? []).filter((m) => m.name.toLocaleLowerCase('da').includes(q));
    const by: Record<SortKey, (a: Summary, b: Summary) => number> = {
      name: (a, b) => a.name.localeCompare(b.name, 'da', { numeric: true }),
      score: (a, b) => (b.overall ?? -1) - (a.overall ?? -1),
      updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
      overdue: (a, b) => b.overdueCount - a.overdueCount,
    };
    return [...filtered].sort(by[sort]);
  }, [list, query, sort]);

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const packId = String(form.get('pack') ?? '');
    const target = event.currentTarget;
    void run(async () => {
      const file = await client.call('municipality.create', { name, packId });
      target.reset();
      setNotice({ text: t('start.created', { name: file.name }) });
      onOpen(file.id);
    });
  };

  const importFile = (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    void run(async () => {
      const file = await client.call('municipality.import', { fileName: chosen.name, text: await chosen.text() });
      setNotice({ text: t('start.imported', { name: file.name }) });
    });
    if (importRef.current) importRef.current.value = '';
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

      <SharingPanel client={client} />

      <form className="create-form card" onSubmit={create} aria-label={t('start.new')}>
        <h2>{t('start.new')}</h2>
        <div className="field">
          <label htmlFor={ids.name}>{t('start.name')}</label>
          <input id={ids.name} name="name" required maxLength={200} autoComplete="off" />
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
        <button type="button" onClick={() => importRef.current?.click()}>
          {t('start.import')}
        </button>
        <input ref={importRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-label={t('start.import')} onChange={(e) => importFile(e.target.files)} />
      </form>

      {list === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <div className="empty card">
          <h2>{t('start.empty.title')}</h2>
          <p>{t('start.empty.text')}</p>
          <button type="button" className="button-primary" onClick={() => void run(async () => onOpen((await client.call('municipality.createSample', {})).id))}>
            {t('start.empty.sample')}
          </button>
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
          </div>
          {visible.length === 0 && <p className="muted">{t('start.noMatch', { query })}</p>}
          <ul className="municipality-list">
            {visible.map((m) => (
              <li key={m.id} className="municipality-card card">
                <div className="municipality-card-head">
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
                </div>
                <p className="muted">{m.pack.title}</p>
                <div className="mini-bars">
                  {m.drivers.map((d) => (
                    <ScoreBar key={d.id} label={d.title} percent={d.percent} compact />
                  ))}
                </div>
                <p className="meta">
                  <span>{t('start.lastEdited', { date: formatDate(m.updatedAt) })}</span>
                  <span>{m.nextDue ? t('start.nextDue', { title: m.nextDue.title, date: formatDate(m.nextDue.dueDate) }) : t('start.noDue')}</span>
                  {m.overdueCount > 0 && <span className="overdue-flag">⚠ {t('start.overdue', { count: m.overdueCount })}</span>}
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
                    <button type="button" onClick={() => setRenaming(m.id)}>
                      {t('start.rename')}
                    </button>
                    <button type="button" onClick={() => void run(async () => void (await client.call('municipality.duplicate', { id: m.id, name: t('start.copyName', { name: m.name }) })))}>
                      {t('start.duplicate')}
                    </button>
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
                    <button
                      type="button"
                      className="button-danger"
                      onClick={() =>
                        void run(async () => {
                          await client.call('municipality.delete', { id: m.id });
                          setNotice({ text: t('start.deleted', { name: m.name }), undoId: m.id });
                        })
                      }
                    >
                      {t('start.delete')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RenameForm({ name, onSave, onCancel }: { name: string; onSave: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(name);
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSave(value.trim());
      }}
    >
      <label htmlFor={id}>{t('start.renamePrompt', { name })}</label>
      <input id={id} value={value} onChange={(e) => setValue(e.target.value)} required maxLength={200} autoFocus />
      <button type="submit" className="button-primary">
        {t('start.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('start.cancel')}
      </button>
    </form>
  );
}
