import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAuthor } from '../state/author';

/** Asks once for the person's name, which goes with every change they make. */
export function AuthorBar() {
  const { t } = useI18n();
  const [name, setName] = useAuthor();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
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
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    setName(draft.trim().slice(0, 200));
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
    </form>
  );
}
