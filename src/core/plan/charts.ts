/**
 * The plan's charts as plain SVG strings, drawn without a browser so every format (Markdown,
 * HTML, PDF, DOCX via a rasteriser) gets the same picture. Labels are always escaped.
 */

export interface ChartBar {
  label: string;
  percent: number | null;
  /** Shown at the end of the bar, e.g. "64 %". */
  valueText: string;
}

const FONT = "font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\"";

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Red below 40, amber below 75, green above: the same bands as the app, always with the number. */
export function scoreColour(percent: number | null): string {
  if (percent === null) return '#c8c8c8';
  if (percent < 40) return '#c2452d';
  if (percent < 75) return '#d49a1f';
  return '#2f8a4c';
}

export function barChartSvg(title: string, bars: readonly ChartBar[]): string {
  const width = 640;
  const labelWidth = 190;
  const barArea = 360;
  const rowHeight = 34;
  const top = 40;
  const height = top + bars.length * rowHeight + 16;
  const rows = bars
    .map((bar, i) => {
      const y = top + i * rowHeight;
      const w = Math.round(((bar.percent ?? 0) / 100) * barArea);
      return [
        `<text x="${labelWidth - 10}" y="${y + 17}" text-anchor="end" font-size="14" fill="#1f2933">${escapeXml(shorten(bar.label, 24))}</text>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${barArea}" height="18" rx="4" fill="#e6eaee"/>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="18" rx="4" fill="${scoreColour(bar.percent)}"/>`,
        `<text x="${labelWidth + barArea + 10}" y="${y + 18}" font-size="14" font-weight="bold" fill="#1f2933">${escapeXml(bar.valueText)}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeXml(title)}"><rect width="${width}" height="${height}" fill="#ffffff"/><text x="10" y="24" font-size="16" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>${rows}</svg>`;
}

/** SVG text does not wrap: long titles are cut with an ellipsis; the full title is in the tables. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * The implementation wheel: one segment per phase, clockwise from the top. Each segment is filled
 * from the hub outwards as far as its score reaches, over a pale full segment, so progress reads
 * from the shape and the printed number, not from colour alone.
 */
export function wheelSvg(title: string, segments: readonly ChartBar[]): string {
  const width = 640;
  const height = 430;
  const cx = width / 2;
  const cy = 235;
  const outer = 135;
  const inner = 45;
  const n = Math.max(segments.length, 1);
  const point = (r: number, angle: number) => `${(cx + r * Math.sin(angle)).toFixed(1)} ${(cy - r * Math.cos(angle)).toFixed(1)}`;
  const sector = (r1: number, r2: number, start: number, end: number) => {
    const large = end - start > Math.PI ? 1 : 0;
    return `M ${point(r2, start)} A ${r2} ${r2} 0 ${large} 1 ${point(r2, end)} L ${point(r1, end)} A ${r1} ${r1} 0 ${large} 0 ${point(r1, start)} Z`;
  };
  const gap = 0.03;
  const parts = segments
    .map((segment, i) => {
      const start = (i / n) * 2 * Math.PI + gap;
      const end = ((i + 1) / n) * 2 * Math.PI - gap;
      const reach = inner + ((outer - inner) * Math.max(0, Math.min(100, segment.percent ?? 0))) / 100;
      const middle = (start + end) / 2;
      const [lx, ly] = point(outer + 18, middle).split(' ').map(Number) as [number, number];
      const anchor = Math.abs(Math.sin(middle)) < 0.2 ? 'middle' : Math.sin(middle) > 0 ? 'start' : 'end';
      const below = Math.cos(middle) < -0.2;
      return [
        `<path d="${sector(inner, outer, start, end)}" fill="#eef1f4" stroke="#9aa5b1" stroke-width="1"/>`,
        reach > inner ? `<path d="${sector(inner, reach, start, end)}" fill="${scoreColour(segment.percent)}"/>` : '',
        [25, 50, 75].map((p) => `<path d="${sector(inner + ((outer - inner) * p) / 100, inner + ((outer - inner) * p) / 100, start, end)}" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="1"/>`).join(''),
        `<text x="${lx}" y="${below ? ly + 14 : ly}" text-anchor="${anchor}" font-size="18" fill="#1f2933"><tspan font-weight="bold">${escapeXml(shorten(segment.label, 22))}</tspan><tspan x="${lx}" dy="21">${escapeXml(segment.valueText)}</tspan></text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeXml(`${title}: ${segments.map((s) => `${s.label} ${s.valueText}`).join(', ')}`)}"><rect width="${width}" height="${height}" fill="#ffffff"/><text x="10" y="24" font-size="18" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>${parts}</svg>`;
}

export interface TimelineBar {
  id: string;
  label: string;
  /** YYYY-MM-DD */
  dueDate: string;
  overdue: boolean;
  milestone: boolean;
  waitingFor: string[];
}

/**
 * Gantt-style timeline of the coming 12 months: one row per open item, a diamond at its due date
 * (overdue ones at the left edge, red), and a line from each item it waits for.
 */
export function timelineSvg(title: string, today: string, bars: readonly TimelineBar[], monthNames: readonly string[], legend: { milestone: string; step: string; overdue: string; waitingFor: string }): string {
  const width = 1000;
  const labelWidth = 400;
  const right = 20;
  const top = 64;
  const rowHeight = 26;
  const height = top + Math.max(bars.length, 1) * rowHeight + 40;
  const start = new Date(`${today.slice(0, 7)}-01T00:00:00Z`).getTime();
  const endDate = new Date(start);
  endDate.setUTCMonth(endDate.getUTCMonth() + 12);
  const span = endDate.getTime() - start;
  const plot = width - labelWidth - right;
  const xOf = (iso: string) => labelWidth + Math.max(0, Math.min(1, (new Date(`${iso}T00:00:00Z`).getTime() - start) / span)) * plot;
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(start);
    d.setUTCMonth(d.getUTCMonth() + i);
    const x = xOf(d.toISOString().slice(0, 10));
    return `<line x1="${x.toFixed(1)}" y1="${top - 8}" x2="${x.toFixed(1)}" y2="${height - 30}" stroke="#d5dbe1"/><text x="${(x + plot / 24).toFixed(1)}" y="${top - 14}" text-anchor="middle" font-size="17" fill="#52606d">${escapeXml(monthNames[d.getUTCMonth()] ?? '')}${d.getUTCMonth() === 0 || i === 0 ? ` ${String(d.getUTCFullYear()).slice(2)}` : ''}</text>`;
  }).join('');
  const rowOf = new Map(bars.map((b, i) => [b.id, i]));
  const yOf = (i: number) => top + i * rowHeight + rowHeight / 2;
  const links = bars
    .flatMap((b, i) =>
      b.waitingFor
        .map((dep) => rowOf.get(dep))
        .filter((j): j is number => j !== undefined)
        .map((j) => {
          const from = bars[j]!;
          const x1 = xOf(from.dueDate);
          const x2 = xOf(b.dueDate);
          return `<path d="M ${x1.toFixed(1)} ${yOf(j)} L ${Math.max(x1, x2 - 8).toFixed(1)} ${yOf(j)} L ${Math.max(x1, x2 - 8).toFixed(1)} ${yOf(i)} L ${(x2 - 7).toFixed(1)} ${yOf(i)}" fill="none" stroke="#7b8794" stroke-width="1.2" marker-end="url(#arrow)"/>`;
        }),
    )
    .join('');
  const rows = bars
    .map((b, i) => {
      const y = yOf(i);
      const x = xOf(b.dueDate);
      const colour = b.overdue ? '#c2452d' : b.milestone ? '#1d5c8c' : '#2f8a4c';
      const mark = b.milestone ? `<path d="M ${x.toFixed(1)} ${y - 8} l 8 8 l -8 8 l -8 -8 Z" fill="${colour}"/>` : `<circle cx="${x.toFixed(1)}" cy="${y}" r="7" fill="${colour}"/>`;
      return `${i % 2 === 0 ? `<rect x="0" y="${y - rowHeight / 2}" width="${width}" height="${rowHeight}" fill="#f6f8fa"/>` : ''}<text x="${labelWidth - 10}" y="${y + 5}" text-anchor="end" font-size="17" fill="${b.overdue ? '#a3341f' : '#1f2933'}">${escapeXml(shorten(b.label, 38))}${b.overdue ? ' (!)' : ''}</text><line x1="${labelWidth}" y1="${y}" x2="${x.toFixed(1)}" y2="${y}" stroke="${colour}" stroke-opacity="0.35" stroke-width="4"/>${mark}`;
    })
    .join('');
  const todayX = xOf(today);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeXml(title)}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#7b8794"/></marker></defs><rect width="${width}" height="${height}" fill="#ffffff"/><text x="10" y="24" font-size="18" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>${rows}${months}<line x1="${todayX.toFixed(1)}" y1="${top - 8}" x2="${todayX.toFixed(1)}" y2="${height - 30}" stroke="#c2452d" stroke-dasharray="4 3"/>${links}<text x="${labelWidth}" y="${height - 10}" font-size="17" fill="#52606d">◆ ${escapeXml(legend.milestone)} · ● ${escapeXml(legend.step)} · (!) ${escapeXml(legend.overdue)} · → ${escapeXml(legend.waitingFor)}</text></svg>`;
}
