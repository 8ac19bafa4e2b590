import { ArrowDownRight, ArrowLeftRight, ClockAlert, PenLine, TrendingDown, TrendingUp, TriangleAlert, type LucideIcon } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import TrendChart from '../charts/TrendChart';
import { PHASE_COLOURS } from '../charts/palettes';
import type { ChecklistEdit } from '../../core/checklist/edits';
import { deltaBetween, findDips, isStale, own, snapshotOf, sortedSnapshots, type Delta, type ScoreChange } from '../../core/history';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { DateInput } from '../components/DateInput';
import { StatusBadge } from '../components/StatusPicker';
import { TallyPanel } from '../components/TallyPanel';
import { useI18n } from '../i18n';
import { useReadOnly } from '../state/read-only';

const NOW = 'now';
const CADENCES = [3, 6, 12];

/** Assessment rounds, what moved between them, the trend with its dips, and the conference tally. */
export function HistoryView({ file, today, edit }: { file: MunicipalityFile; today: string; edit: (e: ChecklistEdit) => void }) {
  const { t, formatDate } = useI18n();
  const readOnly = useReadOnly();
  const ids = { date: useId(), label: useId(), cadence: useId(), from: useId(), to: useId() };
  const [date, setDate] = useState(today);
  const [label, setLabel] = useState('');
  const rounds = useMemo(() => sortedSnapshots(file), [file]);
  // null: the default comparison, the previous round → the latest (with one round: it → today).
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);
  /** Why the round about to be recorded needs a second look (a duplicate, a date in the past), or null. */
  const [question, setQuestion] = useState<{ duplicate: boolean; past: boolean } | null>(null);
  /** The round just recorded, confirmed beside the form (the list of rounds is further down the page). */
  const [recorded, setRecorded] = useState<string | null>(null);
  const staleCount = file.items.filter((i) => isStale(i, file, today)).length;

  const present = useMemo(() => snapshotOf(file, today, t('history.now'), { now: () => new Date(), newId: () => NOW }), [file, today, t]);
  const defaultToId = rounds.length >= 2 ? rounds.at(-1)!.id : NOW;
  const shownToId = toId ?? defaultToId;
  const to = shownToId === NOW ? present : (rounds.find((r) => r.id === shownToId) ?? present);
  // By default the latest round is compared with the last round of an earlier day: two rounds on the
  // same day (one with a label, one without) would otherwise show "±0" everywhere.
  const from = rounds.find((r) => r.id === fromId) ?? (rounds.length >= 2 ? (rounds.findLast((r) => r.date < rounds.at(-1)!.date) ?? rounds.at(-2)) : rounds.at(-1));
  const delta = from ? deltaBetween(file, from, to) : null;
  const dips = findDips(file, rounds);
  const record = (on: string) => {
    edit({ type: 'recordSnapshot', date: on, label });
    setRecorded(label.trim() ? `${label.trim()} (${formatDate(on)})` : formatDate(on));
    setLabel('');
    setDate(today);
    setQuestion(null);
    setFromId(null);
    setToId(null);
  };
  // A round without a label is named by its date alone, not "23.11.2026 (23.11.2026)".
  const roundName = (r: { label: string; date: string }) => (r.label ? t('history.roundOption', { label: r.label, date: formatDate(r.date) }) : formatDate(r.date));

  return (
    <div className="history">
      <section className="card" aria-labelledby="history-record">
        <h2 id="history-record">{t('history.record')}</h2>
        {!readOnly && <p className="muted">{t('history.recordHelp')}</p>}
        {!readOnly && (
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            // Any round on the same day asks: with or without a label, a second one compares as "nothing moved".
            const duplicate = rounds.some((r) => r.date === date);
            const past = date < today;
            if (duplicate || past) setQuestion({ duplicate, past });
            else record(date);
          }}
        >
          <div className="field">
            <label htmlFor={ids.date}>{t('history.date')}</label>
            <DateInput id={ids.date} value={date} required onChange={setDate} />
          </div>
          <div className="field">
            <label htmlFor={ids.label}>{t('history.label')}</label>
            <input id={ids.label} value={label} maxLength={200} placeholder={t('history.labelPlaceholder')} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <button type="submit" className="button-primary">
            {t('history.recordButton')}
          </button>
        </form>
        )}
        <p role="status" className={recorded ? 'banner banner-success' : 'visually-hidden'}>
          {recorded ? t('history.recorded', { name: recorded }) : ''}
        </p>
        {question && (
          <div className="banner banner-warning" role="alert">
            {question.duplicate && <p>{t('history.duplicateRound', { date: formatDate(date), names: rounds.filter((r) => r.date === date).map((r) => r.label || t('history.unlabelled')).join(', ') })}</p>}
            {question.past && <p>{t('history.pastDate', { date: formatDate(date) })}</p>}
            <div className="field-row">
              <button type="button" className="button-primary" onClick={() => record(date)}>
                {t('history.recordAnyway')}
              </button>
              {question.past && (
                <button type="button" onClick={() => record(today)}>
                  {t('history.useToday')}
                </button>
              )}
              <button type="button" className="button-quiet" onClick={() => setQuestion(null)}>
                {t('history.cancel')}
              </button>
            </div>
          </div>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.cadence}>{t('history.cadenceLabel')}</label>
            <select id={ids.cadence} disabled={readOnly} value={file.assessment.cadenceMonths ?? ''} onChange={(e) => edit({ type: 'setCadence', months: e.target.value === '' ? null : Number(e.target.value) })}>
              <option value="">{t('history.cadenceNone')}</option>
              {CADENCES.map((m) => (
                <option key={m} value={m}>
                  {t('history.cadenceMonths', { months: m })}
                </option>
              ))}
            </select>
          </div>
          <p className={staleCount > 0 ? 'overdue-flag' : 'muted'}>{file.assessment.cadenceMonths === null ? '' : staleCount > 0 ? <><ClockAlert className="icon" size={16} aria-hidden="true" /> {t('history.staleCount', { count: staleCount })}</> : t('history.noneStale')}</p>
        </div>
      </section>

      <section className="card" aria-labelledby="history-delta">
        <h2 id="history-delta">{t('history.delta')}</h2>
        {!from || !delta ? (
          <p className="muted">{t('history.noRounds')}</p>
        ) : (
          <>
            <div className="field-row">
              <div className="field">
                <label htmlFor={ids.from}>{t('history.compareFrom')}</label>
                <select id={ids.from} value={from.id} onChange={(e) => setFromId(e.target.value)}>
                  {rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {roundName(r)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.to}>{t('history.compareTo')}</label>
                <select id={ids.to} value={shownToId} onChange={(e) => setToId(e.target.value)}>
                  <option value={NOW}>{t('history.now')}</option>
                  {rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {roundName(r)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <DeltaView delta={delta} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="history-trend">
        <h2 id="history-trend">{t('history.trend')}</h2>
        {rounds.length < 2 ? (
          <p className="muted">{t('history.trendNeedsTwo')}</p>
        ) : (
          <>
            <h3>{t('design.driversHeading')}</h3>
            <TrendChart
              rounds={rounds}
              caption={t('history.trend')}
              series={[
                { key: 'overall', title: t('score.overall'), value: (s) => s.scores.overall },
                ...file.framework.drivers.map((d) => ({ key: `d-${d.id}`, title: d.title, value: (s: (typeof rounds)[number]) => own(s.scores.drivers, d.id) ?? null })),
              ]}
            />
            <h3>{t('design.phasesHeading')}</h3>
            <TrendChart
              rounds={rounds}
              caption={t('dashboard.wheel')}
              colours={PHASE_COLOURS}
              series={file.framework.phases.map((p) => ({ key: `p-${p.id}`, title: p.title, value: (s: (typeof rounds)[number]) => own(s.scores.phases, p.id) ?? null }))}
            />
          </>
        )}
        <h3>{t('history.dips')}</h3>
        <p className="muted">{t('history.dipsHelp')}</p>
        {dips.length === 0 ? (
          <p>{t('history.noDips')}</p>
        ) : (
          <ul className="dips">
            {dips.map((d) => (
              <li key={`${d.group}-${d.toDate}`}>
                <ArrowDownRight className="icon" size={16} aria-hidden="true" /> {t('history.dipLine', { title: d.group === 'overall' ? t('score.overall') : d.title, drop: Math.round(d.drop), from: formatDate(d.fromDate), to: formatDate(d.toDate) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {file.framework.tally && <TallyPanel file={file} today={today} edit={edit} />}

      <section className="card" aria-labelledby="history-rounds">
        <h2 id="history-rounds">{t('history.rounds')}</h2>
        {rounds.length === 0 ? (
          <p className="muted">{t('history.noRounds')}</p>
        ) : (
          <ul className="rounds">
            {rounds.map((r) => (
              <li key={r.id}>
                <span>{roundName(r)}</span>{' '}
                {!readOnly && (
                  <button type="button" className="button-quiet" onClick={() => edit({ type: 'removeSnapshot', snapshotId: r.id })}>
                    {t('history.removeRound', { label: r.label || formatDate(r.date) })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function DeltaView({ delta }: { delta: Delta }) {
  const { t, formatPercent, formatDate } = useI18n();
  const points = (c: ScoreChange) => (c.change === null ? '–' : t('history.points', { sign: c.change > 0 ? '+' : c.change < 0 ? '−' : '±', value: Math.abs(Math.round(c.change)) }));
  const rows = [{ ...delta.overall, title: t('score.overall') }, ...delta.drivers.map((d) => ({ ...d, title: t('design.driverLabel', { title: d.title }) })), ...delta.phases.map((p) => ({ ...p, title: t('design.phaseLabel', { title: p.title }) }))];
  const moves = (title: string, list: Delta['movedUp'], Symbol: LucideIcon) => (
    <div>
      <h3>
        <Symbol className="icon" size={16} aria-hidden="true" /> {title}
      </h3>
      {list.length === 0 ? (
        <p className="muted">{t('history.nothing')}</p>
      ) : (
        <ul>
          {list.map((m) => (
            <li key={m.itemId}>
              {m.title}: <StatusBadge status={m.from} /> → <StatusBadge status={m.to} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <div className="delta">
      <table className="data-table">
        <caption>{t('history.scoreChanges')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.table.group')}</th>
            <th scope="col">{t('history.before')}</th>
            <th scope="col">{t('history.after')}</th>
            <th scope="col">{t('history.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} className={c.change !== null && c.change < 0 ? 'is-dip' : undefined}>
              <th scope="row">{c.title}</th>
              <td>{formatPercent(c.from)}</td>
              <td>{formatPercent(c.to)}</td>
              <td>
                {c.change !== null && c.change > 0 ? '▲ ' : c.change !== null && c.change < 0 ? '▼ ' : ''}
                {points(c)}
                {c.change !== null && c.change < 0 && <span className="tag">{t('history.dip')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="delta-lists">
        {moves(t('history.movedUp'), delta.movedUp, TrendingUp)}
        {moves(t('history.movedDown'), delta.movedDown, TrendingDown)}
        {delta.otherMoves.length > 0 && moves(t('history.otherMoves'), delta.otherMoves, ArrowLeftRight)}
        <div>
          <h3>
            <TriangleAlert className="icon" size={16} aria-hidden="true" /> {t('history.newlyOverdue')}
          </h3>
          {delta.newlyOverdue.length === 0 ? (
            <p className="muted">{t('history.nothing')}</p>
          ) : (
            <ul>
              {delta.newlyOverdue.map((o) => (
                <li key={o.itemId}>
                  {o.title} ({formatDate(o.dueDate)})
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>
            <PenLine className="icon" size={16} aria-hidden="true" /> {t('history.newDecisions')}
          </h3>
          {delta.newDecisions.length === 0 ? (
            <p className="muted">{t('history.nothing')}</p>
          ) : (
            <ul>
              {delta.newDecisions.map((d) => (
                <li key={`${d.itemId}-${d.question}`}>
                  <strong>{d.title}</strong>: <em>{d.question}</em> {d.answer}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
