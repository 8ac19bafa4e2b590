import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { columnWidths } from '../../core/plan/columns';
import type { PlanBlock, PlanExtraSection } from '../../core/plan/extensions';
import { formatDate } from '../../core/dates';
import { formatPlanMonth, formatPlanPercent, planLabels, statusLabel } from '../../core/plan/labels';
import { fill, LIGHT_SYMBOL, levelLabel, lightLabel, OPEN_QUESTIONS_IN_BODY, planCharts, resourceKindLabel, STATUS_SYMBOLS } from '../../core/plan/markdown';
import type { PlanModel } from '../../core/plan/model';
import { keptSteering, pageOneOverdue, signedPoints, type TrafficLight } from '../../core/plan/steering-page';
import type { Status } from '../../core/schema/common';
import { svgToPng } from './rasterize';
import { evaluationDocx } from '../evaluation/plan-formats';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C5CED6' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
/** A4 width minus 2 cm margins each side, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LIGHT_COLOUR: Record<TrafficLight, string> = { red: 'C2452D', amber: 'D49A1F', green: '2F8A4C', grey: '9AA5B1' };
const STATUS_COLOUR: Record<Status, string> = { in_place: '2F8A4C', in_progress: 'B7791F', not_started: 'C2452D', not_relevant: '7B8794' };

/** A cell's content: plain text, or runs already styled (a coloured status, a link). */
type CellContent = string | { runs: Array<TextRun | ExternalHyperlink>; text: string };

/** Right-to-left text is laid out right-to-left; everything else as usual. */
function textParagraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const rtl = RIGHT_TO_LEFT.test(text);
  return new Paragraph({
    bidirectional: rtl,
    children: text.split('\n').map((line, i) => new TextRun({ text: line, ...options, rightToLeft: rtl, break: i > 0 ? 1 : 0 })),
  });
}

function cell(content: CellContent, header: boolean, width: number): TableCell {
  const paragraph = typeof content === 'string' ? textParagraph(content || '–', { bold: header }) : new Paragraph({ children: content.runs });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [paragraph],
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF3F7' } } : {}),
  });
}

/** A real Word table: fixed layout with column widths from the content, a header row that repeats on every page. */
function table(headers: readonly string[], rows: ReadonlyArray<readonly CellContent[]>): Table {
  const plain = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)))];
  const widths = columnWidths(plain).map((p) => Math.round((p / 100) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    // Narrower than Word's 0.19 cm each side, so a date keeps to one line in the column sized for it.
    margins: { left: 70, right: 70, top: 20, bottom: 20 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, c) => cell(h, true, widths[c] ?? 0)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i] ?? 0)) })),
    ],
  });
}

/** Headings keep with what follows, so none is left alone at the foot of a page. */
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ text, heading: level, pageBreakBefore, keepNext: true, keepLines: true });
const para = textParagraph;
const bullet = (children: Array<TextRun | ExternalHyperlink>) => new Paragraph({ bullet: { level: 0 }, children });

function chart(svg: string, width = 600): Paragraph {
  const png = svgToPng(svg, width * 2);
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? ['', '640', '400'];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width, height: Math.round((width * Number(h)) / Number(w)) } })],
  });
}

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

function blocks(body: Array<Paragraph | Table | TableOfContents>, section: PlanExtraSection, sectionHeading: (title: string) => Paragraph): void {
  body.push(sectionHeading(section.title));
  for (const b of section.blocks as PlanBlock[]) {
    if (b.kind === 'paragraph') body.push(para(b.text));
    else if (b.kind === 'list') for (const item of b.items) body.push(bullet([new TextRun(item)]));
    else body.push(table(b.headers, b.rows));
  }
}

/** The plan as an editable Word document in Danish (or English): headings, tables, a contents list, page numbers. */
export async function planToDocx(model: PlanModel): Promise<Uint8Array> {
  const { language, author, version } = model.options;
  const l = planLabels(language);
  const pct = (p: number | null) => formatPlanPercent(language, p);
  const date = (d: string) => formatDate(d, language);
  const has = (s: Parameters<PlanModel['sections']['has']>[0]) => model.sections.has(s);
  const s = model.steering;
  const short = s.nearlyEmpty;
  const body: Array<Paragraph | Table | TableOfContents> = [];
  // Page 1 stands alone; after it the sections follow one another, as in the PDF, so no page is left
  // nearly empty where a section ends (a heading keeps with what follows it).
  let pageOneEnded = false;
  const sectionHeading = (title: string) => {
    const paragraph = heading(title, HeadingLevel.HEADING_1, !pageOneEnded);
    pageOneEnded = true;
    return paragraph;
  };
  const status = (st: Status): CellContent => ({
    text: `${STATUS_SYMBOLS[st]} ${statusLabel(language, st)}`,
    runs: [new TextRun({ text: `${STATUS_SYMBOLS[st]} `, color: STATUS_COLOUR[st], bold: true }), new TextRun(statusLabel(language, st))],
  });
  const light = (t: TrafficLight): CellContent => ({
    text: `${LIGHT_SYMBOL} ${lightLabel(l, t)}`,
    runs: [new TextRun({ text: `${LIGHT_SYMBOL} `, color: LIGHT_COLOUR[t] }), new TextRun({ text: lightLabel(l, t), bold: true })],
  });
  const owner = (o: string) => (o.trim() === '' ? l.noOwner : o);
  const due = (d: string | null, overdue: boolean) => (d === null ? '–' : overdue ? `${date(d)} (${l.overdue})` : date(d));

  // Page 1: the steering group's page.
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${l.title}: ${model.method.title}`)] }));
  body.push(
    new Paragraph({
      spacing: { after: 160 },
      children: [new TextRun({ text: model.municipality, bold: true, size: 28, color: '1D5C8C' }), new TextRun(` · ${l.statusDate} ${date(model.date)} · ${l.version} ${version}${author ? ` · ${l.author}: ${author}` : ''}`)],
    }),
  );
  if (model.isExample) body.push(para(l.example, { italics: true }));
  if (has('steering')) {
    body.push(heading(l.steeringPage, HeadingLevel.HEADING_2));
    body.push(heading(l.keyMessages, HeadingLevel.HEADING_3));
    for (const m of s.keyMessages) body.push(bullet([new TextRun(m)]));
    body.push(heading(l.trafficLights, HeadingLevel.HEADING_3), para(l.trafficThresholds, { italics: true }));
    body.push(table([l.area, l.score, l.light], s.trafficLights.map((t) => [t.title, pct(t.percent), light(t.light)])));
    body.push(heading(`${l.stage}: ${s.stage?.title ?? '–'}`, HeadingLevel.HEADING_3));
    if (!s.stage) body.push(para(l.stageNone));
    else if (!s.stage.next) body.push(para(l.stageTop));
    else {
      if (s.stage.needs) {
        body.push(para(fill(l.stageNeeds, { next: s.stage.next.title })));
        for (const need of s.stage.needs) body.push(bullet([new TextRun(need)]));
      } else body.push(para(fill(l.stageNext, { next: s.stage.next.title, min: s.stage.next.min, points: s.stage.next.missingPoints })));
      if (s.stageMissing.length > 0) body.push(para(`${l.stageMissing}: ${s.stageMissing.slice(0, 2).join('; ')}${s.stageMissing.length > 2 ? ' …' : ''}`));
    }
    body.push(heading(l.overdueItems, HeadingLevel.HEADING_3));
    if (s.overdue.length === 0) body.push(para(l.noOverdueItems));
    const overdue = pageOneOverdue(s.overdue, has('actions'));
    for (const o of overdue.shown) body.push(bullet([new TextRun(`${o.title} – ${date(o.dueDate!)}, ${owner(o.owner)}`)]));
    if (overdue.more > 0) body.push(para(fill(l.moreOverdue, { count: overdue.more, section: l.actions })));
    body.push(heading(l.steeringDecisions, HeadingLevel.HEADING_3));
    if (s.decisions.length === 0) body.push(para(l.noSteeringDecisions));
    else body.push(table([l.decisionWhat, l.item, l.bringsIt, l.decideBy], s.decisions.map((d) => [d.text, d.itemTitle, d.owner, d.date ? date(d.date) : '–'])));
    if (short) body.push(para(l.shortPlanNote, { italics: true }));
  }

  if (has('documentControl')) {
    const dc = s.documentControl;
    body.push(sectionHeading(l.documentControl));
    body.push(
      table(
        [l.municipality, model.municipality],
        [
          [l.method, `${model.method.title} (${l.methodVersion} ${model.method.version})`],
          [l.statusDate, date(dc.statusDate)],
          [l.nextMeeting, dc.nextMeeting ? date(dc.nextMeeting) : l.notPlanned],
          [l.version, version],
          [l.preparedBy, author || dc.approval.preparedBy],
          [l.approvedBy, dc.approval.approvedBy],
          [l.approvedOn, dc.approval.approvedOn ? date(dc.approval.approvedOn) : '–'],
        ],
      ),
    );
    body.push(heading(l.versionHistory, HeadingLevel.HEADING_3));
    if (dc.rounds.length === 0) body.push(para(l.noRounds));
    else body.push(table([l.date, l.round, l.overallLine], dc.rounds.map((r) => [date(r.date), r.label, pct(r.percent)])));
  }
  if (model.cornerstones && !short) {
    body.push(heading(l.cornerstones, HeadingLevel.HEADING_3), para(l.cornerstonesIntro));
    for (const c of model.cornerstones.items) body.push(bullet([new TextRun({ text: c.title, bold: true }), new TextRun(c.text ? `: ${c.text}` : '')]));
  }
  if (!short) body.push(heading(l.contents, HeadingLevel.HEADING_3), new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-1' }));

  if (has('statusTable') && !short) {
    body.push(sectionHeading(l.statusTable));
    body.push(table([l.milestone, l.driver, l.status, l.owner, l.due], model.drivers.flatMap((d) => d.milestones.map((m) => [m.title, d.title, status(m.status), m.status === 'in_place' || m.status === 'not_relevant' ? m.owner || '–' : owner(m.owner), due(m.dueDate, m.overdue)]))));
  }

  const charts = planCharts(model);
  if (has('summary') && !short) {
    body.push(sectionHeading(l.summary));
    body.push(para(`${l.overallLine}: ${pct(model.overall.percent)}${model.overall.band ? ` – ${l.stage.toLowerCase()}: ${model.overall.band}` : ''}.`, { bold: true }));
    const statusHeaders = (['in_place', 'in_progress', 'not_started', 'not_relevant'] as const).map((st) => `${STATUS_SYMBOLS[st]} ${statusLabel(language, st)}`);
    const counts = (c: PlanModel['overall']['counts']) => [String(c.in_place), String(c.in_progress), String(c.not_started), String(c.not_relevant)];
    body.push(table([l.driver, l.score, ...statusHeaders], model.drivers.map((d) => [d.title, pct(d.percent), ...counts(d.counts)])));
    body.push(chart(charts.drivers));
    body.push(table([l.phase, l.score, ...statusHeaders], model.phases.map((p) => [p.title, pct(p.percent), ...counts(p.counts)])));
    body.push(chart(charts.wheel, 480));
    if (model.tally) {
      const t = model.tally;
      body.push(para(`${t.title} – ${l.tally}: ${fill(t.target === null ? l.tallyNoTarget : l.tallyLine, { total: t.total, target: t.target ?? 0, percent: pct(t.percent), year: t.year })}`, { bold: true }));
    }
    // Issue 12: stage and evaluation figures (src/backend/evaluation/plan-formats.ts).
    if (model.evaluationReport) body.push(...evaluationDocx(model.evaluationReport, table, false));
  }

  if (short && s.firstSteps.length > 0) {
    body.push(sectionHeading(l.firstSteps), para(l.firstStepsIntro));
    s.firstSteps.forEach((f, i) => body.push(para(`${i + 1}. ${f}`)));
  }

  if (has('delta') && model.delta) {
    const d = model.delta;
    const points = (c: number | null) => (c === null ? '–' : `${c > 0 ? '▲ ' : c < 0 ? '▼ ' : ''}${signedPoints(c)} ${l.points}${c < 0 ? ` (${l.dip})` : ''}`);
    body.push(sectionHeading(l.delta), para(fill(l.deltaIntro, { round: `${d.round} (${date(d.from.date)})` })));
    const changes = (rows: typeof d.drivers) => rows.map((c) => [c.title, pct(c.from), pct(c.to), points(c.change)]);
    body.push(table([l.driver, l.before, l.after, l.change], changes([{ ...d.overall, title: l.overallLine }, ...d.drivers])));
    body.push(table([l.phase, l.before, l.after, l.change], changes(d.phases)));
    const list = (title: string, lines: string[]) => {
      body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: title, bold: true })] }));
      if (lines.length === 0) body.push(para(l.nothing));
      for (const line of lines) body.push(bullet([new TextRun(line)]));
    };
    list(l.movedUp, d.movedUp.map((m) => `${m.title}: ${statusLabel(language, m.from)} → ${statusLabel(language, m.to)}`));
    list(l.movedDown, d.movedDown.map((m) => `${m.title}: ${statusLabel(language, m.from)} → ${statusLabel(language, m.to)}`));
    list(l.newlyOverdue, d.newlyOverdue.map((o) => `${o.title} (${date(o.dueDate)})`));
    list(l.newDecisions, model.options.includeAnswers ? d.newDecisions.map((n) => `${n.title}: ${n.answer.replace(/\s*\n\s*/g, ' ')}`) : []);
  }

  if (has('actions')) {
    body.push(sectionHeading(l.actions), para(l.actionsIntroAll));
    if (s.actionGroups.length === 0) body.push(para(l.nothing));
    for (const g of s.actionGroups) {
      const title = g.kind === 'overdue' ? l.groupOverdue : g.kind === 'month' ? fill(l.groupMonth, { month: formatPlanMonth(language, g.month!) }) : l.groupUnassigned;
      body.push(heading(title, HeadingLevel.HEADING_3));
      if (g.kind === 'unassigned') body.push(para(l.groupUnassignedIntro, { italics: true }));
      body.push(table([l.item, l.owner, l.due, l.status], g.items.map((i) => [i.title, owner(i.owner), due(i.dueDate, i.overdue), status(i.status)])));
    }
  }

  if (has('timeline') && !short) {
    body.push(sectionHeading(l.timeline), para(l.timelineIntro));
    if (s.timeline.length === 0) body.push(para(l.timelineEmpty));
    else {
      body.push(chart(charts.timeline, 640));
      const waiting = s.timeline.filter((t) => t.waitingFor.length > 0);
      if (waiting.length > 0) body.push(table([l.due, l.item, l.waitingFor], waiting.map((t) => [due(t.dueDate, t.overdue), t.title, t.waitingFor.map((w) => w.title).join('; ')])));
    }
  }

  if (model.evaluation) blocks(body, model.evaluation, sectionHeading);
  for (const extra of model.extraSections) blocks(body, extra, sectionHeading);

  // A new municipality without roles, risks, decisions or resources gets no pages of empty tables;
  // only the method's roles, which the steering group has to fill first, are shown then.
  const nothingKept = keptSteering(s) === 0;
  const methodRoles = s.roles.some((r) => r.method);
  const vacant = (): CellContent => ({ runs: [new TextRun({ text: l.roleVacant, italics: true })], text: l.roleVacant });
  if (has('governance') && !(short && nothingKept && !methodRoles)) {
    body.push(sectionHeading(l.governance), heading(l.roles, HeadingLevel.HEADING_3), para(methodRoles ? `${l.rolesIntro} ${l.rolesMethodNote}` : l.rolesIntro));
    if (s.roles.length > 0) body.push(table([l.role, l.holder, l.roleTask], s.roles.map((r): CellContent[] => [r.role, r.method && r.holder.trim() === '' ? vacant() : r.holder, r.task])));
    if (s.owners.length > 0) body.push(table([l.owner, l.ownerItems, l.open], s.owners.map((o) => [o.owner, String(o.total), String(o.open)])));
  }
  if (has('governance') && !(short && nothingKept)) {
    body.push(heading(l.risks, HeadingLevel.HEADING_3));
    if (s.risks.length === 0) body.push(para(l.noRisks));
    else
      body.push(
        table(
          [l.risks, l.likelihoodImpact, l.response, l.owner, l.status],
          s.risks.map((r) => [`${r.kind === 'risk' ? l.riskRisk : l.riskBarrier}: ${r.text}`, `${levelLabel(l, r.likelihood)} / ${levelLabel(l, r.impact)}`, r.response, r.owner, r.open ? l.open : l.closed]),
        ),
      );
    body.push(heading(l.decisionLog, HeadingLevel.HEADING_3));
    if (s.decisionLog.length === 0) body.push(para(l.noDecisionLog));
    else body.push(table([l.date, l.decisionWhat, l.forum], s.decisionLog.map((d) => [d.date ? date(d.date) : '–', d.text, d.forum])));
    body.push(heading(l.resources, HeadingLevel.HEADING_3));
    if (s.resources.length === 0) body.push(para(l.noResources));
    else body.push(table([l.resourceKind, l.item, l.amount, l.owner, l.due, l.secured], s.resources.map((r) => [resourceKindLabel(l, r.kind), r.text, r.amount, r.owner, r.dueDate ? date(r.dueDate) : '–', r.secured ? l.yes : l.no])));
  }

  if (has('milestones') && !short) {
    body.push(sectionHeading(l.milestones));
    for (const driver of model.drivers) {
      body.push(heading(`${driver.title} (${pct(driver.percent)})`, HeadingLevel.HEADING_2));
      for (const m of driver.milestones) {
        body.push(heading(m.title, HeadingLevel.HEADING_3));
        body.push(table([l.status, l.owner, l.due], [[status(m.status), m.owner, due(m.dueDate, m.overdue)]]));
        if (m.decisions.length > 0) {
          body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: l.decisions, bold: true })] }));
          for (const d of m.decisions) body.push(bullet([new TextRun({ text: d.question, italics: true }), new TextRun({ text: d.answer, break: 1 })]));
        }
        if (m.notes) body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: l.notes, bold: true })] }), para(m.notes));
        if (m.evidence.length > 0) {
          body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: l.evidence, bold: true })] }));
          for (const e of m.evidence) {
            body.push(
              WEB_ADDRESS.test(e.target)
                ? bullet([new ExternalHyperlink({ link: e.target, children: [new TextRun({ text: e.label, style: 'Hyperlink' })] }), new TextRun(` (${e.target})`)])
                : bullet([new TextRun(`${e.label}: ${e.target}`)]),
            );
          }
        }
      }
    }
  }

  if (has('phases') && !short) {
    body.push(sectionHeading(l.phases));
    for (const phase of model.phases) {
      body.push(heading(`${phase.title} (${pct(phase.percent)})`, HeadingLevel.HEADING_2));
      if (phase.description) body.push(para(phase.description));
      if (phase.focusAreas.length > 0) {
        body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: l.focusAreas, bold: true })] }));
        for (const a of phase.focusAreas) body.push(bullet([new TextRun({ text: a.title, bold: true }), new TextRun(a.description ? `: ${a.description}` : '')]));
      }
      body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: l.remaining, bold: true })] }));
      if (phase.remaining.length === 0) body.push(para(l.nothingRemaining));
      for (const r of phase.remaining) body.push(bullet([new TextRun(r)]));
    }
  }

  if (has('flow') && !short) {
    for (const flow of model.flows.filter((f) => f.steps.length > 0)) {
      body.push(sectionHeading(flow.title));
      body.push(
        table(
          ['#', l.item, l.status, l.waitingFor],
          flow.steps.map((st, i) => [String(i + 1), `${st.title} (${st.kind === 'decision' ? l.decision : l.task})`, status(st.status), st.status === 'in_place' ? '' : st.waitingFor.join('; ')]),
        ),
      );
    }
  }

  const questionCount = model.openQuestions.reduce((n, g) => n + g.questions.length, 0);
  const openQuestions = (title: string) => {
    body.push(sectionHeading(title), para(l.openQuestionsIntro));
    if (model.openQuestions.length === 0) body.push(para(l.noOpenQuestions));
    for (const group of model.openQuestions) {
      body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: group.milestone, bold: true })] }));
      for (const q of group.questions) body.push(bullet([new TextRun(q)]));
    }
  };
  if (has('openQuestions') && !short) openQuestions(questionCount > OPEN_QUESTIONS_IN_BODY ? l.appendixQuestions : l.openQuestions);
  for (const appendix of model.appendices) blocks(body, appendix, sectionHeading);

  if (has('sources') && model.sources.length > 0) {
    body.push(sectionHeading(l.sources), para(l.sourcesIntro));
    for (const src of model.sources) {
      body.push(bullet([new TextRun(`${src.publisher}${src.year ? ` (${src.year})` : ''}: `), new TextRun({ text: src.title, italics: true }), new TextRun(src.note ? `. ${src.note}` : '.')]));
    }
  }

  const document = new Document({
    creator: author || 'Milepæl',
    title: `${l.title} – ${model.municipality}`,
    description: `${model.method.title} ${model.method.version}`,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 21, language: { value: language === 'da' ? 'da-DK' : 'en-GB' } } } },
      paragraphStyles: [
        // Word's own title is 28 pt: the English method's name took three lines and pushed page 1's last decision onto page 2.
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 36, color: '1D5C8C' }, paragraph: { spacing: { after: 80 } } },
        // Sections follow one another on a page, so a section's heading needs room above it.
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, color: '1D5C8C' }, paragraph: { spacing: { before: 400, after: 120 }, keepNext: true } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 23, color: '1F2933' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
      ],
    },
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
