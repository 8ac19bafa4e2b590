import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { subscribeDesktopEvents } from '../api';
import { useI18n } from '../i18n';

/** The way this workspace is shared (alone, shared folder, team server) and how to change it. */
export function SharingPanel({ client }: { client: ApiClient }) {
  const { t } = useI18n();
  const [sharing, setSharing] = useState<Output<'workspace.sharing'> | null>(null);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    void client.call('workspace.sharing', {}).then(setSharing, () => undefined);
  }, [client]);
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
  return (
    <details ref={ref} className="sharing card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <strong>{t('share.title')}</strong> — {sharing.mode === 'folder' ? t('share.mode.folder', { path: sharing.location }) : t(`share.mode.${sharing.mode}`)}
      </summary>
      <p>{t('share.howFolder')}</p>
      <p>{t('share.howServer')}</p>
      <p className="muted">{t('share.json')}</p>
    </details>
  );
}
