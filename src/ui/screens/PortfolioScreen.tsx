import { startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { localizePortfolio, nameOrder, type Portfolio, type PortfolioRow } from '../../core/portfolio';
import { STATUS_SYMBOL } from '../components/StatusPicker';
import { PortfolioTable, WINDOW_FROM, type Sort } from './PortfolioTable';
import { takePrefetchedPacks, takePrefetchedPortfolio } from '../prefetch';
import { downloadBytes } from '../download';
import { ALL_EVALUATION_COLUMNS } from '../components/PortfolioEvaluationCells';
import { useI18n } from '../i18n';
import { useSettledValue } from '../state/useSettledValue';
import './portfolio.css';

/** A list long enough to be windowed follows the filter when the typing pauses for this long; a short one follows every key. */
const SETTLE_MS = 120;

interface Props {
  client: ApiClient;
  onOpen: (id: string) => void;
  onError: (error: unknown) => void;
}

/** The consultant's overview: every municipality on one method, sortable, filterable, anonymisable. */
export function PortfolioScreen({ client, onOpen, onError }: Props) {
  const { t, language } = useI18n();
  const [packs, setPacks] = useState<Output<'packs.list'>>([]);
  const [packId, setPackId] = useState<string | null>(null);
  const [fetched, setPortfolio] = useState<Portfolio | null>(null);
  const portfolio = useMemo(() => (fetched ? localizePortfolio(fetched, language) : null), [fetched, language]);
  const [anonymised, setAnonymised] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const ids = { pack: useId(), filter: useId(), anon: useId(), key: useId() };
  // Typing stays responsive: a long list follows the filter when the typing pauses, and React renders it when it has time.
  const settledQuery = useSettledValue(query, (fetched?.municipalities.length ?? 0) >= WINDOW_FROM ? SETTLE_MS : 0);
  const deferredQuery = useDeferredValue(settledQuery);

  useEffect(() => {
    (takePrefetchedPacks() ?? client.call('packs.list', {})).then((list) => {
      setPacks(list);
      setPackId((current) => current ?? list[0]?.id ?? null);
    }, onError);
  }, [client, onError]);

  useEffect(() => {
    if (!packId) return;
    let cancelled = false;
    (takePrefetchedPortfolio(client, packId, anonymised) ?? client.call('portfolio.get', { packId, anonymise: anonymised })).then((p) => !cancelled && setPortfolio(p), onError);
    return () => {
      cancelled = true;
    };
  }, [client, packId, anonymised, onError]);

  // Only the columns the method's evaluation has, and none when no municipality has evaluation figures.
  const showEvaluation = useMemo(() => {
    if (!portfolio?.municipalities.some((m) => m.evaluation)) return null;
    const columns = portfolio.evaluationColumns ?? ALL_EVALUATION_COLUMNS;
    return Object.values(columns).some(Boolean) ? columns : null;
  }, [portfolio]);
  const searchable = useMemo(() => new Map(portfolio?.municipalities.map((m) => [m.id, m.name.toLocaleLowerCase('da')])), [portfolio]);

  // Sorted once per portfolio and sort order; a keystroke in the filter only filters that list (order kept).
  const sorted = useMemo(() => {
    if (!portfolio) return [];
    const value = (row: PortfolioRow): string | number => {
      if (sort.key === 'name') return row.name;
      if (sort.key === 'overall') return row.overall ?? -1;
      if (sort.key === 'last') return row.lastAssessment ?? '';
      if (sort.key === 'overdue') return row.overdueCount;
      if (sort.key === 'stale') return row.staleCount;
      return row.drivers[sort.key] ?? -1;
    };
    const names = nameOrder();
    return [...portfolio.municipalities].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : names.compare(String(x), String(y));
      return sort.descending ? -order : order;
    });
  }, [portfolio, sort]);

  const rows = useMemo(() => {
    const q = deferredQuery.trim().toLocaleLowerCase('da');
    return q === '' ? sorted : sorted.filter((m) => searchable.get(m.id)?.includes(q));
  }, [sorted, searchable, deferredQuery]);

  const onSort = useCallback((key: string) => startTransition(() => setSort((now) => ({ key, descending: now.key === key ? !now.descending : key !== 'name' && key !== 'last' }))), []);

  const exportXlsx = async () => {
    if (!packId) return;
    try {
      const file = await client.call('portfolio.export', { packId, anonymise: anonymised, language });
      downloadBytes(file.fileName, file.base64, file.mimeType);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <section className="portfolio" aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">{t('portfolio.title')}</h1>
      <p className="muted">{t('portfolio.intro')}</p>
      <div className="toolbar">
        {packs.length > 1 && (
          <div className="field">
            <label htmlFor={ids.pack}>{t('portfolio.pack')}</label>
            <select id={ids.pack} value={packId ?? ''} onChange={(e) => setPackId(e.target.value)}>
              {packs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.filter}>{t('portfolio.filter')}</label>
          <input id={ids.filter} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <label className="checkbox" htmlFor={ids.anon}>
          <input id={ids.anon} type="checkbox" checked={anonymised} onChange={(e) => setAnonymised(e.target.checked)} /> {t('portfolio.anonymise')}
        </label>
        <button type="button" onClick={() => void exportXlsx()} disabled={!portfolio || portfolio.municipalities.length === 0}>
          {t('portfolio.export')}
        </button>
      </div>
      {!portfolio ? (
        <p role="status">{t('app.loading')}</p>
      ) : portfolio.municipalities.length === 0 ? (
        <p className="empty card">{t('portfolio.empty')}</p>
      ) : (
        <>
          {/* The key to the symbols sits over the table, in view: folded away below a long list it was never found. */}
          <div className="status-key">
            <span className="muted" id={ids.key}>
              {t('portfolio.statusKey')}:
            </span>
            <ul aria-labelledby={ids.key}>
              {(['not_started', 'in_progress', 'in_place', 'not_relevant'] as const).map((s) => (
                <li key={s} className={`heat-key status-${s}`}>
                  <span aria-hidden="true">{STATUS_SYMBOL[s]}</span> {t(`status.${s}`)}
                </li>
              ))}
            </ul>
          </div>
          <PortfolioTable portfolio={portfolio} rows={rows} sort={sort} onSort={onSort} anonymised={anonymised} onOpen={onOpen} showEvaluation={showEvaluation} shown={t('portfolio.shown', { shown: rows.length, total: portfolio.municipalities.length })} />
          <details className="legend">
            <summary>{t('portfolio.legend')}</summary>
            <ol>
              {portfolio.milestones.map((m) => (
                <li key={m.id}>
                  <strong>{m.shortTitle}</strong> {m.shortTitle === m.title ? '' : m.title}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </section>
  );
}
