import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { LogEntryView } from '../../api/live-contract';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { ErrorMessage } from '../components/ErrorMessage';
import { DateInput } from '../components/DateInput';
import { UNKNOWN_AUTHOR } from '../state/useMunicipality';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/da';

const FIELD_KEYS: Record<string, MessageKey> = { status: 'field.status', owner: 'field.owner', notes: 'field.notes', dueDate: 'field.dueDate', title: 'field.title', answer: 'field.answer', name: 'field.name' };
const STATUSES = new Set(['not_started', 'in_progress', 'in_place', 'not_relevant']);

/** Who changed what and when, per municipality or per milestone, for one person or a period. */
export function ChangeLogView({ client, file }: { client: ApiClient; file: MunicipalityFile }) {
  const { t, formatDate, language } = useI18n();
  const [entries, setEntries] = useState<LogEntryView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shared, setShared] = useState(true);
  const [person, setPerson] = useState('');
  const [itemId, setItemId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  useEffect(() => {
    let cancelled = false;
    void client.call('workspace.sharing', {}).then((s) => !cancelled && setShared(s.engine), () => undefined);
    client
      .call('municipality.log', { id: file.id, ...(itemId ? { itemId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) })
      .then((log) => !cancelled && (setEntries(log), setError(null)))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
    // The file's revision changes with every stored change, so the log follows along.
  }, [client, file.id, file.revision, itemId, from, to]);

  const people = useMemo(() => [...new Set((entries ?? []).map((e) => e.by).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'da')), [entries]);
  const time = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const titleOf = (id: string | undefined) => file.items.find((i) => i.id === id)?.title ?? id ?? '';
  const show = (value: unknown) =>
    typeof value === 'string' && STATUSES.has(value) ? t(`status.${value}` as MessageKey) : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : typeof value === 'string' ? value : JSON.stringify(value);

  const lines = (entry: LogEntryView): string[] => {
    // Changes made before a name was entered carry the Danish placeholder; show it in the page's language.
    const who = !entry.by ? t('log.nobody') : entry.by === UNKNOWN_AUTHOR ? t('log.unknownAuthor') : entry.by;
    return entry.what.map((w) => {
      const field = FIELD_KEYS[w.field] ? t(FIELD_KEYS[w.field]!) : w.field;
      if (w.field === 'created') return t('log.created', { who });
      if (w.field === 'added') return t('log.added', { who, item: titleOf(w.item) });
      if (w.field === 'removed') return t('log.removed', { who });
      if (w.field === 'round.added') return t('log.round', { who });
      if (w.field === 'tally') return t('log.tally', { who });
      if (w.item === undefined) return t('log.changedTop', { who, field });
      if (w.value !== undefined) return t('log.set', { who, field, value: show(w.value), item: titleOf(w.item) });
      return t('log.changed', { who, field, item: titleOf(w.item) });
    });
  };

  const visible = (entries ?? []).filter((e) => !person || e.by === person).reverse();
  return (
    <section className="change-log card" aria-labelledby="change-log-title">
      <h2 id="change-log-title">{t('log.title')}</h2>
      {!shared && <p className="muted">{t('log.notShared')}</p>}
      <div className="field-row">
        <div className="field">
          <label htmlFor="log-person">{t('log.person')}</label>
          <select id="log-person" value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{t('log.everyone')}</option>
            {people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-item">{t('log.milestone')}</label>
          <select id="log-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">{t('log.all')}</option>
            {file.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-from">{t('log.from')}</label>
          <DateInput id="log-from" value={from} onChange={setFrom} />
        </div>
        <div className="field">
          <label htmlFor="log-to">{t('log.to')}</label>
          <DateInput id="log-to" value={to} onChange={setTo} />
        </div>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {entries !== null && visible.length === 0 && <p className="muted">{t('log.none')}</p>}
      <ol className="log-entries">
        {visible.map((entry, n) => (
          <li key={`${entry.at}-${n}`}>
            <span className="muted">{t('log.at', { date: formatDate(entry.at), time: time.format(new Date(entry.at)) })}</span>
            <ul>
              {lines(entry).map((line, k) => (
                <li key={k}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
