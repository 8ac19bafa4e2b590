import type { Status } from '../../core/schema/common';

/** The status line colours of theme/tokens.css (kept as values: the bars' fills are set inline). */
const STATUS_COLOUR: Record<Status, string> = { not_started: '#7d8995', in_progress: '#c48a10', in_place: '#2f8a4c', not_relevant: '#b9c2cb' };

/** How many items have each status, as labelled bars (name and count beside every bar, so never colour alone). */
export function StatusBars({ counts }: { counts: ReadonlyArray<{ status: Status; name: string; count: number }> }) {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return (
    <ul className="status-bars">
      {counts.map((c) => (
        <li key={c.status}>
          <span className="status-bar-name">{c.name}</span>
          <span className="status-bar-track">
            <span className="status-bar-fill" style={{ width: `${(100 * c.count) / most}%`, background: STATUS_COLOUR[c.status] }} />
          </span>
          <span className="status-bar-count">{c.count}</span>
        </li>
      ))}
    </ul>
  );
}
