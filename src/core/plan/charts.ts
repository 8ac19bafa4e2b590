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
        `<text x="${labelWidth - 10}" y="${y + 17}" text-anchor="end" font-size="14" fill="#1f2933">${escapeXml(bar.label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${barArea}" height="18" rx="4" fill="#e6eaee"/>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="18" rx="4" fill="${scoreColour(bar.percent)}"/>`,
        `<text x="${labelWidth + barArea + 10}" y="${y + 18}" font-size="14" font-weight="bold" fill="#1f2933">${escapeXml(bar.valueText)}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeXml(title)}"><rect width="${width}" height="${height}" fill="#ffffff"/><text x="10" y="24" font-size="16" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>${rows}</svg>`;
}

/** The implementation wheel: one segment per phase, clockwise from the top, coloured by score. */
export function wheelSvg(title: string, segments: readonly ChartBar[]): string {
  const width = 640;
  const height = 400;
  const cx = width / 2;
  const cy = 215;
  const outer = 130;
  const inner = 70;
  const n = Math.max(segments.length, 1);
  const point = (r: number, angle: number) => `${(cx + r * Math.sin(angle)).toFixed(1)} ${(cy - r * Math.cos(angle)).toFixed(1)}`;
  const gap = 0.03;
  const parts = segments
    .map((segment, i) => {
      const start = (i / n) * 2 * Math.PI + gap;
      const end = ((i + 1) / n) * 2 * Math.PI - gap;
      const large = end - start > Math.PI ? 1 : 0;
      const path = `M ${point(outer, start)} A ${outer} ${outer} 0 ${large} 1 ${point(outer, end)} L ${point(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)} Z`;
      const middle = (start + end) / 2;
      const [lx, ly] = point(outer + 22, middle).split(' ').map(Number) as [number, number];
      const anchor = Math.abs(Math.sin(middle)) < 0.2 ? 'middle' : Math.sin(middle) > 0 ? 'start' : 'end';
      return [
        `<path d="${path}" fill="${scoreColour(segment.percent)}"/>`,
        `<text x="${lx}" y="${ly}" text-anchor="${anchor}" font-size="14" fill="#1f2933"><tspan font-weight="bold">${escapeXml(segment.label)}</tspan><tspan x="${lx}" dy="17">${escapeXml(segment.valueText)}</tspan></text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeXml(title)}"><rect width="${width}" height="${height}" fill="#ffffff"/><text x="10" y="24" font-size="16" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>${parts}</svg>`;
}
