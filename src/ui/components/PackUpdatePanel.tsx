import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { ConflictChoices, PackChange, PackUpdate } from '../../core/pack-update';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import { Banner } from './Banner';
import { ErrorMessage } from './ErrorMessage';

/** Offers a newer version of the method pack, shows what it changes, and lets the user settle conflicts. */
export function PackUpdatePanel({ client, file, saved, onUpdated }: { client: ApiClient; file: MunicipalityFile; saved: boolean; onUpdated: () => void }) {
  const { t } = useI18n();
  const [update, setUpdate] = useState<PackUpdate | null>(null);
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const [error, setError] = useState<unknown>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    client.call('municipality.packUpdate', { id: file.id }).then(
      (u) => !cancelled && setUpdate(u),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client, file.id, file.pack.version]);

  if (!update || dismissed) return null;
  const conflicts = update.changes.filter((c) => 'conflict' in c && c.conflict);
  const ready = saved && conflicts.every((c) => choices[c.key]);

  const describe = (c: PackChange): string => {
    switch (c.kind) {
      case 'item_added':
        return t('update.item_added', { title: c.title });
      case 'item_removed':
        return t(c.keptAsCustom ? 'update.item_removed_kept' : 'update.item_removed', { title: c.title });
      case 'title_changed':
        return t('update.title_changed', { from: c.from, to: c.to });
      case 'question_added':
        return t('update.question_added', { item: c.itemTitle, text: c.text });
      case 'question_removed':
        return t(c.keptAsCustom ? 'update.question_removed_kept' : 'update.question_removed', { item: c.itemTitle, text: c.text });
      case 'question_changed':
        return t('update.question_changed', { item: c.itemTitle, from: c.from, to: c.to });
    }
  };

  const apply = async () => {
    try {
      await client.call('municipality.applyPackUpdate', { id: file.id, baseRevision: file.revision, choices });
      setOpen(false);
      setUpdate(null);
      onUpdated();
    } catch (e) {
      setError(e);
    }
  };

  if (!open) {
    return (
      <Banner
        kind="info"
        onDismiss={() => setDismissed(true)}
        action={
          <button type="button" onClick={() => setOpen(true)}>
            {t('update.review')}
          </button>
        }
      >
        {t('update.available', { pack: file.pack.title, from: update.fromVersion, to: update.toVersion })}
      </Banner>
    );
  }
  return (
    <section className="card pack-update" aria-labelledby="pack-update-title">
      <h2 id="pack-update-title">{t('update.title', { pack: file.pack.title, to: update.toVersion })}</h2>
      <p>{t('update.intro')}</p>
      {error !== null && (
        <Banner kind="error" onDismiss={() => setError(null)}>
          <ErrorMessage error={error} />
        </Banner>
      )}
      {update.changes.length > 0 && (
        <ul>
          {update.changes.map((c) => (
            <li key={c.key}>
              {describe(c)}
              {'conflict' in c && c.conflict && (
                <fieldset className="conflict">
                  <legend>{t('update.conflict', { local: c.local ?? '' })}</legend>
                  {(['mine', 'theirs'] as const).map((choice) => (
                    <label key={choice} className="checkbox">
                      <input type="radio" name={c.key} checked={choices[c.key] === choice} onChange={() => setChoices({ ...choices, [c.key]: choice })} />{' '}
                      {t(`update.${choice}`)}
                    </label>
                  ))}
                </fieldset>
              )}
            </li>
          ))}
        </ul>
      )}
      {update.changes.length === 0 && <p>{t('update.noItemChanges')}</p>}
      {!saved && <p className="muted">{t('update.waitForSave')}</p>}
      <div className="card-actions">
        <button type="button" className="button-primary" disabled={!ready} onClick={() => void apply()}>
          {t('update.apply')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('update.cancel')}
        </button>
      </div>
    </section>
  );
}
