import { Ban, CircleArrowRight, CircleCheck, CircleDashed, GitFork, Hourglass, ListChecks, SquareCheck, TriangleAlert, type LucideIcon } from 'lucide-react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ChecklistEdit } from '../../core/checklist/edits';
import type { ChecklistItem, MunicipalityFile } from '../../core/schema/municipality';
import { layoutFlow, type FlowLayout, type FlowNode, type FlowState } from '../charts/flow-layout';
import { StatusPicker } from '../components/StatusPicker';
import { useI18n } from '../i18n';

/** A state that is a step's own status (in place, in progress, not relevant) says it in the status's own words and icon. */
const STATE_ICON: Record<FlowState, LucideIcon> = { done: CircleCheck, outOfOrder: TriangleAlert, inProgress: CircleDashed, notRelevant: Ban, ready: CircleArrowRight, waiting: Hourglass };
const STATE_KEY = {
  done: 'status.in_place',
  outOfOrder: 'design.flow.state.outOfOrder',
  inProgress: 'status.in_progress',
  notRelevant: 'status.not_relevant',
  ready: 'design.flow.state.ready',
  waiting: 'design.flow.state.waiting',
} as const satisfies Record<FlowState, string>;
const LEGEND: readonly FlowState[] = ['done', 'inProgress', 'ready', 'waiting', 'notRelevant', 'outOfOrder'];

/**
 * The year-1 decisions and tasks: a flowchart (boxes in rows by what they build on, one arrow per
 * dependency, coloured and labelled done/ready/waiting) beside today's list, where status is set.
 */
export function FlowView({ file, edit }: { file: MunicipalityFile; edit: (e: ChecklistEdit) => void }) {
  const { t } = useI18n();
  return (
    <div className="flow">
      {file.framework.flows.length === 0 && <p className="empty card">{t('flow.empty')}</p>}
      {file.framework.flows.map((flow) => {
        const steps = file.items.filter((i) => i.flowId === flow.id);
        const layout = layoutFlow(steps);
        const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
        const titles = new Map(steps.map((s) => [s.id, s.title]));
        const numbers = new Map(steps.map((s, n) => [s.id, n + 1]));
        const names = (ids: readonly string[]) => ids.map((id) => titles.get(id) ?? id).join('; ');
        return (
          <section key={flow.id} aria-labelledby={`flow-${flow.id}`} className="flow-section">
            <h2 id={`flow-${flow.id}`}>{flow.title}</h2>
            <p className="muted flow-intro">{flow.description}</p>
            <div className="flow-layout">
              <div className="card flow-chart-card">
                <h3 className="flow-panel-title">
                  <GitFork className="icon" size={18} aria-hidden="true" />
                  {t('design.flow.chart')}
                </h3>
                <FlowLegend />
                <FlowChart layout={layout} steps={steps} numbers={numbers} />
              </div>
              <div className="flow-today">
                <h3 className="flow-panel-title">
                  <ListChecks className="icon" size={18} aria-hidden="true" />
                  {t('design.flow.list')}
                </h3>
                <ol className="flow-steps">
                  {steps.map((step) => {
                    const node = nodes.get(step.id)!;
                    return (
                      <li key={step.id} id={`flow-step-${step.id}`} className={`flow-step is-${node.state}`}>
                        <div className="flow-step-head">
                          <span className="flow-number" aria-hidden="true">
                            {numbers.get(step.id)}
                          </span>
                          <div className="flow-step-text">
                            <h4>
                              <span className="visually-hidden">{t('design.flow.step', { n: numbers.get(step.id)! })}: </span>
                              {step.title}
                            </h4>
                            <p className="muted">
                              <span className="tag">{step.stepKind === 'decision' ? t('flow.decision') : t('flow.task')}</span> {step.intro}
                            </p>
                            <StateLine node={node} names={names} />
                          </div>
                        </div>
                        <StatusPicker name={`flow-${step.id}`} value={step.status} label={`${t('status.label')}: ${step.title}`} onChange={(status) => edit({ type: 'setStatus', itemId: step.id, status })} />
                      </li>
                    );
                  })}
                </ol>
              </div>
            </div>
          </section>
        );
      })}
    </div>
  );
}

function StateLine({ node, names }: { node: FlowNode; names: (ids: readonly string[]) => string }) {
  const { t } = useI18n();
  const Shape = STATE_ICON[node.state];
  const text =
    node.state === 'outOfOrder'
      ? t('design.flow.outOfOrder', { steps: names(node.aheadOf) })
      : node.state === 'waiting'
        ? t('design.flow.waitingOn', { steps: names(node.waitingFor) })
        : node.state === 'inProgress' && node.waitingFor.length > 0
          ? t('design.flow.inProgressWaiting', { steps: names(node.waitingFor) })
          : node.state === 'ready'
            ? t('flow.ready')
            : t(STATE_KEY[node.state]);
  return (
    <p className={`flow-state flow-state-${node.state}`}>
      <Shape className="icon" size={16} aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}

function FlowLegend() {
  const { t } = useI18n();
  return (
    <p className="chart-legend flow-legend">
      <span className="chart-legend-title">{t('design.flow.legend')}:</span>
      {LEGEND.map((state) => {
        const Shape = STATE_ICON[state];
        return (
          <span key={state} className={`flow-legend-item flow-chip is-${state}`}>
            <Shape className="icon" size={14} aria-hidden="true" />
            {t(STATE_KEY[state])}
          </span>
        );
      })}
    </p>
  );
}

interface Arrow {
  from: string;
  to: string;
  d: string;
}

/**
 * Boxes are laid out by CSS (rows by dependency depth, text wraps); the arrows are drawn after
 * layout from the boxes' real positions, and again whenever the chart changes size.
 */
function FlowChart({ layout, steps, numbers }: { layout: FlowLayout; steps: readonly ChecklistItem[]; numbers: Map<string, number> }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [arrows, setArrows] = useState<Arrow[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const byId = new Map(steps.map((s) => [s.id, s]));
  const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
  const edgeKey = layout.edges.map((e) => `${e.from}>${e.to}`).join(',');

  useLayoutEffect(() => {
    const container = box.current;
    if (!container) return;
    const draw = () => {
      const origin = container.getBoundingClientRect();
      const rect = (id: string) => container.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      const next: Arrow[] = [];
      for (const e of layout.edges) {
        const a = rect(e.from);
        const b = rect(e.to);
        if (!a || !b) continue;
        const x1 = a.left + a.width / 2 - origin.left;
        const y1 = a.bottom - origin.top;
        const x2 = b.left + b.width / 2 - origin.left;
        const y2 = b.top - origin.top - 3;
        const bend = Math.max(18, (y2 - y1) / 2);
        next.push({ from: e.from, to: e.to, d: `M ${x1.toFixed(1)} ${y1.toFixed(1)} C ${x1.toFixed(1)} ${(y1 + bend).toFixed(1)}, ${x2.toFixed(1)} ${(y2 - bend).toFixed(1)}, ${x2.toFixed(1)} ${y2.toFixed(1)}` });
      }
      setArrows(next);
      setSize({ width: origin.width, height: origin.height });
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(container);
    return () => observer.disconnect();
    // The edges' identity changes every render; their content (edgeKey) and the steps are what matter.
  }, [edgeKey, steps]);

  return (
    <div className="flowchart" ref={box} aria-hidden="true" data-testid="flowchart">
      <svg className="flowchart-arrows" width={size.width} height={size.height} viewBox={`0 0 ${size.width || 1} ${size.height || 1}`}>
        <defs>
          <marker id="flow-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#4c5a68" />
          </marker>
        </defs>
        {arrows.map((a) => (
          <path key={`${a.from}>${a.to}`} className="flow-arrow" data-from={a.from} data-to={a.to} d={a.d} markerEnd="url(#flow-arrowhead)" />
        ))}
      </svg>
      {layout.layers.map((row, r) => (
        <div key={r} className="flowchart-row">
          {row.map((id) => {
            const step = byId.get(id)!;
            const node = nodes.get(id)!;
            const Shape = STATE_ICON[node.state];
            const Kind = step.stepKind === 'decision' ? SquareCheck : ListChecks;
            return (
              <div key={id} className={`flow-box is-${node.state}`} data-step={id} title={step.title}>
                <span className="flow-box-top">
                  <span className="flow-box-number">{numbers.get(id)}</span>
                  <Kind className="icon" size={14} aria-hidden="true" />
                  <span className="flow-box-kind">{step.stepKind === 'decision' ? t('flow.decision') : t('flow.task')}</span>
                </span>
                <span className="flow-box-title">{step.title}</span>
                <span className="flow-box-state">
                  <Shape className="icon" size={14} aria-hidden="true" />
                  {t(STATE_KEY[node.state])}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
