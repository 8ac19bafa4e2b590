import { useId, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { ChecklistEdit } from '../../core/checklist/edits';
import type { ImportProblem } from '../../core/evaluation/aggregate';
import { DURATION_HOUR_BOUNDS, WAIT_WEEK_BOUNDS, emptyMonth, type EvaluationMonth } from '../../core/evaluation/data';
import { evaluationResults } from '../../core/evaluation/results';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { Banner } from '../components/Banner';
import { MonthInput } from '../components/MonthInput';
import { ErrorMessage } from '../components/ErrorMessage';
import { Explain } from '../components/Explain';
import { ScoreBar } from '../components/ScoreBar';
import { EvaluationTableHead, metricLabel } from '../components/evaluation-table';
import { useI18n, type I18n } from '../i18n';

interface Props {
  client: ApiClient;
  file: MunicipalityFile;
  today: string;
  saved: boolean;
  edit: (edit: ChecklistEdit) => void;
  onImported: (saved: MunicipalityFile) => void;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function bucketLabels(bounds: readonly number[], t: I18n['t']): string[] {
  return [...bounds.map((n) => t('eval.bucket.upTo', { n })), t('eval.bucket.over', { n: bounds.at(-1)! })];
}

/** The "Evaluering" tab: import, results against Esbjerg's figures and the municipality's targets, manual entry. */
export function EvaluationView({ client, file, today, saved, edit, onImported }: Props) {
  const { t, language, formatPercent } = useI18n();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01`);
  const [to, setTo] = useState(today.slice(0, 7));
  const results = evaluationResults(file, from || null, to || null);
  const definition = file.framework.evaluation;
  const title = (x: { title: string; titleEn: string }) => (language === 'da' ? x.title : x.titleEn);
  const ids = { from: useId(), to: useId() };
  const setTarget = (metric: string, value: string) =>
    edit({ type: 'setEvaluationTarget', metric, percent: value === '' ? null : Math.min(100, Math.max(0, Number(value))) });
  const target = (metric: string) => file.evaluation?.targets.find((x) => x.metric === metric)?.percent ?? null;

  return (
    <div className="evaluation">
      <section className="card" aria-labelledby="eval-title">
        <h2 id="eval-title">{t('eval.title')}</h2>
        <p className="muted">{t('eval.intro')}</p>
        {file.isExample && (
          <p className="tag" data-testid="eval-example-note">
            {t('eval.exampleNote')}
          </p>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.from}>{t('eval.from')}</label>
            <MonthInput id={ids.from} value={from} onChange={setFrom} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('eval.to')}</label>
            <MonthInput id={ids.to} value={to} onChange={setTo} />
          </div>
        </div>
        <p data-testid="eval-conferences">
          {t('eval.conferences', { first: results.firstConferences, followUp: results.followUpConferences, forms: results.forms })} · {t('eval.months', { count: results.months })}
        </p>
        {results.months === 0 && <p className="muted">{t('eval.none')}</p>}
      </section>

      <ImportCard client={client} file={file} saved={saved} onImported={onImported} />

      <section className="card" aria-labelledby="eval-register">
        <h2 id="eval-register">{t('eval.register.title')}</h2>
        <div className="table-scroll">
          <table className="data-table benchmark-table" data-testid="eval-register-table">
            <EvaluationTableHead t={t} />
            <tbody>
              {results.register.map((r) => (
                <tr key={r.metric}>
                  <th scope="row">{metricLabel(r.metric, results, t)}</th>
                  <td>
                    <ScoreBar label={metricLabel(r.metric, results, t)} percent={r.percent} compact hideLabel />
                  </td>
                  <td>{t('eval.of', { count: r.count, of: r.of })}</td>
                  <td>
                    {r.benchmark === null ? t('eval.noBenchmark') : formatPercent(r.benchmark)} {r.benchmarkNote && <Explain text={r.benchmarkNote} />}
                  </td>
                  <td>
                    <input type="number" min={0} max={100} className="narrow" aria-label={t('eval.targetLabel', { metric: metricLabel(r.metric, results, t) })} value={target(r.metric) ?? ''} onChange={(e) => setTarget(r.metric, e.target.value)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="distribution-pair">
          <Distribution caption={t('eval.waits.title')} labels={bucketLabels(WAIT_WEEK_BOUNDS, t)} counts={results.weeksFromYes} />
          <Distribution caption={t('eval.hours.title')} labels={bucketLabels(DURATION_HOUR_BOUNDS, t)} counts={results.durationHours} />
        </div>
        {results.sourceTitle && <p className="muted">{t('eval.source', { source: results.sourceTitle })}</p>}
      </section>

      <section className="card" aria-labelledby="eval-items">
        <h2 id="eval-items">{t('eval.items.title')}</h2>
        {results.items.length === 0 ? (
          <p className="muted">{t('eval.noItems')}</p>
        ) : (
          <>
            <p className="muted">{t('eval.items.help')}</p>
            <div className="table-scroll">
              <table className="data-table benchmark-table" data-testid="eval-items-table">
                <thead>
                  <tr>
                    <th scope="col">{t('eval.item')}</th>
                    <th scope="col">{t('eval.answers')}</th>
                    <th scope="col">{t('eval.positive')}</th>
                    <th scope="col">{t('eval.neutral')}</th>
                    <th scope="col">{t('eval.negative')}</th>
                    <th scope="col">{t('eval.benchmark')}</th>
                    <th scope="col">{t('eval.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.items.flatMap((item) => [
                    <tr key={item.id} className="item-row">
                      <th scope="row">{title(item)}</th>
                      <td>{item.all.answers}</td>
                      <td>
                        <ScoreBar label={`${title(item)}: ${t('eval.positive')}`} percent={item.all.positive} compact hideLabel />
                      </td>
                      <td>{formatPercent(item.all.neutral)}</td>
                      <td>{formatPercent(item.all.negative)}</td>
                      <td>
                        {item.benchmark === null ? t('eval.noBenchmark') : item.benchmark.positive !== undefined ? formatPercent(item.benchmark.positive) : t('eval.benchmarkNegative', { value: formatPercent(item.benchmark.negative ?? null) })}{' '}
                        {item.benchmark?.note && <Explain text={item.benchmark.note} />}
                      </td>
                      <td>
                        <input type="number" min={0} max={100} className="narrow" aria-label={t('eval.targetLabel', { metric: title(item) })} value={target(`item:${item.id}`) ?? ''} onChange={(e) => setTarget(`item:${item.id}`, e.target.value)} />
                      </td>
                    </tr>,
                    ...item.groups.map((g) => (
                      <tr key={`${item.id}-${g.id}`} className="group-row">
                        <td>↳ {title(g)}</td>
                        <td>{g.shares.answers}</td>
                        <td>{formatPercent(g.shares.positive)}</td>
                        <td>{formatPercent(g.shares.neutral)}</td>
                        <td>{formatPercent(g.shares.negative)}</td>
                        <td>{g.benchmark?.positive !== undefined ? formatPercent(g.benchmark.positive) : ''}</td>
                        <td />
                      </tr>
                    )),
                  ])}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {definition && <ManualEntry file={file} today={today} edit={edit} />}
    </div>
  );
}

function Distribution({ caption, labels, counts }: { caption: string; labels: string[]; counts: number[] }) {
  const total = counts.reduce((a, b) => a + b, 0);
  const { formatPercent } = useI18n();
  return (
    <table className="data-table distribution">
      <caption>{caption}</caption>
      {/* Fixed columns: every bar starts at the same place and a full track is 100 %. */}
      <colgroup>
        <col className="dist-label" />
        <col className="dist-count" />
        <col />
      </colgroup>
      <tbody>
        {labels.map((label, i) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{counts[i] ?? 0}</td>
            <td>
              <span className="dist-share">
                <span className="dist-track" aria-hidden="true">
                  <span className="dist-bar" style={{ width: `${total === 0 ? 0 : ((counts[i] ?? 0) / total) * 100}%` }} />
                </span>
                <span className="dist-value">{formatPercent(total === 0 ? null : ((counts[i] ?? 0) / total) * 100)}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportCard({ client, file, saved, onImported }: { client: ApiClient; file: MunicipalityFile; saved: boolean; onImported: (saved: MunicipalityFile) => void }) {
  const { t, language } = useI18n();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setChosenName(chosen.name);
    setBusy(true);
    setMessage(null);
    setProblems([]);
    setError(null);
    try {
      const result = await client.call('evaluation.import', { id: file.id, baseRevision: file.revision, fileName: chosen.name, base64: toBase64(await chosen.arrayBuffer()) });
      if (result.ok) {
        const parts = result.summary.kinds.map((k) => t('eval.import.done', { rows: k.rows, kind: t(`eval.kind.${k.kind}`), months: k.months.length }));
        const ignored = result.summary.kinds.flatMap((k) => k.ignoredColumns);
        setMessage([...parts, ...(ignored.length > 0 ? [t('eval.import.ignored', { columns: ignored.join(', ') })] : [])].join(' '));
        onImported(result.file);
      } else setProblems(result.problems);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="eval-import">
      <h2 id="eval-import">{t('eval.import.title')}</h2>
      <p className="muted">{t('eval.import.help')}</p>
      {/* Our own button and file name: the browser's file field says "Choose File / No file chosen" in its own language. */}
      <div className="file-pick">
        <button type="button" disabled={busy || !saved} onClick={() => fileInput.current?.click()}>
          {t('eval.import.choose')} …
        </button>
        <span className="muted">{chosenName ?? t('design.file.none')}</span>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('eval.import.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy || !saved}
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            // The same file can be chosen again after it has been corrected.
            e.target.value = '';
          }}
          data-testid="eval-import-input"
        />
      </div>
      {!saved && <p className="muted">{t('eval.import.waitSave')}</p>}
      {message && (
        <p role="status" data-testid="eval-import-status">
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <Banner kind="error">
          <p>{t('eval.import.refused')}</p>
          <ul data-testid="eval-import-problems">
            {problems.map((p, n) => (
              <li key={n}>
                {p.sheet ? `${p.sheet}: ` : ''}
                {p[language]}
              </li>
            ))}
          </ul>
        </Banner>
      )}
      {error !== null && (
        <Banner kind="error">
          <ErrorMessage error={error} />
        </Banner>
      )}
    </section>
  );
}

function ManualEntry({ file, today, edit }: { file: MunicipalityFile; today: string; edit: (edit: ChecklistEdit) => void }) {
  const { t, language } = useI18n();
  const definition = file.framework.evaluation!;
  const norms = definition.norms;
  const monthId = useId();
  const existing = (month: string): EvaluationMonth => file.evaluation?.months.find((m) => m.month === month) ?? emptyMonth(month);
  const [figures, setFigures] = useState<EvaluationMonth>(() => existing(today.slice(0, 7)));
  const [saved, setSaved] = useState<string | null>(null);
  const title = (x: { title: string; titleEn: string }) => (language === 'da' ? x.title : x.titleEn);
  const whole = (value: string) => Math.max(0, Math.floor(Number(value) || 0));
  const set = (change: Partial<EvaluationMonth>) => {
    setFigures((f) => ({ ...f, ...change }));
    setSaved(null);
  };
  const answerCounts = (item: string, group: string) => figures.answers.find((a) => a.item === item && a.group === group)?.counts ?? [0, 0, 0, 0, 0];
  const setAnswer = (item: string, group: string, index: number, value: number) => {
    const counts = [...answerCounts(item, group)] as [number, number, number, number, number];
    counts[index] = value;
    const others = figures.answers.filter((a) => !(a.item === item && a.group === group));
    set({ answers: counts.some((n) => n > 0) ? [...others, { item, group, counts }] : others });
  };
  const formsOf = (group: string) => figures.forms.find((f) => f.group === group)?.count ?? 0;
  const setForms = (group: string, count: number) => set({ forms: [...figures.forms.filter((f) => f.group !== group), ...(count > 0 ? [{ group, count }] : [])] });
  const answerRows = definition.items.flatMap((item) => {
    const groups = definition.groups.filter((g) => item.groups === undefined || item.groups.includes(g.id));
    return groups.map((group, n) => ({ item, group, first: n === 0, span: groups.length }));
  });
  const numberField = (label: string, value: number, onChange: (n: number) => void) => (
    <label className="field" key={label}>
      <span>{label}</span>
      <input type="number" min={0} value={value || ''} onChange={(e) => onChange(whole(e.target.value))} />
    </label>
  );

  return (
    <section className="card" aria-labelledby="eval-manual">
      <h2 id="eval-manual">{t('eval.manual.title')}</h2>
      <p className="muted">{t('eval.manual.help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          edit({ type: 'setEvaluationMonth', figures });
          setSaved(figures.month);
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor={monthId}>{t('eval.manual.month')}</label>
            <MonthInput id={monthId} required value={figures.month} onChange={(month) => /^\d{4}-\d{2}$/.test(month) && (setFigures(existing(month)), setSaved(null))} />
          </div>
          {numberField(t('eval.manual.first'), figures.firstConferences, (n) => set({ firstConferences: n }))}
          {numberField(t('eval.manual.followUp'), figures.followUpConferences, (n) => set({ followUpConferences: n }))}
          {numberField(t('eval.manual.plans'), figures.plans, (n) => set({ plans: n }))}
          {numberField(t('eval.manual.followUpsInWindow', { from: norms.followUpMonths[0], to: norms.followUpMonths[1] }), figures.followUpsInWindow, (n) => set({ followUpsInWindow: n }))}
        </div>
        {/* The two distributions side by side, one short line of narrow fields each. */}
        <div className="bucket-pair">
          <fieldset>
            <legend>{t('eval.manual.waits')}</legend>
            <div className="field-row is-narrow">
              {bucketLabels(WAIT_WEEK_BOUNDS, t).map((label, i) => numberField(label, figures.weeksFromYes[i] ?? 0, (n) => set({ weeksFromYes: figures.weeksFromYes.map((v, j) => (j === i ? n : v)) })))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('eval.manual.hours')}</legend>
            <div className="field-row is-narrow">
              {bucketLabels(DURATION_HOUR_BOUNDS, t).map((label, i) => numberField(label, figures.durationHours[i] ?? 0, (n) => set({ durationHours: figures.durationHours.map((v, j) => (j === i ? n : v)) })))}
            </div>
          </fieldset>
        </div>
        {definition.items.length > 0 && (
          // Folded by default: most months are imported, and the grid of answers is the longest part of the form.
          <details className="answers-details">
            <summary>
              {t('eval.manual.answers')} <span className="muted">{t('eval.manual.answersFilled', { filled: figures.answers.length, rows: answerRows.length })}</span>
            </summary>
            <fieldset>
              <legend className="visually-hidden">{t('eval.manual.answers')}</legend>
              <div className="field-row is-narrow">{definition.groups.map((g) => numberField(t('eval.manual.forms', { group: title(g) }), formsOf(g.id), (n) => setForms(g.id, n)))}</div>
              <div className="table-scroll">
                <table className="data-table answers-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('eval.item')}</th>
                      <th scope="col">{t('eval.group')}</th>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <th key={n} scope="col">
                          {n}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {answerRows.map(({ item, group: g, first, span }) => (
                      <tr key={`${item.id}-${g.id}`} className={first ? 'first-of-item' : undefined}>
                        {/* The question once for its groups, so the eye runs down the groups, not a repeated title. */}
                        {first && (
                          <th scope="rowgroup" rowSpan={span}>
                            {title(item)}
                          </th>
                        )}
                        <th scope="row" className="group-name">
                          {title(g)}
                        </th>
                        {[0, 1, 2, 3, 4].map((i) => (
                          <td key={i}>
                            <input type="number" min={0} className="narrow" aria-label={`${title(item)}, ${title(g)}: ${i + 1}`} value={answerCounts(item.id, g.id)[i] || ''} onChange={(e) => setAnswer(item.id, g.id, i, whole(e.target.value))} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </fieldset>
          </details>
        )}
        <button type="submit">{t('eval.manual.save')}</button>
        {saved && (
          <span role="status" className="muted">
            {' '}
            {t('eval.manual.saved', { month: saved })}
          </span>
        )}
      </form>
    </section>
  );
}
