import { barChartSvg, timelineSvg, wheelSvg } from './charts';
import type { PlanBlock, PlanExtraSection } from './extensions';
import { fillTemplate } from './fill';
import { formatDate } from '../dates';
import { formatPlanMonth, formatPlanPercent, monthNames, planLabels, statusLabel, type PlanLabels } from './labels';
import type { PlanModel } from './model';
import { keptSteering, pageOneOverdue, signedPoints, type TrafficLight } from './steering-page';
import type { Status } from '../schema/common';
import type { Resource } from '../schema/steering';

export interface PlanCharts {
  drivers: string;
  wheel: string;
  timeline: string;
}
export const PLAN_CHART_KEYS = ['drivers', 'wheel', 'timeline'] as const satisfies ReadonlyArray<keyof PlanCharts>;

/** At most this many rows in the timeline chart; the action plan lists every item. */
export const TIMELINE_ROWS = 30;

export function planCharts(model: PlanModel): PlanCharts {
  const { language } = model.options;
  const l = planLabels(language);
  const bars = (rows: ReadonlyArray<{ title: string; percent: number | null }>) => rows.map((r) => ({ label: r.title, percent: r.percent, valueText: formatPlanPercent(language, r.percent) }));
  const timeline = model.steering.timeline.slice(0, TIMELINE_ROWS).map((t) => ({
    id: t.id,
    label: t.title,
    dueDate: t.dueDate,
    overdue: t.overdue,
    milestone: t.kind === 'milestone',
    waitingFor: t.waitingFor.map((w) => w.id),
  }));
  return {
    drivers: barChartSvg(l.chartDrivers, bars(model.drivers)),
    wheel: wheelSvg(l.chartWheel, bars(model.phases)),
    timeline: timelineSvg(l.timeline, model.date, timeline, monthNames(language), { milestone: l.milestone, step: l.flowStep, overdue: l.overdue, waitingFor: l.waitingFor }),
  };
}

/**
 * Where chart images point: `reference` for the HTML renderer, which inlines the SVG; `files` for
 * a Markdown file with PNG files beside it (standard renderers refuse data: images); `tables` for
 * a Markdown file on its own, where the numbers are drawn as text bars.
 */
export type ChartTarget = { kind: 'reference' } | { kind: 'files'; prefix: string } | { kind: 'tables' };
export const CHART_REFERENCE_PREFIX = 'milepael-chart:';

/** The file name a chart gets beside a Markdown plan. */
export function chartFileName(prefix: string, key: keyof PlanCharts): string {
  return `${prefix}-${key}.png`;
}

/**
 * User text is plain text in the plan: Markdown characters are escaped so a note can never add
 * headings, links, tables or HTML; line breaks are kept.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
        // Only real block markers at the start of a line: headings, list items, quotes, rules.
        .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+*](?=\s|$)|\d+[.)](?=\s|$)|>|=+\s*$|-+\s*$)/, (_m, space: string, mark: string) => `${space}\\${mark}`),
    )
    .join('  \n');
}

/** Table cells hold one line: pipes escaped, line breaks turned into spaces. */
function cell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ')).replace(/ {2}\n/g, ' ') || '–';
}

/** Fills {name} placeholders in a label. */
export const fill = fillTemplate;

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Heading anchors as GitHub and our HTML renderer make them: lower case, letters and digits, dashes. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Shape and word besides the colour, so status reads in black and white too. */
export const STATUS_SYMBOLS: Record<Status, string> = { not_started: '○', in_progress: '◐', in_place: '●', not_relevant: '–' };
export const LIGHT_SYMBOL = '⬤';

export function lightLabel(l: PlanLabels, light: TrafficLight): string {
  return { red: l.lightRed, amber: l.lightAmber, green: l.lightGreen, grey: l.lightGrey }[light];
}

export function resourceKindLabel(l: PlanLabels, kind: Resource['kind']): string {
  return { training: l.resTraining, coordinators: l.resCoordinators, catering: l.resCatering, premises: l.resPremises, funding: l.resFunding, other: l.resOther }[kind];
}

export function levelLabel(l: PlanLabels, level: 'low' | 'medium' | 'high'): string {
  return { low: l.levelLow, medium: l.levelMedium, high: l.levelHigh }[level];
}

/** A text bar for renderers without images: ██████░░░░ */
function textBar(percent: number | null): string {
  const filled = Math.round((percent ?? 0) / 10);
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
}

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** A web address becomes a link; a path on a shared drive stays text (browsers will not open it). */
function evidenceMarkdown(label: string, target: string): string {
  if (WEB_ADDRESS.test(target)) return `[${escapeMarkdown(label)}](${encodeURI(decodeSafely(target)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
  return `${escapeMarkdown(label)}: \`${target.replace(/`/g, "'")}\``;
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function blocksToMarkdown(blocks: readonly PlanBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(escapeMarkdown(b.text), '');
    else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${escapeMarkdown(i)}`), '');
    else out.push(table(b.headers.map(cell), b.rows.map((r) => r.map(cell))), '');
  }
  return out;
}

/** Open questions beyond this many go to an appendix, so the body stays readable. */
export const OPEN_QUESTIONS_IN_BODY = 15;

export function planToMarkdown(model: PlanModel, charts: ChartTarget = { kind: 'tables' }): string {
  const { language, author, version } = model.options;
  const l = planLabels(language);
  const pct = (p: number | null) => formatPlanPercent(language, p);
  const date = (d: string) => formatDate(d, language);
  const status = (s: Status) => `${STATUS_SYMBOLS[s]} ${statusLabel(language, s)}`;
  const has = (section: Parameters<PlanModel['sections']['has']>[0]) => model.sections.has(section);
  const s = model.steering;
  const short = s.nearlyEmpty;
  const image = (alt: string, key: keyof PlanCharts, rows: ReadonlyArray<{ title: string; percent: number | null }> = []) => {
    if (charts.kind === 'reference') return [`![${alt}](${CHART_REFERENCE_PREFIX}${key})`, ''];
    if (charts.kind === 'files') return [`![${alt}](${chartFileName(charts.prefix, key)})`, ''];
    if (rows.length === 0) return [];
    return [`**${alt}**`, '', table([l.area, l.score, ''], rows.map((r) => [cell(r.title), `\`${textBar(r.percent)}\``, pct(r.percent)])), ''];
  };
  const owner = (o: string) => (o.trim() === '' ? l.noOwner : cell(o));
  const due = (d: string | null, overdue: boolean) => (d === null ? '–' : overdue ? `**${date(d)} (${l.overdue})**` : date(d));
  const out: string[] = [];
  const section = (title: string) => out.push(`## ${title}`, '');

  // Page 1: the steering group's page.
  out.push(`# ${l.title}: ${escapeMarkdown(model.method.title)}`, '');
  out.push(`**${escapeMarkdown(model.municipality)}** · ${l.statusDate} ${date(model.date)} · ${l.version} ${cell(version)}${author ? ` · ${l.author}: ${cell(author)}` : ''}`, '');
  if (model.isExample) out.push(`*${l.example}*`, '');
  if (has('steering')) {
    // The page's own level-2 heading, so its parts (level 3) do not jump from the title's level 1.
    out.push(`## ${l.steeringPage}`, '');
    out.push(`### ${l.keyMessages}`, '', ...s.keyMessages.map((m) => `- ${escapeMarkdown(m)}`), '');
    out.push(`### ${l.trafficLights}`, '', `*${l.trafficThresholds}*`, '');
    out.push(table([l.area, l.score, l.light], s.trafficLights.map((t) => [cell(t.title), pct(t.percent), `${LIGHT_SYMBOL} ${lightLabel(l, t.light)}`])), '');
    out.push(`### ${l.stage}: ${s.stage ? escapeMarkdown(s.stage.title) : '–'}`, '');
    if (!s.stage) out.push(l.stageNone, '');
    else if (!s.stage.next) out.push(l.stageTop, '');
    else {
      if (s.stage.needs) out.push(`${fillTemplate(l.stageNeeds, { next: escapeMarkdown(s.stage.next.title) })}`, '', ...s.stage.needs.map((n) => `- ${escapeMarkdown(n)}`), '');
      else out.push(fillTemplate(l.stageNext, { next: escapeMarkdown(s.stage.next.title), min: s.stage.next.min, points: s.stage.next.missingPoints }), '');
      if (s.stageMissing.length > 0) out.push(`${l.stageMissing}: ${s.stageMissing.slice(0, 2).map(escapeMarkdown).join('; ')}${s.stageMissing.length > 2 ? ' …' : ''}`, '');
    }
    out.push(`### ${l.overdueItems}`, '');
    const overdue = pageOneOverdue(s.overdue, has('actions'));
    out.push(...(s.overdue.length === 0 ? [l.noOverdueItems] : overdue.shown.map((o) => `- ${escapeMarkdown(o.title)} – ${date(o.dueDate!)}, ${owner(o.owner)}`)), '');
    if (overdue.more > 0) out.push(fillTemplate(l.moreOverdue, { count: overdue.more, section: l.actions }), '');
    out.push(`### ${l.steeringDecisions}`, '');
    if (s.decisions.length === 0) out.push(l.noSteeringDecisions, '');
    else out.push(table([l.decisionWhat, l.item, l.bringsIt, l.decideBy], s.decisions.map((d) => [cell(d.text), cell(d.itemTitle), cell(d.owner), d.date ? date(d.date) : '–'])), '');
    if (short) out.push(`*${l.shortPlanNote}*`, '');
  }

  if (has('documentControl')) {
    section(l.documentControl);
    const dc = s.documentControl;
    out.push(
      table(
        [l.municipality, escapeMarkdown(model.municipality)],
        [
          [l.method, `${cell(model.method.title)} (${l.methodVersion} ${model.method.version})`],
          [l.statusDate, date(dc.statusDate)],
          [l.nextMeeting, dc.nextMeeting ? date(dc.nextMeeting) : l.notPlanned],
          [l.version, cell(version)],
          [l.preparedBy, cell(author || dc.approval.preparedBy)],
          [l.approvedBy, cell(dc.approval.approvedBy)],
          [l.approvedOn, dc.approval.approvedOn ? date(dc.approval.approvedOn) : '–'],
        ],
      ),
      '',
    );
    out.push(`### ${l.versionHistory}`, '');
    if (dc.rounds.length === 0) out.push(l.noRounds, '');
    else out.push(table([l.date, l.round, l.overallLine], dc.rounds.map((r) => [date(r.date), cell(r.label), pct(r.percent)])), '');
  }

  // The introduction: what the method must stay true to.
  if (model.cornerstones && !short) {
    out.push(`### ${l.cornerstones}`, '', l.cornerstonesIntro, '');
    out.push(...model.cornerstones.items.map((c) => `- **${escapeMarkdown(c.title)}**${c.text ? `: ${escapeMarkdown(c.text)}` : ''}`), '');
  }

  // Headings after the front matter, for the table of contents.
  const body: string[] = [];
  const start = out.length;

  if (has('statusTable') && !short) {
    section(l.statusTable);
    const rows = model.drivers.flatMap((d) => d.milestones.map((m) => [cell(m.title), cell(d.title), status(m.status), owner(m.status === 'in_place' || m.status === 'not_relevant' ? m.owner || '–' : m.owner), due(m.dueDate, m.overdue)]));
    out.push(table([l.milestone, l.driver, l.status, l.owner, l.due], rows), '');
  }

  if (has('summary') && !short) {
    section(l.summary);
    out.push(`${l.overallLine}: **${pct(model.overall.percent)}**${model.overall.band ? ` – ${l.stage.toLowerCase()}: **${escapeMarkdown(model.overall.band)}**` : ''}.`, '');
    const counts = (c: PlanModel['overall']['counts']) => [String(c.in_place), String(c.in_progress), String(c.not_started), String(c.not_relevant)];
    const statusHeaders = [status('in_place'), status('in_progress'), status('not_started'), status('not_relevant')];
    out.push(table([l.driver, l.score, ...statusHeaders], model.drivers.map((d) => [cell(d.title), pct(d.percent), ...counts(d.counts)])), '');
    out.push(...image(l.chartDrivers, 'drivers', model.drivers));
    out.push(table([l.phase, l.score, ...statusHeaders], model.phases.map((p) => [cell(p.title), pct(p.percent), ...counts(p.counts)])), '');
    out.push(...image(l.chartWheel, 'wheel', model.phases));
    if (model.tally) {
      const t = model.tally;
      const line = t.target === null ? l.tallyNoTarget : l.tallyLine;
      out.push(`**${escapeMarkdown(t.title)} – ${l.tally}:** ${fill(line, { total: t.total, target: t.target ?? 0, percent: pct(t.percent), year: t.year })}`, '');
    }
  }

  if (short && s.firstSteps.length > 0) {
    section(l.firstSteps);
    out.push(l.firstStepsIntro, '', ...s.firstSteps.map((f, i) => `${i + 1}. ${escapeMarkdown(f)}`), '');
  }

  if (has('delta') && model.delta) {
    const d = model.delta;
    const points = (c: number | null) => (c === null ? '–' : `${c > 0 ? '▲ ' : c < 0 ? '▼ ' : ''}${signedPoints(c)} ${l.points}${c < 0 ? ` (${l.dip})` : ''}`);
    section(l.delta);
    out.push(fill(l.deltaIntro, { round: `*${escapeMarkdown(d.round)}* (${date(d.from.date)})` }), '');
    const changes = (rows: typeof d.drivers) => rows.map((c) => [cell(c.title), pct(c.from), pct(c.to), points(c.change)]);
    out.push(table([l.driver, l.before, l.after, l.change], changes([{ ...d.overall, title: l.overallLine }, ...d.drivers])), '');
    out.push(table([l.phase, l.before, l.after, l.change], changes(d.phases)), '');
    const list = (title: string, lines: string[]) => out.push(`**${title}**`, '', ...(lines.length === 0 ? [l.nothing] : lines.map((x) => `- ${x}`)), '');
    list(l.movedUp, d.movedUp.map((m) => `${escapeMarkdown(m.title)}: ${statusLabel(language, m.from)} → ${statusLabel(language, m.to)}`));
    list(l.movedDown, d.movedDown.map((m) => `${escapeMarkdown(m.title)}: ${statusLabel(language, m.from)} → ${statusLabel(language, m.to)}`));
    list(l.newlyOverdue, d.newlyOverdue.map((o) => `${escapeMarkdown(o.title)} (${date(o.dueDate)})`));
    // One line per decision: the item and the answer, without the question's full wording.
    list(l.newDecisions, model.options.includeAnswers ? d.newDecisions.map((n) => `${escapeMarkdown(n.title)}: ${escapeMarkdown(n.answer.replace(/\s*\n\s*/g, ' '))}`) : []);
  }

  if (has('actions')) {
    section(l.actions);
    out.push(l.actionsIntroAll, '');
    if (s.actionGroups.length === 0) out.push(l.nothing, '');
    for (const g of s.actionGroups) {
      const title = g.kind === 'overdue' ? l.groupOverdue : g.kind === 'month' ? fill(l.groupMonth, { month: formatPlanMonth(language, g.month!) }) : l.groupUnassigned;
      out.push(`### ${title}`, '');
      if (g.kind === 'unassigned') out.push(`*${l.groupUnassignedIntro}*`, '');
      out.push(table([l.item, l.owner, l.due, l.status], g.items.map((i) => [cell(i.title), owner(i.owner), due(i.dueDate, i.overdue), status(i.status)])), '');
    }
  }

  if (has('timeline') && !short) {
    section(l.timeline);
    out.push(l.timelineIntro, '');
    if (s.timeline.length === 0) out.push(l.timelineEmpty, '');
    else {
      out.push(...image(l.timeline, 'timeline'));
      const waiting = s.timeline.filter((t) => t.waitingFor.length > 0);
      if (waiting.length > 0) out.push(table([l.due, l.item, l.waitingFor], waiting.map((t) => [due(t.dueDate, t.overdue), cell(t.title), t.waitingFor.map((w) => cell(w.title)).join('; ')])), '');
    }
  }

  if (model.evaluation) extraSection(out, model.evaluation);
  for (const extra of model.extraSections) extraSection(out, extra);

  // A new municipality without roles, risks, decisions or resources gets no pages of empty tables;
  // only the method's roles, which the steering group has to fill first, are shown then.
  const nothingKept = keptSteering(s) === 0;
  const methodRoles = s.roles.some((r) => r.method);
  if (has('governance') && !(short && nothingKept && !methodRoles)) {
    section(l.governance);
    out.push(`### ${l.roles}`, '', methodRoles ? `${l.rolesIntro} ${l.rolesMethodNote}` : l.rolesIntro, '');
    if (s.roles.length > 0) out.push(table([l.role, l.holder, l.roleTask], s.roles.map((r) => [cell(r.role), r.method && r.holder.trim() === '' ? `*${l.roleVacant}*` : cell(r.holder), cell(r.task)])), '');
    if (s.owners.length > 0) out.push(table([l.owner, l.ownerItems, l.open], s.owners.map((o) => [cell(o.owner), String(o.total), String(o.open)])), '');
    if (s.roles.length === 0 && s.owners.length === 0) out.push(l.nothing, '');
  }
  if (has('governance') && !(short && nothingKept)) {

    out.push(`### ${l.risks}`, '');
    if (s.risks.length === 0) out.push(l.noRisks, '');
    else
      out.push(
        table(
          [l.risks, l.likelihoodImpact, l.response, l.owner, l.status],
          s.risks.map((r) => [`${r.kind === 'risk' ? l.riskRisk : l.riskBarrier}: ${cell(r.text)}`, `${levelLabel(l, r.likelihood)} / ${levelLabel(l, r.impact)}`, cell(r.response), cell(r.owner), r.open ? l.open : l.closed]),
        ),
        '',
      );

    out.push(`### ${l.decisionLog}`, '');
    if (s.decisionLog.length === 0) out.push(l.noDecisionLog, '');
    else out.push(table([l.date, l.decisionWhat, l.forum], s.decisionLog.map((d) => [d.date ? date(d.date) : '–', cell(d.text), cell(d.forum)])), '');

    out.push(`### ${l.resources}`, '');
    if (s.resources.length === 0) out.push(l.noResources, '');
    else out.push(table([l.resourceKind, l.item, l.amount, l.owner, l.due, l.secured], s.resources.map((r) => [resourceKindLabel(l, r.kind), cell(r.text), cell(r.amount), cell(r.owner), r.dueDate ? date(r.dueDate) : '–', r.secured ? l.yes : l.no])), '');
  }

  if (has('milestones') && !short) {
    section(l.milestones);
    for (const driver of model.drivers) {
      out.push(`### ${escapeMarkdown(driver.title)} (${pct(driver.percent)})`, '');
      for (const m of driver.milestones) {
        out.push(`#### ${escapeMarkdown(m.title)}`, '');
        out.push(table([l.status, l.owner, l.due], [[status(m.status), cell(m.owner), due(m.dueDate, m.overdue)]]), '');
        if (m.decisions.length > 0) {
          out.push(`**${l.decisions}**`, '');
          for (const d of m.decisions) out.push(`- *${escapeMarkdown(d.question)}*  \n  ${escapeMarkdown(d.answer).replace(/ {2}\n/g, '  \n  ')}`);
          out.push('');
        }
        if (m.notes) out.push(`**${l.notes}**`, '', escapeMarkdown(m.notes), '');
        if (m.evidence.length > 0) {
          out.push(`**${l.evidence}**`, '');
          for (const e of m.evidence) out.push(`- ${evidenceMarkdown(e.label, e.target)}`);
          out.push('');
        }
      }
    }
  }

  if (has('phases') && !short) {
    section(l.phases);
    for (const phase of model.phases) {
      out.push(`### ${escapeMarkdown(phase.title)} (${pct(phase.percent)})`, '');
      if (phase.description) out.push(escapeMarkdown(phase.description), '');
      if (phase.focusAreas.length > 0) {
        out.push(`**${l.focusAreas}**`, '');
        for (const a of phase.focusAreas) out.push(`- **${escapeMarkdown(a.title)}**${a.description ? `: ${escapeMarkdown(a.description)}` : ''}`);
        out.push('');
      }
      out.push(`**${l.remaining}**`, '');
      if (phase.remaining.length === 0) out.push(l.nothingRemaining, '');
      else out.push(...phase.remaining.map((r) => `- ${escapeMarkdown(r)}`), '');
    }
  }

  // Issue 12: the evaluation section is built whole in src/core/evaluation/plan-section.ts.
  if (has('summary') && model.evaluationReport) out.push(...model.evaluationReport.markdown.split('\n'));

  if (has('flow') && !short && model.flows.some((f) => f.steps.length > 0)) {
    for (const flow of model.flows.filter((f) => f.steps.length > 0)) {
      section(escapeMarkdown(flow.title));
      flow.steps.forEach((st, i) => {
        const waiting = st.waitingFor.length > 0 && st.status !== 'in_place' ? ` – ${l.waitingFor}: ${st.waitingFor.map(escapeMarkdown).join('; ')}` : '';
        out.push(`${i + 1}. **${escapeMarkdown(st.title)}** (${st.kind === 'decision' ? l.decision : l.task}) – ${statusLabel(language, st.status)}${waiting}`);
      });
      out.push('');
    }
  }

  const questionCount = model.openQuestions.reduce((n, g) => n + g.questions.length, 0);
  const questionsInAppendix = questionCount > OPEN_QUESTIONS_IN_BODY;
  const openQuestions = (title: string) => {
    section(title);
    out.push(l.openQuestionsIntro, '');
    if (model.openQuestions.length === 0) out.push(l.noOpenQuestions, '');
    for (const group of model.openQuestions) out.push(`**${escapeMarkdown(group.milestone)}**`, '', ...group.questions.map((q) => `- ${escapeMarkdown(q)}`), '');
  };
  if (has('openQuestions') && !short) {
    if (questionsInAppendix) out.push(`*${fill(l.appendixQuestionsNote, { count: questionCount })}*`, '');
    else openQuestions(l.openQuestions);
  }

  if (has('openQuestions') && !short && questionsInAppendix) openQuestions(l.appendixQuestions);
  for (const appendix of model.appendices) extraSection(out, appendix);

  if (has('sources') && model.sources.length > 0) {
    section(l.sources);
    out.push(l.sourcesIntro, '');
    for (const src of model.sources) out.push(`- ${escapeMarkdown(src.publisher)}${src.year ? ` (${src.year})` : ''}: *${escapeMarkdown(src.title)}*.${src.note ? ` ${escapeMarkdown(src.note)}` : ''}`);
    out.push('');
  }
  out.push('---', '', `*${l.generatedBy}*`, '');

  // The table of contents goes before the body when the plan is long enough to need one.
  body.push(...out.slice(start));
  const headings = body.filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
  if (!short && headings.length > 3) {
    const toc = [`### ${l.contents}`, '', ...headings.map((h) => `- [${h}](#${headingSlug(h.replace(/\\/g, ''))})`), ''];
    return [...out.slice(0, start), ...toc, ...body].join('\n');
  }
  return out.join('\n');
}

function extraSection(out: string[], extra: PlanExtraSection): void {
  out.push(`## ${escapeMarkdown(extra.title)}`, '', ...blocksToMarkdown(extra.blocks));
}
