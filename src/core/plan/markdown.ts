import { barChartSvg, wheelSvg } from './charts';
import { formatPlanDate, formatPlanPercent, planLabels, statusLabel } from './labels';
import type { PlanModel } from './model';

export interface PlanCharts {
  drivers: string;
  wheel: string;
}

export function planCharts(model: PlanModel): PlanCharts {
  const { language } = model.options;
  const l = planLabels(language);
  const bars = (rows: ReadonlyArray<{ title: string; percent: number | null }>) => rows.map((r) => ({ label: r.title, percent: r.percent, valueText: formatPlanPercent(language, r.percent) }));
  return { drivers: barChartSvg(l.chartDrivers, bars(model.drivers)), wheel: wheelSvg(l.chartWheel, bars(model.phases)) };
}

/** The address a chart image gets: embedded data for a standalone file, or a reference the HTML renderer inlines. */
export type ChartMode = 'data-uri' | 'reference';
export const CHART_REFERENCE_PREFIX = 'milepael-chart:';

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
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function planToMarkdown(model: PlanModel, charts: ChartMode = 'data-uri'): string {
  const { language, author, version } = model.options;
  const l = planLabels(language);
  const pct = (p: number | null) => formatPlanPercent(language, p);
  const date = (d: string) => formatPlanDate(language, d);
  const status = (s: Parameters<typeof statusLabel>[1]) => statusLabel(language, s);
  const has = (section: Parameters<PlanModel['sections']['has']>[0]) => model.sections.has(section);
  const chartImages = planCharts(model);
  const image = (alt: string, key: keyof PlanCharts) =>
    `![${alt}](${charts === 'data-uri' ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartImages[key])}` : `${CHART_REFERENCE_PREFIX}${key}`})`;
  const out: string[] = [];

  out.push(`# ${l.title}: ${escapeMarkdown(model.method.title)}`, '', `## ${escapeMarkdown(model.municipality)}`, '');
  if (model.isExample) out.push(`*${l.example}*`, '');
  out.push(
    table(
      [l.municipality, escapeMarkdown(model.municipality)],
      [
        [l.method, `${cell(model.method.title)} (${l.methodVersion} ${model.method.version})`],
        [l.date, date(model.date)],
        [l.author, cell(author)],
        [l.version, cell(version)],
        [l.overallLine, `**${pct(model.overall.percent)}**${model.overall.band ? ` – ${l.maturity}: ${cell(model.overall.band)}` : ''}`],
      ],
    ),
    '',
  );

  if (has('summary')) {
    out.push(`## ${l.summary}`, '');
    out.push(`${l.overallLine}: **${pct(model.overall.percent)}**${model.overall.band ? ` – ${l.maturity}: **${escapeMarkdown(model.overall.band)}**` : ''}.`, '');
    const counts = (c: PlanModel['overall']['counts']) => [String(c.in_place), String(c.in_progress), String(c.not_started), String(c.not_relevant)];
    const statusHeaders = [status('in_place'), status('in_progress'), status('not_started'), status('not_relevant')];
    out.push(table([l.driver, l.score, ...statusHeaders], model.drivers.map((d) => [cell(d.title), pct(d.percent), ...counts(d.counts)])), '');
    out.push(image(l.chartDrivers, 'drivers'), '');
    out.push(table([l.phase, l.score, ...statusHeaders], model.phases.map((p) => [cell(p.title), pct(p.percent), ...counts(p.counts)])), '');
    out.push(image(l.chartWheel, 'wheel'), '');
    if (model.tally) {
      const t = model.tally;
      const line = t.target === null ? l.tallyNoTarget : l.tallyLine;
      out.push(`**${escapeMarkdown(t.title)} – ${l.tally}:** ${fill(line, { total: t.total, target: t.target ?? 0, percent: pct(t.percent), year: t.year })}`, '');
    }
  }

  if (has('delta') && model.delta) {
    const d = model.delta;
    const points = (c: number | null) => (c === null ? '–' : `${c > 0 ? '▲ +' : c < 0 ? '▼ −' : '±'}${Math.abs(Math.round(c))} ${l.points}${c < 0 ? ` (${l.dip})` : ''}`);
    out.push(`## ${l.delta}`, '', fill(l.deltaIntro, { round: `*${escapeMarkdown(d.round)}* (${date(d.from.date)})` }), '');
    const changes = (rows: typeof d.drivers) => rows.map((c) => [cell(c.title), pct(c.from), pct(c.to), points(c.change)]);
    out.push(table([l.driver, l.before, l.after, l.change], changes([{ ...d.overall, title: l.overallLine }, ...d.drivers])), '');
    out.push(table([l.phase, l.before, l.after, l.change], changes(d.phases)), '');
    const list = (title: string, lines: string[]) => out.push(`**${title}**`, '', ...(lines.length === 0 ? [l.nothing] : lines.map((x) => `- ${x}`)), '');
    list(l.movedUp, d.movedUp.map((m) => `${escapeMarkdown(m.title)}: ${status(m.from)} → ${status(m.to)}`));
    list(l.movedDown, d.movedDown.map((m) => `${escapeMarkdown(m.title)}: ${status(m.from)} → ${status(m.to)}`));
    list(l.newlyOverdue, d.newlyOverdue.map((o) => `${escapeMarkdown(o.title)} (${date(o.dueDate)})`));
    list(l.newDecisions, model.options.includeAnswers ? d.newDecisions.map((n) => `${escapeMarkdown(n.title)}: *${escapeMarkdown(n.question)}* ${escapeMarkdown(n.answer)}`) : []);
  }

  if (has('milestones')) {
    out.push(`## ${l.milestones}`, '');
    for (const driver of model.drivers) {
      out.push(`### ${escapeMarkdown(driver.title)} (${pct(driver.percent)})`, '');
      for (const m of driver.milestones) {
        out.push(`#### ${escapeMarkdown(m.title)}`, '');
        const due = m.dueDate ? `${date(m.dueDate)}${m.overdue ? ` (${l.overdue})` : ''}` : '–';
        out.push(table([l.status, l.owner, l.due], [[status(m.status), cell(m.owner), due]]), '');
        if (m.decisions.length > 0) {
          out.push(`**${l.decisions}**`, '');
          for (const d of m.decisions) out.push(`- *${escapeMarkdown(d.question)}*  \n  ${escapeMarkdown(d.answer).replace(/ {2}\n/g, '  \n  ')}`);
          out.push('');
        }
        if (m.notes) out.push(`**${l.notes}**`, '', escapeMarkdown(m.notes), '');
        if (m.evidence.length > 0) {
          out.push(`**${l.evidence}**`, '');
          for (const e of m.evidence) out.push(`- ${escapeMarkdown(e.label)}: \`${e.target.replace(/`/g, "'")}\``);
          out.push('');
        }
      }
    }
  }

  if (has('actions')) {
    out.push(`## ${l.actions}`, '', l.actionsIntro, '');
    if (model.actions.length === 0) out.push(l.noActions, '');
    else
      out.push(
        table(
          [l.due, l.item, l.owner, l.status],
          model.actions.map((a) => [a.overdue ? `**${date(a.dueDate)} (${l.overdue})**` : date(a.dueDate), cell(a.title), cell(a.owner), status(a.status)]),
        ),
        '',
      );
  }

  if (has('phases')) {
    out.push(`## ${l.phases}`, '');
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
  if (has('summary') && model.evaluation) out.push(model.evaluation.markdown);

  if (has('flow') && model.flows.some((f) => f.steps.length > 0)) {
    for (const flow of model.flows.filter((f) => f.steps.length > 0)) {
      out.push(`## ${escapeMarkdown(flow.title)}`, '');
      flow.steps.forEach((s, i) => {
        const waiting = s.waitingFor.length > 0 && s.status !== 'in_place' ? ` – ${l.waitingFor}: ${s.waitingFor.map(escapeMarkdown).join('; ')}` : '';
        out.push(`${i + 1}. **${escapeMarkdown(s.title)}** (${s.kind === 'decision' ? l.decision : l.task}) – ${status(s.status)}${waiting}`);
      });
      out.push('');
    }
  }

  if (has('openQuestions')) {
    out.push(`## ${l.openQuestions}`, '', l.openQuestionsIntro, '');
    if (model.openQuestions.length === 0) out.push(l.noOpenQuestions, '');
    for (const group of model.openQuestions) {
      out.push(`**${escapeMarkdown(group.milestone)}**`, '', ...group.questions.map((q) => `- ${escapeMarkdown(q)}`), '');
    }
  }

  if (has('sources') && model.sources.length > 0) {
    out.push(`## ${l.sources}`, '', l.sourcesIntro, '');
    for (const s of model.sources) out.push(`- ${escapeMarkdown(s.publisher)}${s.year ? ` (${s.year})` : ''}: *${escapeMarkdown(s.title)}*.${s.note ? ` ${escapeMarkdown(s.note)}` : ''}`);
    out.push('');
  }
  out.push('---', '', `*${l.generatedBy}*`, '');
  return out.join('\n');
}
