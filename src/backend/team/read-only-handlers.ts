import type { Handlers } from '../../api/dispatch';
import type { Method } from '../../api/methods';
import { maySee, type Member } from './members';

/** Thrown for every write: dispatch shows it as an api error with this message. */
function readOnly(method: Method): never {
  throw {
    code: 'read_only',
    message: `Teamserveren viser kun Milepæl – ændringer laves i appen. (Read-only on the team server: ${method} is not allowed; make changes in the Milepæl app.)`,
  };
}

function notVisible(): never {
  throw { code: 'not_found', message: 'Kommunen findes ikke, eller du har ikke adgang til den. (The municipality does not exist or is not shared with you.)' };
}

/** The calls a read-only page may make; everything else changes data and is refused. */
const READS = [
  'app.info',
  'packs.list',
  'packs.get',
  'municipality.list',
  'municipality.open',
  'municipality.export',
  'municipality.packUpdate',
  'plan.preview',
  'plan.export',
  'portfolio.get',
  'portfolio.export',
  'municipality.live',
  'municipality.log',
  'workspace.sharing',
] as const satisfies readonly Method[];

/**
 * The browser UI served by the team server: the same handlers, read-only, and limited to the
 * municipalities the member may see. A portfolio spans every municipality of a method, so only
 * members who may see all municipalities get one.
 */
export function readOnlyHandlers(handlers: Handlers, member: () => Member): Handlers {
  const refused = Object.fromEntries(
    (Object.keys(handlers) as Method[]).filter((m) => !(READS as readonly Method[]).includes(m)).map((m) => [m, () => readOnly(m)]),
  ) as Partial<Handlers>;
  const check = (id: string) => {
    if (!maySee(member(), id)) notVisible();
  };
  const wholeTeam = () => {
    if (member().municipalities.length > 0) {
      throw { code: 'read_only', message: 'Porteføljen viser alle kommuner og er kun for dem, der har adgang til alle. (The portfolio is only for members who may see every municipality.)' };
    }
  };
  return {
    ...handlers,
    ...refused,
    'municipality.list': async (input) => (await handlers['municipality.list'](input)).filter((m) => maySee(member(), m.id)),
    'municipality.open': (input) => (check(input.id), handlers['municipality.open'](input)),
    'municipality.export': (input) => (check(input.id), handlers['municipality.export'](input)),
    'municipality.packUpdate': (input) => (check(input.id), handlers['municipality.packUpdate'](input)),
    'municipality.live': (input) => (check(input.id), handlers['municipality.live'](input)),
    'municipality.log': (input) => (check(input.id), handlers['municipality.log'](input)),
    'plan.preview': (input) => (check(input.id), handlers['plan.preview'](input)),
    'plan.export': (input) => (check(input.id), handlers['plan.export'](input)),
    // The page learns here that it is read-only (and hides its editing controls); where the server keeps its folder is none of its business.
    'workspace.sharing': async (input) => ({ ...(await handlers['workspace.sharing'](input)), location: '', readOnly: true, switchable: false }),
    'app.info': async (input) => ({ ...(await handlers['app.info'](input)), workspace: '' }),
    'portfolio.get': (input) => (wholeTeam(), handlers['portfolio.get'](input)),
    'portfolio.export': (input) => (wholeTeam(), handlers['portfolio.export'](input)),
  };
}
