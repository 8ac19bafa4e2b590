import { useEffect, useLayoutEffect, useMemo } from 'react';
import { STATUS_MARK } from '../components/StatusPicker';
import type { ApiClient } from '../../api/client';
import { localDateString } from '../../core/checklist/summary';
import { scoreMunicipality } from '../../core/scoring/score';
import { Banner } from '../components/Banner';
import { ErrorMessage } from '../components/ErrorMessage';
import { PackUpdatePanel } from '../components/PackUpdatePanel';
import { ScoreBar } from '../components/ScoreBar';
import { useI18n } from '../i18n';
import { routePath, type Tab } from '../router';
import { PlanView } from './PlanView';
import { HistoryView } from './HistoryView';
import { useMunicipality } from '../state/useMunicipality';
import { ChecklistView } from './ChecklistView';
import { FlowView } from './FlowView';

import { DashboardView, preloadDashboardPictures } from '../charts/DashboardView';
import { AuthorBar } from '../components/AuthorBar';
import { ConflictPanel } from '../components/ConflictPanel';
import { ChangeLogView } from './ChangeLogView';
import { PresenceBadge } from '../components/PresenceBadge';

const TABS: Tab[] = ['checklist', 'dashboard', 'history', 'flow', 'plan', 'log'];

interface Props {
  client: ApiClient;
  id: string;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onBack: () => void;
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

export function MunicipalityScreen({ client, id, tab, onTab, onBack }: Props) {
  const { t, formatPercent } = useI18n();
  const state = useMunicipality(client, id);
  // Opening straight onto the dashboard: fetch the charts' code while the municipality's data is on its way.
  if (tab === 'dashboard') void preloadDashboardPictures();
  const { file } = state;
  const report = useMemo(() => (file ? scoreMunicipality(file) : null), [file]);
  const today = localDateString(new Date());

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Text fields keep the browser's own undo for what is being typed.
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) state.undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) state.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state]);

  useLayoutEffect(() => {
    if (performance.getEntriesByName(STATUS_MARK, 'mark').length === 0) return;
    performance.measure('milepael:status-to-scores', STATUS_MARK);
    performance.clearMarks(STATUS_MARK);
  }, [report]);

  useEffect(() => {
    if (file) document.title = `${file.name} – ${t('app.name')}`;
  }, [file, t]);

  if (state.loadError) {
    return (
      <Banner kind="error" action={<button type="button" onClick={onBack}>{t('nav.back')}</button>}>
        {state.loadError.code === 'not_found' ? t('muni.notFound') : <ErrorMessage error={state.loadError} />}
      </Banner>
    );
  }
  if (!file || !report) return <p role="status">{t('app.loading')}</p>;

  const saveLabel = { saved: t('muni.saved'), saving: t('muni.saving'), failed: t('muni.saveFailed'), conflict: t('muni.saveFailed') }[state.saveState];
  const hasFlow = file.framework.flows.length > 0;

  return (
    <section className="municipality" aria-labelledby="municipality-title">
      <div className="municipality-head">
        <div>
          <h1 id="municipality-title">
            {file.name}
            {file.isExample && <span className="tag">{t('start.example')}</span>}
          </h1>
          <p className="muted">{file.pack.title}</p>
          <PresenceBadge client={client} id={file.id} />
        </div>
        <div className="head-actions">
          <span className={`save-state save-${state.saveState}`} role="status" aria-live="polite">
            {state.saveState === 'saved' ? '✓ ' : ''}
            {saveLabel}
          </span>
          <button type="button" onClick={state.undo} disabled={!state.canUndo}>
            {t('muni.undo')}
          </button>
          <button type="button" onClick={state.redo} disabled={!state.canRedo}>
            {t('muni.redo')}
          </button>
        </div>
      </div>

      {state.recovery && (
        <Banner kind="warning">
          {t('muni.recovered', { file: `${file.id}.json`, quarantine: state.recovery.quarantinedAs, backup: state.recovery.restoredFrom ?? '–' })}
        </Banner>
      )}
      {state.saveState === 'conflict' && (
        <Banner kind="error" action={<button type="button" onClick={state.reload}>{t('muni.reload')}</button>}>
          {t('muni.conflict')}
        </Banner>
      )}
      {state.saveState !== 'conflict' && state.saveError !== null && (
        <Banner kind="error">
          <ErrorMessage error={state.saveError} />
        </Banner>
      )}

      <AuthorBar />
      <ConflictPanel conflicts={state.conflicts} file={file} onChoose={state.resolve} />

      <PackUpdatePanel client={client} file={file} saved={state.saveState === 'saved'} onUpdated={state.reload} />

      <div className="score-summary card" aria-label={t('score.overall')}>
        <div className="overall-big">
          <span className="overall-value" data-testid="overall-score">
            {formatPercent(report.overall.percent)}
          </span>
          <span>{t('score.overall')}</span>
          {report.band && <span className="muted">{t('score.band', { band: report.band.title })}</span>}
        </div>
        <div className="score-columns">
          <div>
            {report.drivers.map((d) => (
              <ScoreBar key={d.id} label={d.title} percent={d.percent} />
            ))}
          </div>
          <div>
            {report.phases.map((p) => (
              <ScoreBar key={p.id} label={p.title} percent={p.percent} />
            ))}
          </div>
        </div>
      </div>

      <nav className="tabs" aria-label={t('muni.tabs')}>
        {TABS.filter((candidate) => candidate !== 'flow' || hasFlow).map((candidate) => (
          <a key={candidate} href={routePath({ screen: 'municipality', id, tab: candidate })} aria-current={tab === candidate ? 'page' : undefined} onClick={(e) => (e.preventDefault(), onTab(candidate))}>
            {t(`muni.tab.${candidate}`)}
          </a>
        ))}
      </nav>

      {tab === 'checklist' && <ChecklistView file={file} today={today} edit={state.edit} />}
      {tab === 'dashboard' && <DashboardView file={file} report={report} today={today} />}
      {tab === 'history' && <HistoryView file={file} today={today} edit={state.edit} />}
      {tab === 'flow' && <FlowView file={file} edit={state.edit} />}
      {tab === 'plan' && <PlanView client={client} file={file} saved={state.saveState === 'saved'} />}
      {tab === 'log' && <ChangeLogView client={client} file={file} />}
    </section>
  );
}
