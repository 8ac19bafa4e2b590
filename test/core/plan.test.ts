import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/core/checklist/edits';
import { buildPlan, planOptionsSchema, planToHtml, planToMarkdown, type PlanOptionsInput } from '../../src/core/plan';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { fixedSample, fixedSampleWithoutHistory, SAMPLE_TODAY } from '../helpers/sample';

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
});

const env = { now: () => new Date('2026-11-22T10:00:00Z'), newId: () => 'x1' };
const plan = (file: MunicipalityFile, options: PlanOptionsInput = {}) => buildPlan(file, planOptionsSchema.parse({ author: 'Mette Projektleder', ...options }), SAMPLE_TODAY);

describe('the Markdown plan', () => {
  it('is stable for the example municipality', async () => {
    await expect(planToMarkdown(plan(sample), { kind: 'reference' })).toMatchFileSnapshot('__snapshots__/plan-eksempel-kommune.md');
  });

  it('has the steering page, summary, every milestone of every driver, actions, phases, open questions and sources', () => {
    const md = planToMarkdown(plan(sample));
    expect(md).toMatch(/^# Implementeringsplan: Familierådslagning\n\n\*\*Eksempel Kommune\*\* · Statusdato 22\.11\.2026/);
    expect(md).toContain('| Udarbejdet af | Mette Projektleder |');
    expect(md).toMatch(/Samlet score: \*\*74\s%\*\* – stadie: \*\*Indledende implementering\*\*/);
    for (const item of sample.items.filter((i) => i.kind === 'milestone')) expect(md).toContain(`#### ${item.title}`);
    expect(md).not.toContain('data:');
    expect(md).toContain('## Handlingsplan');
    expect(md).toContain('## Implementeringshjulet');
    expect(md).toContain('## Bilag: Åbne spørgsmål');
    expect(md).toContain('Servicestyrelsen (2008): *Afslutningsrapport: Implementering af Familierådslagning*.');
  });

  it('lists actions by due date with overdue ones flagged first', () => {
    const groups = plan(sample).steering.actionGroups;
    expect(groups[0]!.kind).toBe('overdue');
    expect(groups[0]!.items.map((a) => a.title)).toEqual([
      'En medarbejder er udvalgt til at være tovholder i organisationen',
      'Der er lavet en procedure, der sikrer forberedelse og støtte til børn og unge i forbindelse med, at de skal deltage i familierådslagningen',
    ]);
    const dated = groups.filter((g) => g.kind === 'month').flatMap((g) => g.items.map((i) => i.dueDate!));
    expect(dated).toEqual([...dated].sort());
    expect(planToMarkdown(plan(sample))).toMatch(/\| En medarbejder er udvalgt til at være tovholder i organisationen \| Teamleder, myndighed \| \*\*12\.11\.2026 \(forsinket\)\*\* \|/);
  });

  it('lists unanswered questions as open and answered ones as decisions', () => {
    const model = plan(sample);
    const formaal = model.drivers[0]!.milestones[0]!;
    expect(formaal.decisions).toHaveLength(3);
    expect(model.openQuestions.some((g) => g.milestone === formaal.title)).toBe(false);
    expect(model.openQuestions.find((g) => g.milestone.startsWith('Der er nedsat'))?.questions).toHaveLength(4);
  });
});

describe('the steering group\'s page 1', () => {
  const pageOne = (md: string) => md.slice(0, md.indexOf('\n## ', md.indexOf('## Til styregruppen') + 5));
  const overdueEverywhere = () => {
    let file = sample;
    for (const item of sample.items.filter((i) => i.kind === 'milestone').slice(0, 9)) {
      file = applyEdit(file, { type: 'setStatus', itemId: item.id, status: 'in_progress' }, env);
      file = applyEdit(file, { type: 'setDueDate', itemId: item.id, dueDate: '2026-10-01' }, env);
      file = applyEdit(file, { type: 'setOwner', itemId: item.id, owner: 'Projektleder' }, env);
    }
    return file;
  };

  it('lists five overdue items and says how many more the action plan has', () => {
    const file = overdueEverywhere();
    const overdue = plan(file).steering.overdue;
    expect(overdue.length).toBeGreaterThan(5);
    const md = planToMarkdown(plan(file));
    const page = pageOne(md);
    const listed = overdue.filter((o) => page.includes(`- ${o.title} – `));
    expect(listed.map((o) => o.title)).toEqual(overdue.slice(0, 5).map((o) => o.title));
    expect(page).toContain(`… og ${overdue.length - 5} flere – se Handlingsplan.`);
    // The action plan still has every one of them.
    const actions = md.slice(md.indexOf('## Handlingsplan'));
    for (const o of overdue) expect(actions).toContain(o.title);
  });

  it('lists every overdue item when the plan has no action plan to point to', () => {
    const file = overdueEverywhere();
    const model = plan(file, { sections: ['steering', 'summary'] });
    const page = pageOne(planToMarkdown(model) + '\n## end');
    for (const o of model.steering.overdue) expect(page).toContain(`- ${o.title} – `);
    expect(page).not.toContain('flere – se');
  });

  it('names two of the milestones the next stage needs, counts the rest, and does not name them again', () => {
    const page = pageOne(planToMarkdown(plan(sample)));
    const line = page.split('\n').find((l) => l.startsWith('- 8 milepæle skal være på plads:'))!;
    expect(line.split('; ')).toHaveLength(2);
    expect(line).toMatch(/ og 6 flere$/);
    const named = line.slice(line.indexOf(': ') + 2).replace(/ og 6 flere$/, '').split('; ');
    const weakest = page.split('\n').find((l) => l.startsWith('Åbne punkter i det svageste område')) ?? '';
    for (const title of named) expect(weakest).not.toContain(title);
  });
});

describe('the decision log', () => {
  it('keeps a decision whose date was cleared, last and with a dash for its date', () => {
    const steering = sample.steering!;
    const decisions = steering.decisions.map((d) => (d.id === 'b2' ? { id: d.id, text: d.text, forum: d.forum } : d));
    const file = applyEdit(sample, { type: 'setSteering', steering: { ...steering, decisions } }, env);
    expect(plan(file).steering.decisionLog.map((d) => d.id)).toEqual(['b3', 'b1', 'b2']);
    expect(planToMarkdown(plan(file))).toContain('| – | Budget for år 1 godkendt, inkl. uddannelse og forplejning. | Styregruppen |');
  });
});

describe('the optional delta section', () => {
  it('shows what moved since the latest round, and the tally against its target', async () => {
    const at = { now: () => new Date('2026-09-01T10:00:00Z'), newId: () => 'r1' };
    let file = applyEdit(await fixedSampleWithoutHistory(), { type: 'recordSnapshot', date: '2026-09-01', label: 'Styregruppemøde september' }, at);
    file = applyEdit(file, { type: 'setStatus', itemId: 'tovholder', status: 'in_place' }, env);
    file = applyEdit(file, { type: 'setTarget', year: 2026, count: 190 }, env);
    file = applyEdit(file, { type: 'setTallyCount', month: '2026-10', caseType: 'forebyggende', count: 19 }, env);
    const md = planToMarkdown(plan(file));
    expect(md).toContain('## Siden sidste statusmåling');
    expect(md).toContain('Sammenligning af statusmålingen *Styregruppemøde september* (01.09.2026) med status i dag.');
    expect(md).toContain('- En medarbejder er udvalgt til at være tovholder i organisationen: I gang → På plads');
    expect(md).toMatch(/\| Kompetencer \| 67\s% \| 83\s% \| ▲ \+16 point \|/);
    expect(md).toMatch(/\*\*Familierådslagninger – Mål for året:\*\* 19 af 190 \(10\s%\) i 2026/);
    expect(planToMarkdown(plan(file, { sections: ['summary', 'milestones'] }))).not.toContain('## Siden sidste statusmåling');
  });
});

describe('plan options', () => {
  it('leaves out notes, answers and not-relevant items when asked', () => {
    const edited = applyEdit(sample, { type: 'setStatus', itemId: 'forplejning', status: 'not_relevant' }, env);
    const md = planToMarkdown(plan(edited, { includeNotes: false, includeAnswers: false }));
    expect(md).not.toContain('Formål vedtaget i børne- og familieudvalget.');
    expect(md).not.toContain('**Beslutninger**');
    expect(md).not.toContain('#### Der er afsat ressourcer til forplejning');
    expect(planToMarkdown(plan(edited, { includeNotRelevant: true }))).toContain('#### Der er afsat ressourcer til forplejning');
  });

  it('writes only the chosen sections, in English when asked', () => {
    const md = planToMarkdown(plan(sample, { language: 'en', sections: ['summary', 'actions'] }));
    expect(md).toMatch(/^# Implementation plan: Familierådslagning/);
    expect(md).toContain('## Summary');
    expect(md).toContain('## Action plan');
    expect(md).toContain('| ◐ In progress |');
    expect(md).not.toContain('## Milestones');
    expect(md).not.toContain('## Open questions');
    expect(planOptionsSchema.safeParse({ sections: [] }).success).toBe(false);
    expect(planOptionsSchema.safeParse({ sections: ['budget'] }).success).toBe(false);
  });
});

describe('the English plan', () => {
  it("names the method, drivers, phases, focus areas, milestones, year-1 steps and questions as the pack gives them in English", () => {
    const md = planToMarkdown(plan(sample, { language: 'en' }));
    expect(md).toMatch(/^# Implementation plan: Familierådslagning \(family group conference\)/);
    for (const item of sample.items.filter((i) => i.kind === 'milestone')) {
      expect(item.en).toBeDefined();
      expect(md).toContain(`#### ${item.en!.title}`);
      expect(md).not.toContain(`#### ${item.title}`);
    }
    for (const title of ['Leadership', 'Competencies', 'Mobilisation', 'Delivery', 'Embedding', 'Set up a database for recording referrals', 'Which changes should the effort bring about for the target group?']) expect(md).toContain(title);
    expect(md).not.toContain('Lav database til registrering af henvisninger');
    expect(md).not.toContain('| Ledelse |');
  });

  it('names the implementation stage in English, as the screen does', () => {
    const md = planToMarkdown(plan(sample, { language: 'en' }));
    const stages = sample.framework.evaluation!.stages;
    expect(stages.some((stage) => md.includes(stage.titleEn))).toBe(true);
    for (const stage of stages.filter((s) => s.title !== s.titleEn)) expect(md).not.toContain(`: ${stage.title}`);
  });

  it("keeps the municipality's own titles: custom items and pack items it renamed", () => {
    let file = applyEdit(sample, { type: 'addItem', title: 'Vores egen milepæl', driverId: 'ledelse' }, env);
    file = applyEdit(file, { type: 'setTitle', itemId: 'lokaler', title: 'Lokalerne på Vestergade er klar' }, env);
    file = applyEdit(file, { type: 'editQuestion', itemId: 'lokaler', questionId: 'leje', text: 'Lejer vi hos skolen?' }, env);
    const md = planToMarkdown(plan(file, { language: 'en' }));
    expect(md).toContain('#### Vores egen milepæl');
    expect(md).toContain('#### Lokalerne på Vestergade er klar');
    expect(md).not.toContain('Premises are ready for use');
    expect(md).toContain('Lejer vi hos skolen?');
    expect(md).toContain('Can the premises be used in the evening?');
  });

  it('shows the Danish names where an older file or a pack has no English', () => {
    const withoutEnglish: MunicipalityFile = {
      ...sample,
      pack: { id: sample.pack.id, version: sample.pack.version, title: sample.pack.title },
      framework: { ...sample.framework, drivers: sample.framework.drivers.map(({ en: _e, ...d }) => d) },
      items: sample.items.map(({ en: _e, ...i }) => i),
    };
    const md = planToMarkdown(plan(withoutEnglish, { language: 'en' }));
    expect(md).toMatch(/^# Implementation plan: Familierådslagning\n/);
    expect(md).toContain('#### Kommunens formål med og målgruppe for indsatsen er beskrevet');
    expect(md).toContain('Ledelse');
  });

  it('leaves the Danish plan as it was', () => {
    const md = planToMarkdown(plan(sample));
    expect(md).not.toContain('Leadership');
    expect(md).not.toContain("The municipality's purpose");
  });
});

describe('user text in the plan', () => {
  const hostile = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '[klik](javascript:alert(1))',
    '# Falsk overskrift',
    '| falsk | tabel |',
  ];

  it('appears as text in the HTML, never as markup', () => {
    let file = sample;
    file = applyEdit(file, { type: 'setNotes', itemId: 'tovholder', notes: hostile.join('\n') }, env);
    file = applyEdit(file, { type: 'setOwner', itemId: 'tovholder', owner: '<b>Mette</b> | <script>x</script>' }, env);
    file = applyEdit(file, { type: 'renameMunicipality', name: 'Ærø <script>alert(2)</script>' }, env);
    file = applyEdit(file, { type: 'answerQuestion', itemId: 'tovholder', questionId: 'ressourcer', answer: '<iframe src="https://evil.example">' }, env);
    const html = planToHtml(plan(file));
    expect(html).not.toMatch(/<script|<img|<iframe|<b>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>Implementeringsplan – Ærø &lt;script&gt;alert(2)&lt;/script&gt;</title>');
    expect(html).toContain('# Falsk overskrift');
    expect(html).not.toContain('<h1>Falsk overskrift');
    expect(html.match(/<svg /g)).toHaveLength(3);
  });
});

describe('the plan outline', () => {
  it('never skips a heading level (a reader, a screen reader and the PDF outline follow # → ## → ###), in Danish and English', () => {
    for (const language of ['da', 'en'] as const) {
      const levels = planToMarkdown(plan(sample, { language }))
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => line.indexOf(' '));
      expect(levels[0]).toBe(1);
      const jumps = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`${levels[i - 1]} → ${level}`] : []));
      expect(jumps, language).toEqual([]);
    }
  });
});
