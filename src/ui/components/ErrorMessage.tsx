import { ApiCallError } from '../../api/client';
import { useI18n } from '../i18n';

/** What went wrong in the user's language; the backend's exact wording stays available as details. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const headline =
    error instanceof ApiCallError ? t(`error.${error.code}`) : error instanceof TypeError ? t('error.offline') : t('error.internal');
  const detail = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiCallError ? (error.error.issues ?? []) : [];
  return (
    <>
      <p>{headline}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <p>{detail}</p>
        {issues.length > 0 && (
          <ul>
            {issues.slice(0, 20).map((issue, n) => (
              <li key={n}>
                <code>{issue.field}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </details>
    </>
  );
}
