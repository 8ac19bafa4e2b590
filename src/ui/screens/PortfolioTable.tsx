import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { Portfolio, PortfolioRow } from '../../core/portfolio';
import { PortfolioEvaluationCells, PortfolioEvaluationHeaders, PORTFOLIO_EVALUATION_COLUMNS } from '../components/PortfolioEvaluationCells';
import { STATUS_SYMBOL } from '../components/StatusPicker';
import { useI18n } from '../i18n';

export type Sort = { key: string; descending: boolean };

/** Rows are one line high (names truncate), so the list can be windowed by a fixed height. */
const ROW_HEIGHT = 36;
/** Shorter lists are rendered whole: cheap enough, and the browser's own find (Ctrl+F) sees every row. */
const WINDOW_FROM = 150;

interface Props {
  portfolio: Portfolio;
  rows: readonly PortfolioRow[];
  sort: Sort;
  onSort: (key: string) => void;
  anonymised: boolean;
  onOpen: (id: string) => void;
  /** Issue 12: the evaluation columns, when any municipality has evaluation figures. */
  showEvaluation: boolean;
}

/**
 * The heatmap table. Memoised, so a keystroke in the filter re-renders it only once the filtered
 * rows are ready; and windowed: only the rows in view (and a few around them) are in the page —
 * 500 municipalities × 24 columns would otherwise be 12,000 cells to render on every change.
 */
export const PortfolioTable = memo(function PortfolioTable({ portfolio, rows, sort, onSort, anonymised, onOpen, showEvaluation }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const windowing = rows.length >= WINDOW_FROM;
  const virtualizer = useVirtualizer({ count: windowing ? rows.length : 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const windowed = windowing ? virtualizer.getVirtualItems() : rows.map((_, index) => ({ index, start: index * ROW_HEIGHT, end: (index + 1) * ROW_HEIGHT }));
  const padTop = windowed[0]?.start ?? 0;
  const padBottom = windowing && windowed.length > 0 ? virtualizer.getTotalSize() - windowed[windowed.length - 1]!.end : 0;
  const columnCount = 5 + portfolio.drivers.length + portfolio.milestones.length + (showEvaluation ? PORTFOLIO_EVALUATION_COLUMNS : 0);

  const header = (key: string, label: string) => {
    const active = sort.key === key;
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort-button" aria-label={t('portfolio.sortBy', { column: label })} onClick={() => onSort(key)}>
          {label} {active ? (sort.descending ? '▼' : '▲') : ''}
        </button>
      </th>
    );
  };

  return (
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
            {portfolio.milestones.map((m) => (
              <th key={m.id} scope="col" className="milestone-col">
                <span className="milestone-short" title={m.title}>
                  {m.shortTitle}
                </span>
              </th>
            ))}
            {/* After the heatmap, so the milestones stay in view on a laptop screen. */}
            <PortfolioEvaluationHeaders show={showEvaluation} />
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
            return <MemoRow key={row.id} row={row} position={index + 2} portfolio={portfolio} anonymised={anonymised} onOpen={onOpen} showEvaluation={showEvaluation} />;
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="portfolio-spacer">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});

interface RowProps {
  row: PortfolioRow;
  position: number;
  portfolio: Portfolio;
  anonymised: boolean;
  onOpen: (id: string) => void;
  showEvaluation: boolean;
}

/** One municipality's row; a row still in view after a filter or sort is not rendered again. */
const MemoRow = memo(function PortfolioTableRow({ row, position, portfolio, anonymised, onOpen, showEvaluation }: RowProps) {
  const { t, formatPercent, formatDate } = useI18n();
  return (
    <tr key={row.id} aria-rowindex={position}>
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
      {portfolio.milestones.map((m) => {
        const status = row.statuses[m.id];
        return (
          <td key={m.id} className={`heat status-${status ?? 'none'}`} title={`${m.title}: ${status ? t(`status.${status}`) : '–'}`}>
            <span aria-hidden="true">{status ? STATUS_SYMBOL[status] : ''}</span>
            <span className="visually-hidden">{status ? t(`status.${status}`) : '–'}</span>
          </td>
        );
      })}
      <PortfolioEvaluationCells row={row} show={showEvaluation} />
    </tr>
  );
});
