import type { ChecklistEdit } from '../../core/checklist/edits';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { StatusPicker } from '../components/StatusPicker';
import { useI18n } from '../i18n';

/** The year-1 decisions and tasks in order; a step is blocked until the steps it builds on are in place. */
export function FlowView({ file, edit }: { file: MunicipalityFile; edit: (e: ChecklistEdit) => void }) {
  const { t } = useI18n();
  const byId = new Map(file.items.map((i) => [i.id, i]));
  return (
    <div className="flow">
      {file.framework.flows.length === 0 && <p className="empty card">{t('flow.empty')}</p>}
      {file.framework.flows.map((flow) => {
        const steps = file.items.filter((i) => i.flowId === flow.id);
        return (
          <section key={flow.id} aria-labelledby={`flow-${flow.id}`}>
            <h2 id={`flow-${flow.id}`}>{flow.title}</h2>
            <p className="muted">{flow.description}</p>
            <ol className="flow-steps">
              {steps.map((step, n) => {
                const waiting = step.dependsOn.map((d) => byId.get(d)).filter((d) => d !== undefined && d.status !== 'in_place' && d.status !== 'not_relevant');
                const done = step.status === 'in_place';
                const state = done ? 'done' : waiting.length > 0 ? 'blocked' : 'ready';
                return (
                  <li key={step.id} className={`flow-step is-${state}`}>
                    <div className="flow-step-head">
                      <span className="flow-number" aria-hidden="true">
                        {n + 1}
                      </span>
                      <div>
                        <h3>{step.title}</h3>
                        <p className="muted">
                          <span className="tag">{step.stepKind === 'decision' ? t('flow.decision') : t('flow.task')}</span> {step.intro}
                        </p>
                        <p className={`flow-state flow-state-${state}`}>
                          {state === 'done' ? `✓ ${t('flow.done')}` : state === 'blocked' ? `⏸ ${t('flow.blockedBy', { steps: waiting.map((w) => w!.title).join('; ') })}` : `→ ${t('flow.ready')}`}
                        </p>
                      </div>
                    </div>
                    <StatusPicker name={`flow-${step.id}`} value={step.status} label={`${t('status.label')}: ${step.title}`} onChange={(status) => edit({ type: 'setStatus', itemId: step.id, status })} />
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
