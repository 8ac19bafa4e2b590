import { LoaderCircle } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { PLAN_SECTIONS, planOptionsSchema, type PlanFormat, type PlanOptions, type PlanSection } from '../../core/plan/options';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { Banner } from '../components/Banner';
import { ErrorMessage } from '../components/ErrorMessage';
import { downloadBytes } from '../download';
import { useI18n } from '../i18n';

const FORMATS: PlanFormat[] = ['docx', 'pdf', 'xlsx', 'md', 'html'];
const OPTIONS_KEY = 'milepael.planOptions';

/** Options kept from an earlier visit; damaged storage (edited by hand, an older app) counts as none. */
function storedOptions(): object {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? '{}');
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  } catch {
    return {};
  }
}

function savedOptions(language: 'da' | 'en'): PlanOptions {
  const parsed = planOptionsSchema.safeParse({ language, ...storedOptions() });
  return parsed.success ? parsed.data : planOptionsSchema.parse({ language });
}

/** Options, a live preview of the plan as the steering group will read it, and downloads in every format. */
export function PlanView({ client, file, saved }: { client: ApiClient; file: MunicipalityFile; saved: boolean }) {
  const { t, language } = useI18n();
  const [options, setOptions] = useState<PlanOptions>(() => savedOptions(language));
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState<PlanFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const ids = { language: useId(), author: useId(), version: useId() };

  const update = (change: Partial<PlanOptions>) => {
    const next = { ...options, ...change };
    setOptions(next);
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(next));
  };

  useEffect(() => {
    if (!saved || options.sections.length === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      client.call('plan.preview', { id: file.id, options }).then(
        (result) => !cancelled && setPreview(result.html),
        (e: unknown) => !cancelled && setError(e),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, file.id, file.revision, options, saved]);

  const download = async (format: PlanFormat) => {
    setBusy(format);
    setExportError(null);
    try {
      const plan = await client.call('plan.export', { id: file.id, format, options });
      downloadBytes(plan.fileName, plan.base64, plan.mimeType);
    } catch (e) {
      setExportError(e);
    } finally {
      setBusy(null);
    }
  };

  const toggleSection = (section: PlanSection, on: boolean) =>
    update({ sections: PLAN_SECTIONS.filter((s) => (s === section ? on : options.sections.includes(s))) });

  return (
    <div className="plan">
      <div className="plan-side">
        <section className="plan-download card" aria-labelledby="plan-export-title" aria-busy={busy !== null}>
          <h2 id="plan-export-title">{t('plan.export')}</h2>
          <div className="plan-export">
            {FORMATS.map((format) => (
              <button key={format} type="button" className={format === 'docx' ? 'button-primary' : undefined} disabled={busy !== null || options.sections.length === 0} onClick={() => void download(format)}>
                {format === busy && <LoaderCircle className="icon spin" size={16} aria-hidden="true" />}
                {t(`plan.format.${format}`)}
              </button>
            ))}
          </div>
          <p className="plan-progress" role="status" aria-live="polite">
            {busy !== null && (
              <>
                <LoaderCircle className="icon spin" size={16} aria-hidden="true" />
                <span>{t(`plan.exporting.${busy}`)}</span>
              </>
            )}
          </p>
          {exportError !== null && (
            <Banner kind="error" onDismiss={() => setExportError(null)}>
              <ErrorMessage error={exportError} />
            </Banner>
          )}
          {options.sections.length === 0 && <p className="overdue-flag">{t('plan.noSections')}</p>}
        </section>
        <form className="plan-options card" onSubmit={(e) => e.preventDefault()} aria-labelledby="plan-options-title">
          <h2 id="plan-options-title">{t('plan.options')}</h2>
          <div className="field">
            <label htmlFor={ids.language}>{t('plan.language')}</label>
            <select id={ids.language} value={options.language} onChange={(e) => update({ language: e.target.value === 'en' ? 'en' : 'da' })}>
              <option value="da">Dansk</option>
              <option value="en">English</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.author}>{t('plan.author')}</label>
            <input id={ids.author} value={options.author} maxLength={200} onChange={(e) => update({ author: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.version}>{t('plan.version')}</label>
            <input id={ids.version} value={options.version} maxLength={50} onChange={(e) => update({ version: e.target.value })} />
          </div>
          {(['includeNotes', 'includeAnswers', 'includeNotRelevant'] as const).map((key) => (
            <label key={key} className="checkbox">
              <input type="checkbox" checked={options[key]} onChange={(e) => update({ [key]: e.target.checked })} /> {t(`plan.${key}`)}
            </label>
          ))}
          <fieldset className="plan-sections">
            <legend>{t('plan.sections')}</legend>
            {PLAN_SECTIONS.map((section) => (
              <label key={section} className="checkbox">
                <input type="checkbox" checked={options.sections.includes(section)} onChange={(e) => toggleSection(section, e.target.checked)} /> {t(`plan.section.${section}`)}
              </label>
            ))}
          </fieldset>
        </form>
      </div>
      <section className="plan-preview-wrap" aria-labelledby="plan-preview-title">
        <h2 id="plan-preview-title">{t('plan.preview')}</h2>
        {error !== null && (
          <Banner kind="error" onDismiss={() => setError(null)}>
            <ErrorMessage error={error} />
          </Banner>
        )}
        {!saved && <p className="muted">{t('plan.previewPending')}</p>}
        {preview === null ? <p role="status">{t('app.loading')}</p> : <article className="plan-preview" lang={options.language} dangerouslySetInnerHTML={{ __html: preview }} />}
      </section>
    </div>
  );
}
