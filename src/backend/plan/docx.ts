import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatPlanDate, formatPlanPercent, planLabels, statusLabel } from '../../core/plan/labels';
import { fill, planCharts } from '../../core/plan/markdown';
import type { PlanModel } from '../../core/plan/model';
import { svgToPng } from './rasterize';
import { evaluationDocx } from '../evaluation/plan-formats';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C5CED6' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: text || '–', bold: header })] })],
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF3F7' } } : {}),
  });
}

/** A real Word table with a header row that repeats on every page. */
function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ text, heading: level, pageBreakBefore });
const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: text.split('\n').map((line, i) => new TextRun({ text: line, ...options, break: i > 0 ? 1 : 0 })) });
const bullet = (children: TextRun[]) => new Paragraph({ bullet: { level: 0 }, children });

function chart(svg: string): Paragraph {
  const width = 600;
  const png = svgToPng(svg, width * 2);
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? ['', '640', '400'];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width, height: Math.round((width * Number(h)) / Number(w)) } })],
  });
}

/** The plan as an editable Word document: headings, tables, page numbers in the footer. */
export async function planToDocx(model: PlanModel): Promise<Uint8Array> {
  const { language, author, version } = model.options;
  const l = planLabels(language);
  const pct = (p: number | null) => formatPlanPercent(language, p);
  const date = (d: string) => formatPlanDate(language, d);
  const status = (s: Parameters<typeof statusLabel>[1]) => statusLabel(language, s);
  const has = (s: Parameters<PlanModel['sections']['has']>[0]) => model.sections.has(s);
  const body: Array<Paragraph | Table> = [];

  body.push(
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${l.title}: ${model.method.title}`)] }),
    new Paragraph({ spacing: { after: 400 }, children: [new TextRun({ text: model.municipality, size: 36, bold: true, color: '1D5C8C' })] }),
  );
  if (model.isExample) body.push(para(l.example, { italics: true }));
  body.push(
    table(
      [l.municipality, model.municipality],
      [
        [l.method, `${model.method.title} (${l.methodVersion} ${model.method.version})`],
        [l.date, date(model.date)],
        [l.author, author],
        [l.version, version],
        [l.overallLine, `${pct(model.overall.percent)}${model.overall.band ? ` – ${l.maturity}: ${model.overall.band}` : ''}`],
      ],
    ),
  );

  const charts = planCharts(model);
  const statusHeaders = [status('in_place'), status('in_progress'), status('not_started'), status('not_relevant')];
  const counts = (c: PlanModel['overall']['counts']) => [String(c.in_place), String(c.in_progress), String(c.not_started), String(c.not_relevant)];
  if (has('summary')) {
    body.push(heading(l.summary, HeadingLevel.HEADING_1, true));
    body.push(para(`${l.overallLine}: ${pct(model.overall.percent)}${model.overall.band ? ` – ${l.maturity}: ${model.overall.band}` : ''}.`, { bold: true }));
    body.push(table([l.driver, l.score, ...statusHeaders], model.drivers.map((d) => [d.title, pct(d.percent), ...counts(d.counts)])));
    body.push(chart(charts.drivers));
    body.push(table([l.phase, l.score, ...statusHeaders], model.phases.map((p) => [p.title, pct(p.percent), ...counts(p.counts)])));
    body.push(chart(charts.wheel));
    if (model.tally) {
      const t = model.tally;
      body.push(para(`${t.title} – ${l.tally}: ${fill(t.target === null ? l.tallyNoTarget : l.tallyLine, { total: t.total, target: t.target ?? 0, percent: pct(t.percent), year: t.year })}`, { bold: true }));
    }
    // Issue 12: stage and evaluation figures (src/backend/evaluation/plan-formats.ts).
    if (model.evaluation) body.push(...evaluationDocx(model.evaluation));
  }

  if (has('delta') && model.delta) {
    const d = model.delta;
    const points = (c: number | null) => (c === null ? '–' : `${c > 0 ? '▲ +' : c < 0 ? '▼ −' : '±'}${Math.abs(Math.round(c))} ${l.points}${c < 0 ? ` (${l.dip})` : ''}`);
    body.push(heading(l.delta, HeadingLevel.HEADING_1, true), para(fill(l.deltaIntro, { round: `${d.round} (${date(d.from.date)})` })));
    const changes = (rows: typeof d.drivers) => rows.map((c) => [c.title, pct(c.from), pct(c.to), points(c.change)]);
    body.push(table([l.driver, l.before, l.after, l.change], changes([{ ...d.overall, title: l.overallLine }, ...d.drivers])));
    body.push(table([l.phase, l.before, l.after, l.change], changes(d.phases)));
    const list = (title: string, lines: string[]) => {
      body.push(para(title, { bold: true }));
      if (lines.length === 0) body.push(para(l.nothing));
      for (const line of lines) body.push(bullet([new TextRun(line)]));
    };
    list(l.movedUp, d.movedUp.map((m) => `${m.title}: ${status(m.from)} → ${status(m.to)}`));
    list(l.movedDown, d.movedDown.map((m) => `${m.title}: ${status(m.from)} → ${status(m.to)}`));
    list(l.newlyOverdue, d.newlyOverdue.map((o) => `${o.title} (${date(o.dueDate)})`));
    list(l.newDecisions, model.options.includeAnswers ? d.newDecisions.map((n) => `${n.title}: ${n.question} ${n.answer}`) : []);
  }

  if (has('milestones')) {
    body.push(heading(l.milestones, HeadingLevel.HEADING_1, true));
    for (const driver of model.drivers) {
      body.push(heading(`${driver.title} (${pct(driver.percent)})`, HeadingLevel.HEADING_2));
      for (const m of driver.milestones) {
        body.push(heading(m.title, HeadingLevel.HEADING_3));
        body.push(table([l.status, l.owner, l.due], [[status(m.status), m.owner, m.dueDate ? `${date(m.dueDate)}${m.overdue ? ` (${l.overdue})` : ''}` : '–']]));
        if (m.decisions.length > 0) {
          body.push(para(l.decisions, { bold: true }));
          for (const d of m.decisions) body.push(bullet([new TextRun({ text: d.question, italics: true }), new TextRun({ text: d.answer, break: 1 })]));
        }
        if (m.notes) body.push(para(l.notes, { bold: true }), para(m.notes));
        if (m.evidence.length > 0) {
          body.push(para(l.evidence, { bold: true }));
          for (const e of m.evidence) body.push(bullet([new TextRun(`${e.label}: ${e.target}`)]));
        }
      }
    }
  }

  if (has('actions')) {
    body.push(heading(l.actions, HeadingLevel.HEADING_1, true), para(l.actionsIntro));
    if (model.actions.length === 0) body.push(para(l.noActions));
    else body.push(table([l.due, l.item, l.owner, l.status], model.actions.map((a) => [a.overdue ? `${date(a.dueDate)} (${l.overdue})` : date(a.dueDate), a.title, a.owner, status(a.status)])));
  }

  if (has('phases')) {
    body.push(heading(l.phases, HeadingLevel.HEADING_1, true));
    for (const phase of model.phases) {
      body.push(heading(`${phase.title} (${pct(phase.percent)})`, HeadingLevel.HEADING_2));
      if (phase.description) body.push(para(phase.description));
      if (phase.focusAreas.length > 0) {
        body.push(para(l.focusAreas, { bold: true }));
        for (const a of phase.focusAreas) body.push(bullet([new TextRun({ text: a.title, bold: true }), new TextRun(a.description ? `: ${a.description}` : '')]));
      }
      body.push(para(l.remaining, { bold: true }));
      if (phase.remaining.length === 0) body.push(para(l.nothingRemaining));
      for (const r of phase.remaining) body.push(bullet([new TextRun(r)]));
    }
  }

  if (has('flow')) {
    for (const flow of model.flows.filter((f) => f.steps.length > 0)) {
      body.push(heading(flow.title, HeadingLevel.HEADING_1, true));
      body.push(
        table(
          ['#', l.item, l.status, l.waitingFor],
          flow.steps.map((s, i) => [String(i + 1), `${s.title} (${s.kind === 'decision' ? l.decision : l.task})`, status(s.status), s.status === 'in_place' ? '' : s.waitingFor.join('; ')]),
        ),
      );
    }
  }

  if (has('openQuestions')) {
    body.push(heading(l.openQuestions, HeadingLevel.HEADING_1, true), para(l.openQuestionsIntro));
    if (model.openQuestions.length === 0) body.push(para(l.noOpenQuestions));
    for (const group of model.openQuestions) {
      body.push(para(group.milestone, { bold: true }));
      for (const q of group.questions) body.push(bullet([new TextRun(q)]));
    }
  }

  if (has('sources') && model.sources.length > 0) {
    body.push(heading(l.sources, HeadingLevel.HEADING_1, true), para(l.sourcesIntro));
    for (const s of model.sources) {
      body.push(bullet([new TextRun(`${s.publisher}${s.year ? ` (${s.year})` : ''}: `), new TextRun({ text: s.title, italics: true }), new TextRun(s.note ? `. ${s.note}` : '.')]));
    }
  }

  const document = new Document({
    creator: author || 'Milepæl',
    title: `${l.title} – ${model.municipality}`,
    description: `${model.method.title} ${model.method.version}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun(`${model.municipality} · ${l.page} `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(` ${l.of} `), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
