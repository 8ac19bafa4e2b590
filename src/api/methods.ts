/**
 * The names of every api call. Kept free of imports so the Electron preload can check a
 * method name without bundling the schemas; contract.ts must define exactly these.
 */
export const METHODS = [
  'app.info',
  'packs.list',
  'packs.get',
  'municipality.list',
  'municipality.unavailable',
  'municipality.create',
  'municipality.createSample',
  'municipality.open',
  'municipality.applyEdits',
  'municipality.save',
  'municipality.rename',
  'municipality.duplicate',
  'municipality.delete',
  'municipality.restore',
  'municipality.trash',
  'municipality.import',
  'municipality.importCheck',
  'municipality.export',
  'municipality.packUpdate',
  'municipality.applyPackUpdate',
  'plan.preview',
  'plan.export',
  'portfolio.get',
  'portfolio.export',
  'evaluation.import',
  'municipality.live',
  'municipality.change',
  'municipality.log',
  'workspace.sharing',
  'workspace.setSharing',
  'municipality.presence',
] as const;

export type Method = (typeof METHODS)[number];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (METHODS as readonly string[]).includes(name);
}
