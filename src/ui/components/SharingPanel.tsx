import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiCallError, type ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { subscribeDesktopEvents } from '../api';
import { useI18n, type Language } from '../i18n';

type Sharing = Output<'workspace.sharing'>;
type Mode = Sharing['mode'];

/** Backend messages are written "Dansk. (English.)": show the part in the page's language. */
export function inLanguage(message: string, language: Language): string {
  const match = /^(.*\S)\s+\((.+)\)$/s.exec(message);
  if (!match) return message;
  return language === 'en' ? match[2]! : match[1]!;
}

/** The way this app works with the team (alone, shared folder, team server), switched here without a restart. */
export function SharingPanel({ client, onSwitched }: { client: ApiClient; onSwitched?: () => void }) {
  const { t, language } = useI18n();
  const ids = { folder: useId(), url: useId(), key: useId(), error: useId() };
  const [sharing, setSharing] = useState<Sharing | null>(null);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('alone');
  const [folder, setFolder] = useState('');
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDetailsElement>(null);

  const show = useCallback((next: Sharing) => {
    setSharing(next);
    setMode(next.mode);
    setFolder(next.folder ?? '');
    setUrl(next.server?.url ?? '');
  }, []);

  useEffect(() => {
    void client.call('workspace.sharing', {}).then(show, () => undefined);
  }, [client, show]);

  // The connection comes and goes by itself (offline, server restarted, key removed): look again now and then.
  const onServer = sharing?.mode === 'server';
  useEffect(() => {
    if (!onServer) return;
    const timer = setInterval(() => void client.call('workspace.sharing', {}).then(setSharing, () => undefined), 3000);
    return () => clearInterval(timer);
  }, [client, onServer]);

  // Filer → Del med teamet in the desktop menu opens this panel.
  useEffect(
    () =>
      subscribeDesktopEvents((event) => {
        if (event.action !== 'share') return;
        setOpen(true);
        ref.current?.scrollIntoView();
      }),
    [],
  );

  if (!sharing) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const choice = mode === 'alone' ? { mode } : mode === 'folder' ? { mode, folder } : { mode, url, ...(key.trim() === '' ? {} : { key }) };
      show(await client.call('workspace.setSharing', choice));
      setKey('');
      onSwitched?.();
    } catch (failure) {
      setError(failure instanceof ApiCallError ? inLanguage(failure.error.issues?.[0]?.message ?? failure.message, language) : t('error.offline'));
    } finally {
      setBusy(false);
    }
  };

  // A folder named at start (--workspace) may be anyone's: it is called what it is, not "shared".
  const current = sharing.mode === 'folder' ? t(sharing.fixed ? 'share.mode.fixed' : 'share.mode.folder', { path: sharing.location }) : t(`share.mode.${sharing.mode}`);
  const connection = sharing.server ? t(`share.connection.${sharing.server.connection}`) : null;

  return (
    <details ref={ref} className="sharing card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <strong>{t('share.title')}</strong> — {current}
        {connection && (
          <span className={`sharing-connection sharing-${sharing.server!.connection}`} role="status">
            {' '}
            · {connection}
          </span>
        )}
      </summary>
      {sharing.switchable ? (
        <form className="sharing-form" onSubmit={(e) => void submit(e)} aria-describedby={error ? ids.error : undefined}>
          <fieldset className="segmented">
            <legend>{t('share.choose')}</legend>
            {(['alone', 'folder', 'server'] as const).map((m) => (
              <label key={m} className={mode === m ? 'is-selected' : ''}>
                <input type="radio" name="sharing-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`share.option.${m}`)}
              </label>
            ))}
          </fieldset>
          {mode === 'alone' && <p className="muted">{t('share.aloneHelp')}</p>}
          {mode === 'folder' && (
            <div className="field">
              <label htmlFor={ids.folder}>{t('share.folderLabel')}</label>
              <input id={ids.folder} value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('share.folderPlaceholder')} autoComplete="off" spellCheck={false} required />
              <p className="muted">{t('share.folderHelp')}</p>
            </div>
          )}
          {mode === 'server' && (
            <>
              <div className="field">
                <label htmlFor={ids.url}>{t('share.urlLabel')}</label>
                <input id={ids.url} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://milepael.kommune.dk:8740" autoComplete="off" spellCheck={false} required />
              </div>
              <div className="field">
                <label htmlFor={ids.key}>{t('share.keyLabel')}</label>
                <input
                  id={ids.key}
                  type="password"
                  value={key}
                  onChange={(e) => setKey(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={sharing.server?.maskedKey && sharing.server.url === url ? t('share.keySaved', { key: sharing.server.maskedKey }) : ''}
                />
                <p className="muted">{t('share.keyHelp')}</p>
              </div>
            </>
          )}
          {error && (
            <p id={ids.error} className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('share.switching') : t('share.apply')}
          </button>
        </form>
      ) : (
        <>
          <p>{t('share.howFolder')}</p>
          <p>{t('share.howServer')}</p>
        </>
      )}
      {sharing.server?.connection === 'refused' && <p role="alert">{t('share.refusedHelp')}</p>}
      <p className="muted">{t('share.json')}</p>
    </details>
  );
}
