import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowRight } from 'lucide-react';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { Portfolio, PortfolioRow } from '../../core/portfolio';
import { evaluationColumnCount, PortfolioEvaluationCells, PortfolioEvaluationHeaders } from '../components/PortfolioEvaluationCells';
import type { EvaluationColumns } from '../../core/portfolio';
import { STATUS_SYMBOL } from '../components/StatusPicker';
import { useI18n } from '../i18n';

export type Sort = { key: string; descending: boolean };

/** Rows are one line high (names truncate), so the list can be windowed by a fixed height. */
const ROW_HEIGHT = 36;
/**
 * Shorter lists are rendered whole: cheap enough, and the browser's own find (Ctrl+F) sees every row.
 * Not higher: a filter that leaves 100 rows would lay out all of them on one keystroke.
 */
export const WINDOW_FROM = 60;

interface Props {
  portfolio: Portfolio;
  rows: readonly PortfolioRow[];
  sort: Sort;
  onSort: (key: string) => void;
  anonymised: boolean;
  onOpen: (id: string) => void;
  /** Issue 12: the evaluation columns, when any municipality has evaluation figures. */
  showEvaluation: EvaluationColumns | null;
  /** "Viser 4 af 4 kommuner": a string, so the memo still holds. */
  shown: string;
}

interface Edges {
  /** The table is wider than its box. */
  overflow: boolean;
  /** Columns are hidden to the left (the name column then casts a shadow) or to the right (a fade and a hint). */
  left: boolean;
  right: boolean;
  /** The box's vertical scroll bar, which the fade must not cover. */
  scrollbar: number;
}

const NO_EDGES: Edges = { overflow: false, left: false, right: false, scrollbar: 0 };

/** Whether the box scrolls sideways and which way there is more, kept up to date on scroll and resize. */
function useScrollEdges(ref: React.RefObject<HTMLDivElement | null>): Edges {
  const [edges, setEdges] = useState<Edges>(NO_EDGES);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () => {
      const overflow = box.scrollWidth > box.clientWidth + 1;
      const next: Edges = {
        overflow,
        left: overflow && box.scrollLeft > 1,
        right: overflow && box.scrollLeft + box.clientWidth < box.scrollWidth - 1,
        scrollbar: Math.max(0, box.offsetWidth - box.clientWidth - 2 * box.clientLeft),
      };
      setEdges((now) => (now.overflow === next.overflow && now.left === next.left && now.right === next.right && now.scrollbar === next.scrollbar ? now : next));
    };
    update();
    box.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => {
      box.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [ref]);
  return edges;
}

/**
 * The heatmap table. Memoised, so a keystroke in the filter re-renders it only once the filtered
 * rows are ready; and windowed: only the rows in view (and a few around them) are in the page —
 * 500 municipalities × 24 columns would otherwise be 12,000 cells to render on every change.
 */
export const PortfolioTable = memo(function PortfolioTable({ portfolio, rows, sort, onSort, anonymised, onOpen, showEvaluation, shown }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const edges = useScrollEdges(scrollRef);
  const windowing = rows.length >= WINDOW_FROM;
  const virtualizer = useVirtualizer({ count: windowing ? rows.length : 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 3 });
  const windowed = windowing ? virtualizer.getVirtualItems() : rows.map((_, index) => ({ index, start: index * ROW_HEIGHT, end: (index + 1) * ROW_HEIGHT }));
  const padTop = windowed[0]?.start ?? 0;
  const padBottom = windowing && windowed.length > 0 ? virtualizer.getTotalSize() - windowed[windowed.length - 1]!.end : 0;
  const columnCount = 5 + portfolio.drivers.length + portfolio.milestones.length + evaluationColumnCount(showEvaluation);

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
    <>
      <div className="portfolio-table-bar">
        <p className="muted" role="status">
          {shown}
        </p>
        {/* A cue that the table goes on to the right: the columns beyond the box are otherwise easy to miss. */}
        {edges.overflow && (
          <button type="button" className="button-quiet portfolio-scroll-hint" data-testid="portfolio-scroll-hint" hidden={!edges.right} onClick={() => scrollRef.current?.scrollBy({ left: scrollRef.current.clientWidth * 0.6, behavior: 'smooth' })}>
            {t('design.portfolio.scrollHint')}
            <ArrowRight className="icon" size={16} aria-hidden="true" />
          </button>
        )}
      </div>
      <div className={`portfolio-frame${edges.left ? ' has-more-left' : ''}${edges.right ? ' has-more-right' : ''}`}>
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
                <PortfolioEvaluationHeaders columns={showEvaluation} />
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
        {edges.right && <div className="portfolio-fade" data-testid="portfolio-scroll-fade" aria-hidden="true" style={{ right: edges.scrollbar + 1 }} />}
      </div>
    </>
  );
});

interface RowProps {
  row: PortfolioRow;
  position: number;
  portfolio: Portfolio;
  anonymised: boolean;
  onOpen: (id: string) => void;
  showEvaluation: EvaluationColumns | null;
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
      <td>{row.overdueCount > 0 ? <span className="overdue-flag">{row.overdueCount}</span> : row.overdueCount}</td>
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
      <PortfolioEvaluationCells row={row} columns={showEvaluation} />
    </tr>
  );
});
