import { useVirtualizer } from '@tanstack/react-virtual';
import { startTransition, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import type { Portfolio, PortfolioRow } from '../../core/portfolio';
import { STATUS_SYMBOL } from '../components/StatusPicker';
import { downloadBytes } from '../download';
import { useI18n } from '../i18n';
import './portfolio.css';
import { PortfolioEvaluationCells, PortfolioEvaluationHeaders } from '../components/PortfolioEvaluationCells';

type Sort = { key: string; descending: boolean };

/** Rows are one line high (names truncate), so the list can be windowed by a fixed height. */
const ROW_HEIGHT = 36;

interface Props {
  client: ApiClient;
  onOpen: (id: string) => void;
  onError: (error: unknown) => void;
}

/** The consultant's overview: every municipality on one method, sortable, filterable, anonymisable. */
export function PortfolioScreen({ client, onOpen, onError }: Props) {
  const { t, formatPercent, formatDate, language } = useI18n();
  const [packs, setPacks] = useState<Output<'packs.list'>>([]);
  const [packId, setPackId] = useState<string | null>(null);
  const [portfolio, setPortfolio] = useState<Portfolio | null>(null);
  const [anonymised, setAnonymised] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const ids = { pack: useId(), filter: useId(), anon: useId() };
  // Typing stays responsive: the list follows the filter when React has time.
  const deferredQuery = useDeferredValue(query);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    client.call('packs.list', {}).then((list) => {
      setPacks(list);
      setPackId((current) => current ?? list[0]?.id ?? null);
    }, onError);
  }, [client, onError]);

  useEffect(() => {
    if (!packId) return;
    let cancelled = false;
    client.call('portfolio.get', { packId, anonymise: anonymised }).then((p) => !cancelled && setPortfolio(p), onError);
    return () => {
      cancelled = true;
    };
  }, [client, packId, anonymised, onError]);

  const showEvaluation = useMemo(() => portfolio?.municipalities.some((m) => m.evaluation) ?? false, [portfolio]);
  const searchable = useMemo(() => new Map(portfolio?.municipalities.map((m) => [m.id, m.name.toLocaleLowerCase('da')])), [portfolio]);

  const rows = useMemo(() => {
    if (!portfolio) return [];
    const q = deferredQuery.trim().toLocaleLowerCase('da');
    const value = (row: PortfolioRow): string | number => {
      if (sort.key === 'name') return row.name;
      if (sort.key === 'overall') return row.overall ?? -1;
      if (sort.key === 'last') return row.lastAssessment ?? '';
      if (sort.key === 'overdue') return row.overdueCount;
      if (sort.key === 'stale') return row.staleCount;
      return row.drivers[sort.key] ?? -1;
    };
    const collator = new Intl.Collator('da', { numeric: true });
    return portfolio.municipalities
      .filter((m) => searchable.get(m.id)?.includes(q))
      .sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        return sort.descending ? -order : order;
      });
  }, [portfolio, searchable, deferredQuery, sort]);

  // Only the rows in view (and a few around them) are in the page: 500 municipalities × 24 columns
  // would otherwise be 12,000 cells to re-render on every keystroke or sort.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const windowed = virtualizer.getVirtualItems();
  const padTop = windowed[0]?.start ?? 0;
  const padBottom = windowed.length > 0 ? virtualizer.getTotalSize() - windowed[windowed.length - 1]!.end : 0;
  const columnCount = portfolio ? 5 + portfolio.drivers.length + portfolio.milestones.length : 0;

  const header = (key: string, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort-button" aria-label={t('portfolio.sortBy', { column: label })} onClick={() => startTransition(() => setSort({ key, descending: active ? !sort.descending : key !== 'name' && key !== 'last' }))}>
          {label} {active ? (sort.descending ? '▼' : '▲') : ''}
        </button>
      </th>
    );
  };

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
          <p className="muted" role="status">
            {t('portfolio.shown', { shown: rows.length, total: portfolio.municipalities.length })}
          </p>
          <div className="table-scroll portfolio-scroll" ref={scrollRef}>
            <table className="data-table portfolio-table" aria-rowcount={rows.length + 1}>
              <caption className="visually-hidden">{t('portfolio.title')}</caption>
              <thead>
                <tr aria-rowindex={1}>
                  {header('name', t('portfolio.municipality'))}
                  {header('overall', t('score.overall'))}
                  {portfolio.drivers.map((d) => header(d.id, d.title))}
                  {header('last', t('portfolio.lastAssessment'))}
                  {header('overdue', t('portfolio.overdue'))}
                  {header('stale', t('portfolio.stale'))}
                  <PortfolioEvaluationHeaders show={showEvaluation} />
                  {portfolio.milestones.map((m) => (
                    <th key={m.id} scope="col" className="milestone-col">
                      <span className="milestone-short" title={m.title}>
                        {m.shortTitle}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {padTop > 0 && (
                  <tr aria-hidden="true" className="portfolio-spacer">
                    <td colSpan={columnCount} style={{ height: padTop }} />
                  </tr>
                )}
                {windowed.map(({ index }) => {
                  const row = rows[index]!;
                  return (
                  <tr key={row.id} aria-rowindex={index + 2}>
                    <th scope="row" className="portfolio-name" title={row.name}>
                      {anonymised ? (
                        <span className="portfolio-truncate">{row.name}</span>
                      ) : (
                        <button type="button" className="link-button portfolio-truncate" onClick={() => onOpen(row.id)}>
                          {row.name}
                        </button>
                      )}
                    </th>
                    <td>{formatPercent(row.overall)}</td>
                    {portfolio.drivers.map((d) => (
                      <td key={d.id}>{formatPercent(row.drivers[d.id] ?? null)}</td>
                    ))}
                    <td>{row.lastAssessment ? formatDate(row.lastAssessment) : t('portfolio.never')}</td>
                    <td className={row.overdueCount > 0 ? 'overdue-flag' : undefined}>{row.overdueCount}</td>
                    <td>{row.staleCount}</td>
                    <PortfolioEvaluationCells row={row} show={showEvaluation} />
                    {portfolio.milestones.map((m) => {
                      const status = row.statuses[m.id];
                      return (
                        <td key={m.id} className={`heat status-${status ?? 'none'}`} title={`${m.title}: ${status ? t(`status.${status}`) : '–'}`}>
                          <span aria-hidden="true">{status ? STATUS_SYMBOL[status] : ''}</span>
                          <span className="visually-hidden">{status ? t(`status.${status}`) : '–'}</span>
                        </td>
                      );
                    })}
                  </tr>
                  );
                })}
                {padBottom > 0 && (
                  <tr aria-hidden="true" className="portfolio-spacer">
                    <td colSpan={columnCount} style={{ height: padBottom }} />
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <details className="legend">
            <summary>{t('portfolio.legend')}</summary>
            <ol>
              {portfolio.milestones.map((m) => (
                <li key={m.id}>
                  <strong>{m.shortTitle}</strong> {m.shortTitle === m.title ? '' : m.title}
                </li>
              ))}
            </ol>
            <p>
              {(['not_started', 'in_progress', 'in_place', 'not_relevant'] as const).map((s) => (
                <span key={s} className={`heat-key status-${s}`}>
                  {STATUS_SYMBOL[s]} {t(`status.${s}`)}
                </span>
              ))}
            </p>
          </details>
        </>
      )}
    </section>
  );
}
