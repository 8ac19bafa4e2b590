import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function Banner({ kind, children, onDismiss, action }: { kind: 'error' | 'info' | 'warning'; children: ReactNode; onDismiss?: () => void; action?: ReactNode }) {
  const { t } = useI18n();
  const BannerIcon = kind === 'error' ? CircleAlert : kind === 'warning' ? TriangleAlert : Info;
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <BannerIcon className="icon banner-icon" size={20} aria-hidden="true" />
      <div className="banner-text">{children}</div>
      {action}
      {onDismiss && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  );
}
