import MarkdownIt from 'markdown-it';
import { escapeXml } from './charts';
import { columnWidths } from './columns';
import { planLabels, statusLabel } from './labels';
import { CHART_REFERENCE_PREFIX, headingSlug, LIGHT_SYMBOL, lightLabel, planCharts, planToMarkdown, STATUS_SYMBOLS, type PlanCharts } from './markdown';
import type { PlanModel } from './model';
import type { TrafficLight } from './steering-page';
import type { Status } from '../schema/common';

/**
 * Print stylesheet: A4 pages; page 1 for the steering group; then sections that follow one another.
 * Real text never widens a page: tables have a fixed layout with widths from their content, and
 * long words and addresses wrap anywhere inside their cell.
 */
const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm 22mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1f2933; margin: 0 auto; max-width: 174mm; overflow-wrap: anywhere; word-break: normal; hyphens: manual; }
h1 { font-size: 18pt; color: #1d5c8c; margin: 0 0 2mm; }
h2 { font-size: 15pt; color: #1d5c8c; border-bottom: 2px solid #1d5c8c; padding-bottom: 2mm; margin: 10mm 0 3mm; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; }
h4 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
h1 + p, h3 + p, h4 + p { break-before: avoid; }
/* A bold line on its own ("Beslutninger", "Rykket tilbage") is a label for what follows: never last on a page. */
p:has(> strong:only-child) { break-after: avoid; }
/* Page 1's own heading ("Til styregruppen") stays on page 1 with the title. */
.steering-page h2 { break-before: auto; font-size: 10.5pt; text-transform: uppercase; letter-spacing: 0.04em; border: 0; padding: 0; margin: 1mm 0 0; }
p { margin: 1.5mm 0 2.5mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; table-layout: fixed; }
th, td { font-size: 9.5pt; border: 1px solid #c5ced6; padding: 1.2mm 1.8mm; text-align: start; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eef3f7; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
a { color: #1d5c8c; }
img, svg { max-width: 100%; height: auto; break-inside: avoid; }
.chart { margin: 3mm 0 5mm; break-inside: avoid; }
/* A list of links within the plan (the contents) stays on one page with its heading, in two columns so it fits under page 2. */
ul:has(> li > a[href^="#"]) { break-inside: avoid; columns: 2; column-gap: 8mm; }
/* Sections follow one another, so no page is left part-empty. A section's heading needs a third of a
   page below it (an invisible block that cannot be split, pulled back by its negative margin); the
   steering group's page 1 stands alone; a short section (see sectionsMarked) moves whole. */
@media print { .plan-section::before { content: ''; display: block; height: 80mm; margin-bottom: -80mm; break-inside: avoid; } }
.steering-page + .plan-section { break-before: page; }
.steering-page + .plan-section > h2 { margin-top: 0; }
.plan-section.is-short { break-inside: avoid; }
.chart svg { display: block; margin: 0 auto; width: 100%; height: auto; }
.chart-drivers svg { max-width: 150mm; }
.chart-wheel svg { max-width: 105mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; overflow-wrap: anywhere; word-break: break-all; }
.light { font-size: 1.15em; }
.light-red { color: #c2452d; } .light-amber { color: #d49a1f; } .light-green { color: #2f8a4c; } .light-grey { color: #9aa5b1; }
.status-in_place { color: #2f8a4c; } .status-in_progress { color: #b7791f; } .status-not_started { color: #c2452d; } .status-not_relevant { color: #7b8794; }
.steering-page h3 { margin: 3mm 0 1mm; font-size: 11pt; }
.steering-page table { margin: 1mm 0 2mm; }
.steering-page, .steering-page td, .steering-page th { font-size: 9pt; line-height: 1.3; }
.steering-page td, .steering-page th { padding: 0.5mm 1.5mm; }
.steering-page h1 { font-size: 16pt; }
.steering-page p { margin: 1mm 0 1.5mm; }
.steering-page ul { margin: 1mm 0 2mm; padding-left: 5mm; }
hr { border: none; border-top: 1px solid #c5ced6; margin-top: 10mm; }
@media screen { body { padding: 10mm; } h2 { break-before: auto; margin-top: 12mm; } }
`;

const LIGHTS: readonly TrafficLight[] = ['red', 'amber', 'green', 'grey'];
const STATUSES = Object.keys(STATUS_SYMBOLS) as Status[];

/** Raw HTML off: nothing a user typed can become markup. Only our own chart references become images. */
function renderer(charts: PlanCharts, language: 'da' | 'en') {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const l = planLabels(language);
  const validate = md.validateLink.bind(md);
  md.validateLink = (url) => url.startsWith(CHART_REFERENCE_PREFIX) || validate(url);
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token?.attrGet('src') ?? '');
    const key = src.slice(CHART_REFERENCE_PREFIX.length) as keyof PlanCharts;
    if (src.startsWith(CHART_REFERENCE_PREFIX) && key in charts) return `<figure class="chart chart-${key}">${charts[key]}</figure>`;
    return escapeXml(token?.content ?? '');
  };

  // Right-to-left names and notes get their own direction; anchors for the table of contents.
  md.core.ruler.push('milepael_blocks', (state) => {
    const tokens = state.tokens;
    tokens.forEach((token, i) => {
      if (/^(paragraph|heading|th|td|list_item)_open$/.test(token.type)) token.attrSet('dir', 'auto');
      if (token.type === 'heading_open') token.attrSet('id', headingSlug(tokens[i + 1]?.content ?? ''));
      if (token.type === 'link_open' && !String(token.attrGet('href')).startsWith('#')) token.attrSet('rel', 'noopener noreferrer');
      if (token.type === 'table_open') setColumnWidths(tokens, i);
    });
  });

  // Traffic lights and statuses get their colour besides the symbol and the word.
  const lightText = new Map(LIGHTS.map((light) => [`${LIGHT_SYMBOL} ${lightLabel(l, light)}`, light]));
  const statusText = new Map(STATUSES.map((s) => [`${STATUS_SYMBOLS[s]} ${statusLabel(language, s)}`, s]));
  const text = md.renderer.rules.text!;
  md.renderer.rules.text = (tokens, idx, options, env, self) => {
    const content = tokens[idx]?.content ?? '';
    const light = lightText.get(content);
    if (light) return `<span class="light light-${light}" aria-hidden="true">${LIGHT_SYMBOL}</span> ${escapeXml(lightLabel(l, light))}`;
    const status = statusText.get(content);
    if (status) return `<span class="status-${status}" aria-hidden="true">${STATUS_SYMBOLS[status]}</span> ${escapeXml(statusLabel(language, status))}`;
    return text(tokens, idx, options, env, self);
  };
  return md;
}

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** A colgroup is not a token, so the widths go on the header cells (table-layout: fixed reads the first row). */
function setColumnWidths(tokens: Token[], tableOpen: number): void {
  const rows: string[][] = [];
  let row: string[] | null = null;
  const headerCells: Token[] = [];
  for (let i = tableOpen + 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) rows.push(row);
    else if ((token.type === 'th_open' || token.type === 'td_open') && row) {
      row.push(tokens[i + 1]?.content ?? '');
      if (token.type === 'th_open') headerCells.push(token);
    }
  }
  const widths = columnWidths(rows);
  headerCells.forEach((cellToken, c) => cellToken.attrSet('style', `width:${widths[c] ?? 0}%`));
}

/**
 * Wraps page 1 (everything before the first section heading after it) so print styles can keep it
 * compact. With the steering group's page chosen, page 1 has a level-2 heading of its own.
 */
function withSteeringPage(html: string, model: PlanModel): string {
  const own = model.options.sections.includes('steering') ? html.indexOf('<h2') : -1;
  const firstSection = html.indexOf('<h2', own < 0 ? 0 : own + 3);
  if (firstSection < 0) return `<section class="steering-page">${html}</section>`;
  return `<section class="steering-page">${html.slice(0, firstSection)}</section>\n${sectionsMarked(html.slice(firstSection))}`;
}

/** Lines of an A4 page at the body size, less a margin for headings and spacing. */
const SHORT_SECTION_LINES = 26;

/**
 * Wraps each section (an h2 and what follows it) and marks the short ones, which print keeps whole:
 * a one-line appendix or a small timeline moves to the next page rather than being split.
 * The estimate is rough on purpose.
 */
function sectionsMarked(html: string): string {
  const parts = html.split(/(?=<h2[\s>])/);
  return parts
    .map((part) => {
      if (!part.startsWith('<h2')) return part;
      // A chart counts by its drawn height (the page's 174 mm width is about 32 lines of body text), not its labels.
      const charts = [...part.matchAll(/<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/g)].reduce((sum, m) => sum + (32 * Number(m[2])) / Math.max(1, Number(m[1])) + 1, 0);
      const text = part.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]*>/g, '');
      const count = (pattern: RegExp) => part.match(pattern)?.length ?? 0;
      const lines = Math.ceil(text.length / 90) + count(/<tr[\s>]/g) + 0.5 * count(/<(p|li|h3|h4)[\s>]/g) + charts + 3;
      return `<section class="plan-section${lines <= SHORT_SECTION_LINES ? ' is-short' : ''}">${part}</section>\n`;
    })
    .join('');
}

/** The plan's body as HTML (for the in-app preview). */
export function planToHtmlBody(model: PlanModel): string {
  return withSteeringPage(renderer(planCharts(model), model.options.language).render(planToMarkdown(model, { kind: 'reference' })), model);
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
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${planToHtmlBody(model)}
</body>
</html>
`;
}
