import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { LogEntryView } from '../../api/live-contract';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { localDateString } from '../../core/checklist/summary';
import { ErrorMessage } from '../components/ErrorMessage';
import { DateInput } from '../components/DateInput';
import { useI18n } from '../i18n';
import { actorOf, describeChange } from './change-log-text';

/** The person filter's value for changes without a name. */
const NO_NAME = '(no-name)';

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

  // Changes without a name (converted files, or made before a name was entered) are one choice.
  const people = useMemo(() => [...new Set((entries ?? []).map((e) => actorOf(e.by) ?? ''))].sort((a, b) => a.localeCompare(b, 'da')), [entries]);
  const time = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const titleOf = (id: string | undefined) => file.items.find((i) => i.id === id)?.title ?? id ?? '';
  const lines = (entry: LogEntryView): string[] => entry.what.map((w) => describeChange(w, { t, formatDate, titleOf }, entry.by));

  const visible = (entries ?? []).filter((e) => !person || (actorOf(e.by) ?? NO_NAME) === person).reverse();
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
              <option key={p || 'none'} value={p || NO_NAME}>
                {p || t('log.noName')}
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
            <span className="muted">{t('log.at', { date: formatDate(localDateString(new Date(entry.at))), time: time.format(new Date(entry.at)) })}</span>
            {actorOf(entry.by) !== null && <span className="log-actor"> · {actorOf(entry.by)}</span>}
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
