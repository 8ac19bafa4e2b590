import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { useI18n } from '../i18n';
import { currentAuthor } from '../state/author';

/** Often enough to feel live, rarely enough to cost nothing; the backend forgets a silent screen after 20 s. */
const ASK_EVERY_MS = 5000;

/**
 * Who else has this municipality open right now (team server only). Shows nothing when alone,
 * on a shared folder, read-only, or before the person has entered their name.
 */
export function PresenceBadge({ client, id }: { client: ApiClient; id: string }) {
  const { t } = useI18n();
  const [names, setNames] = useState<string[]>([]);

  useEffect(() => {
    let stopped = false;
    const ask = () => {
      const name = currentAuthor();
      if (name === '') return;
      client
        .call('municipality.presence', { id, name })
        .then((answer) => {
          if (!stopped) setNames(answer.names);
        })
        .catch(() => {
          if (!stopped) setNames([]);
        });
    };
    ask();
    const timer = setInterval(ask, ASK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, id]);

  if (names.length === 0) return null;
  return (
    <p className="presence muted" role="status" aria-live="polite">
      <span aria-hidden="true">● </span>
      {t('presence.others', { names: names.join(', ') })}
    </p>
  );
}
