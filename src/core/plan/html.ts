import MarkdownIt from 'markdown-it';
import { escapeXml } from './charts';
import { planLabels } from './labels';
import { CHART_REFERENCE_PREFIX, planCharts, planToMarkdown, type PlanCharts } from './markdown';
import type { PlanModel } from './model';

/** Print stylesheet: A4 pages, a front page, sections that start on a new page, tables that do not split rows. */
const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm 22mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1f2933; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 24pt; color: #1d5c8c; margin: 30mm 0 4mm; }
h1 + h2 { font-size: 18pt; border: none; margin-top: 0; page-break-before: avoid; }
h2 { font-size: 15pt; color: #1d5c8c; border-bottom: 2px solid #1d5c8c; padding-bottom: 2mm; margin-top: 0; page-break-before: always; }
h3 { font-size: 12.5pt; margin: 7mm 0 2mm; page-break-after: avoid; }
h4 { font-size: 11pt; margin: 5mm 0 1.5mm; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #c5ced6; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef3f7; }
tr { page-break-inside: avoid; }
img, svg { max-width: 100%; height: auto; page-break-inside: avoid; }
.chart svg { max-height: 62mm; width: auto; display: block; margin: 0 auto; }
.chart { margin: 3mm 0 6mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; word-break: break-all; }
hr { border: none; border-top: 1px solid #c5ced6; margin-top: 10mm; }
@media screen { body { padding: 10mm; } h2 { page-break-before: auto; margin-top: 12mm; } h1 { margin-top: 5mm; } }
`;

/** Raw HTML off: nothing a user typed can become markup. Only our own chart references become images. */
function renderer(charts: PlanCharts) {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const validate = md.validateLink.bind(md);
  md.validateLink = (url) => url.startsWith(CHART_REFERENCE_PREFIX) || validate(url);
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token?.attrGet('src') ?? '');
    const key = src.slice(CHART_REFERENCE_PREFIX.length) as keyof PlanCharts;
    if (src.startsWith(CHART_REFERENCE_PREFIX) && key in charts) return `<figure class="chart">${charts[key]}</figure>`;
    return escapeXml(token?.content ?? '');
  };
  return md;
}

/** The plan's body as HTML (for the in-app preview). */
export function planToHtmlBody(model: PlanModel): string {
  return renderer(planCharts(model)).render(planToMarkdown(model, 'reference'));
}

/** A complete, self-contained HTML document with the print stylesheet (for export and PDF). */
export function planToHtml(model: PlanModel): string {
  const l = planLabels(model.options.language);
  const title = `${l.title} – ${model.municipality}`;
  return `<!doctype html>
<html lang="${model.options.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${planToHtmlBody(model)}
</body>
</html>
`;
}
