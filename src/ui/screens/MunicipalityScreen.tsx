import { BookOpen, Building2, History, Landmark, ChartColumn, CircleCheck, ClipboardList, FileText, LayoutDashboard, LoaderCircle, Redo2, TrendingUp, TriangleAlert, Undo2, Workflow, type LucideIcon } from 'lucide-react';
import { memo, Suspense, useEffect, useLayoutEffect, useMemo } from 'react';
import { STATUS_MARK } from '../components/StatusPicker';
import type { ApiClient } from '../../api/client';
import { localDateString } from '../../core/checklist/summary';
import { scoreMunicipality } from '../../core/scoring/score';
import { localizeFile } from '../../core/pack/english';
import { Banner } from '../components/Banner';
import { ErrorMessage } from '../components/ErrorMessage';
import { Help } from '../components/Help';
import { PageHeader } from '../components/PageHeader';
import { PackUpdatePanel } from '../components/PackUpdatePanel';
import { ScoreBar } from '../components/ScoreBar';
import { useI18n } from '../i18n';
import { routePath, type Tab } from '../router';
import { useMunicipality } from '../state/useMunicipality';
import { StagePanel } from '../components/StagePanel';
import { Explain } from '../components/Explain';
import { EvaluationNote } from '../components/EvaluationNote';

import { DashboardView } from '../charts/DashboardView';
import { ChecklistView } from './ChecklistView';
import { ChangeLogView, EvaluationView, FlowView, HistoryView, MethodView, PlanView, preloadTab, SteeringView } from './tab-views';

import { AuthorBar } from '../components/AuthorBar';
import { ConflictPanel } from '../components/ConflictPanel';
import { PresenceBadge } from '../components/PresenceBadge';
import { Editing, useReadOnly } from '../state/read-only';

const TABS: Tab[] = ['checklist', 'dashboard', 'evaluation', 'history', 'flow', 'steering', 'plan', 'log', 'method'];
/** Tabs added later without an icon here still show their name. */
const TAB_ICON: Partial<Record<Tab, LucideIcon>> = { checklist: ClipboardList, dashboard: LayoutDashboard, evaluation: ChartColumn, history: TrendingUp, flow: Workflow, steering: Landmark, plan: FileText, log: History, method: BookOpen };

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
  const { t, formatPercent, language } = useI18n();
  const readOnly = useReadOnly();
  const state = useMunicipality(client, id);
  const { file: stored } = state;
  // The screens show the pack's English names in English; edits are by id and go to the file itself,
  // and the panels that compare or replace whole files (conflicts, pack update) get the file as saved.
  const file = useMemo(() => (stored ? localizeFile(stored, language) : null), [stored, language]);
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

  // The other tabs' code, once the page has settled: switching tabs then needs no download.
  useEffect(() => {
    const timer = setTimeout(() => TABS.forEach(preloadTab), 3000);
    return () => clearTimeout(timer);
  }, []);

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
  if (!stored || !file || !report) return <p role="status">{t('app.loading')}</p>;

  const saveLabel = { saved: t('muni.saved'), saving: t('muni.saving'), failed: t('muni.saveFailed'), conflict: t('muni.saveFailed') }[state.saveState];
  const hasFlow = file.framework.flows.length > 0;

  return (
    <section className="municipality" aria-labelledby="municipality-title">
      <PageHeader
        titleId="municipality-title"
        icon={Building2}
        title={
          <>
            {/* Cut to one line by CSS; the tooltip and the heading's text keep the whole name. */}
            <span className="municipality-name" title={file.name}>
              {file.name}
            </span>
            {file.isExample && <span className="tag">{t('start.example')}</span>}
          </>
        }
        subtitle={file.pack.title}
        actions={
          <>
            <span className={`save-state save-${state.saveState}`} role="status" aria-live="polite">
              {state.saveState === 'saved' ? <CircleCheck className="icon" size={16} aria-hidden="true" /> : state.saveState === 'saving' ? <LoaderCircle className="icon" size={16} aria-hidden="true" /> : <TriangleAlert className="icon" size={16} aria-hidden="true" />}
              {saveLabel}
            </span>
            <Editing>
            <button type="button" onClick={state.undo} disabled={!state.canUndo}>
              <Undo2 className="icon" size={16} aria-hidden="true" />
              {t('muni.undo')}
            </button>
            <button type="button" onClick={state.redo} disabled={!state.canRedo}>
              <Redo2 className="icon" size={16} aria-hidden="true" />
              {t('muni.redo')}
            </button>
            </Editing>
          </>
        }
      >
        <PresenceBadge client={client} id={file.id} />
      </PageHeader>

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

      <Editing>
        <AuthorBar />
        <ConflictPanel conflicts={state.conflicts} file={stored} onChoose={state.resolve} />
        <PackUpdatePanel client={client} file={stored} saved={state.saveState === 'saved'} onUpdated={state.reload} />
      </Editing>

      <div className="score-summary card" aria-label={t('score.overall')}>
        <div className="overall-big">
          <span className="overall-value" data-testid="overall-score">
            {formatPercent(report.overall.percent)}
          </span>
          {/* The "?" beside the word it explains, not on a line of its own. */}
          <span className="overall-label">
            {t('score.overall')}
            <Explain text={t('score.overallExplain', { count: report.overall.counts.in_place + report.overall.counts.in_progress + report.overall.counts.not_started + report.overall.counts.not_relevant })} />
          </span>
          {report.band && !file.framework.evaluation?.stages.length && <span className="muted">{t('score.band', { band: report.band.title })}</span>}
          {report.flows.map((f) => (
            <span key={f.id} className="muted" data-testid="flow-figure">
              {t('score.flowFigure', { title: f.title, percent: formatPercent(f.percent) })}
            </span>
          ))}
        </div>
        <div className="score-columns">
          <div>
            <h2 className="score-group-title">{t('design.driversHeading')}</h2>
            {report.drivers.map((d) => (
              <ScoreBar key={d.id} label={d.title} percent={d.percent} />
            ))}
            {/* Under the drivers, where the phases' longer column leaves room: a row of its own pushed the tabs down at 1366×768. */}
            <div className="score-help">
              <ScoreHelp />
            </div>
          </div>
          <div>
            <h2 className="score-group-title">{t('design.phasesHeading')}</h2>
            {report.phases.map((p) => (
              <div key={p.id}>
                <ScoreBar label={p.title} percent={p.percent} />
                {p.id === file.framework.evaluation?.evaluationPhase && <EvaluationNote evaluation={file.evaluation} today={today} />}
              </div>
            ))}
          </div>
        </div>
        {/* The stage is the last row of the score card rather than a box of its own: one border and margin fewer above the tabs. */}
        <StagePanel file={file} today={today} />
      </div>

      <MunicipalityTabs id={id} tab={tab} onTab={onTab} hasFlow={hasFlow} hasEvaluation={file.framework.evaluation !== undefined} />

      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        {tab === 'checklist' && <ChecklistView file={file} report={report} today={today} edit={state.edit} />}
        {tab === 'dashboard' && <DashboardView file={file} report={report} today={today} onEvaluation={() => onTab('evaluation')} onHistory={() => onTab('history')} />}
        {tab === 'history' && <HistoryView file={file} today={today} edit={state.edit} />}
        {/* These tabs are forms through and through: on a read-only page they are shown with every control disabled. */}
        <fieldset className="read-only-fieldset" disabled={readOnly}>
          {tab === 'flow' && <FlowView file={file} edit={state.edit} />}
          {tab === 'evaluation' && <EvaluationView client={client} file={file} today={today} saved={state.saveState === 'saved'} edit={state.edit} onImported={state.adopt} />}
          {tab === 'steering' && <SteeringView client={client} file={file} edit={state.edit} />}
          {tab === 'method' && <MethodView client={client} file={file} edit={state.edit} />}
        </fieldset>
        {tab === 'plan' && <PlanView client={client} file={stored} saved={state.saveState === 'saved'} />}
        {tab === 'log' && <ChangeLogView client={client} file={file} />}
      </Suspense>
    </section>
  );
}

/** Memoised: an edit on the page does not redraw the tabs and their icons. */
const MunicipalityTabs = memo(function MunicipalityTabs({ id, tab, onTab, hasFlow, hasEvaluation }: { id: string; tab: Tab; onTab: (tab: Tab) => void; hasFlow: boolean; hasEvaluation: boolean }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('muni.tabs')}>
      {TABS.filter((candidate) => (candidate !== 'flow' || hasFlow) && (candidate !== 'evaluation' || hasEvaluation)).map((candidate) => (
        <a key={candidate} href={routePath({ screen: 'municipality', id, tab: candidate })} aria-current={tab === candidate ? 'page' : undefined} onClick={(e) => (e.preventDefault(), onTab(candidate))}>
          {TabIcon(candidate)}
          {t(`muni.tab.${candidate}`)}
        </a>
      ))}
    </nav>
  );
});

function TabIcon(tab: Tab) {
  const Shape = TAB_ICON[tab];
  return Shape ? <Shape className="icon" size={16} aria-hidden="true" /> : null;
}

/** How the numbers above are made, and why "Organisering" appears twice. Memoised: it has nothing to redraw on an edit. */
export const ScoreHelp = memo(function ScoreHelp() {
  const { t } = useI18n();
  return (
    <div className="help-row">
      <Help title={t('design.help.scoreTitle')}>
        <ul>
          <li>{t('design.help.score1')}</li>
          <li>{t('design.help.score2')}</li>
          <li>{t('design.help.score3')}</li>
          <li>{t('design.help.score4')}</li>
        </ul>
      </Help>
      <Help title={t('design.help.driversTitle')}>
        <p>{t('design.help.drivers')}</p>
      </Help>
    </div>
  );
});
