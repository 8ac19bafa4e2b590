import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAuthor } from '../state/author';

const CLOSED_KEY = 'milepael.authorAskClosed';

function closedBefore(): boolean {
  try {
    return localStorage.getItem(CLOSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Asks once for the person's name, which goes with every change they make. The question can be
 * put off ("Ikke nu", remembered on this computer): then one quiet line offers it instead.
 */
export function AuthorBar() {
  const { t } = useI18n();
  const [name, setName] = useAuthor();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [closed, setClosed] = useState(closedBefore);
  if (name && !editing) {
    return (
      <p className="author-bar muted">
        {t('author.as', { name })}{' '}
        <button type="button" className="button-quiet" onClick={() => (setDraft(name), setEditing(true))}>
          {t('author.change')}
        </button>
      </p>
    );
  }
  if (closed && !editing) {
    return (
      <p className="author-bar muted">
        {t('author.none')}{' '}
        <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
          {t('author.give')}
        </button>
      </p>
    );
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    setName(draft.trim().slice(0, 200));
    setEditing(false);
  };
  const close = () => {
    try {
      localStorage.setItem(CLOSED_KEY, '1');
    } catch {
      // Private mode: closed for this page only.
    }
    setClosed(true);
    setEditing(false);
  };
  return (
    <form className="author-bar banner banner-info" onSubmit={save}>
      <span className="banner-text">{t('author.ask')}</span>
      <label className="visually-hidden" htmlFor="author-name">
        {t('author.label')}
      </label>
      <input id="author-name" value={draft} maxLength={200} placeholder={t('author.label')} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit">{t('author.save')}</button>
      <button type="button" className="button-quiet" onClick={name ? () => setEditing(false) : close}>
        {name ? t('start.cancel') : t('author.later')}
      </button>
    </form>
  );
}
