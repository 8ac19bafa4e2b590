import { lazy } from 'react';
import type { Tab } from '../router';

/**
 * The municipality's tabs other than the checklist (where a municipality opens) and the dashboard
 * (where a steering group is sent), each its own chunk: a page evaluates only the code of the tab
 * it shows (the dashboard's cold load was 1.5–2.3× a blank page, partly code for tabs nobody had
 * opened). `preloadTab` starts a download early.
 */
const loaders = {
  history: () => import('./HistoryView').then((m) => ({ default: m.HistoryView })),
  flow: () => import('./FlowView').then((m) => ({ default: m.FlowView })),
  evaluation: () => import('./EvaluationView').then((m) => ({ default: m.EvaluationView })),
  steering: () => import('./SteeringView').then((m) => ({ default: m.SteeringView })),
  plan: () => import('./PlanView').then((m) => ({ default: m.PlanView })),
  method: () => import('./MethodView').then((m) => ({ default: m.MethodView })),
  log: () => import('./ChangeLogView').then((m) => ({ default: m.ChangeLogView })),
};

export const HistoryView = lazy(loaders.history);
export const FlowView = lazy(loaders.flow);
export const EvaluationView = lazy(loaders.evaluation);
export const SteeringView = lazy(loaders.steering);
export const PlanView = lazy(loaders.plan);
export const MethodView = lazy(loaders.method);
export const ChangeLogView = lazy(loaders.log);

export function preloadTab(tab: Tab): void {
  if (tab in loaders) void loaders[tab as keyof typeof loaders]().catch(() => undefined);
}
