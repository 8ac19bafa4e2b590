import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { engineOf } from '../../src/backend/engine/registry';
import { createHandlers } from '../../src/backend/handlers';
import { connectToTeamServer } from '../../src/backend/team/connect';
import { startTeamServer } from '../../src/backend/team/server';
import { openWorkspace } from '../../src/backend/workspace';
import { member, tempDir, until } from './helpers';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function app(url: string, key: string) {
  const service = await openWorkspace({ location: await tempDir('app'), engine: { network: [connectToTeamServer(url, key, { retryMs: 200 })] }, warn: () => undefined });
  open.push(async () => engineOf(service)?.close());
  return createHandlers(service, { edition: 'browser', version: 'test' });
}

describe('municipality.presence', () => {
  it('tells each app who else has the municipality open through the team server, and nothing when working alone', async () => {
    const workspace = await tempDir('presence-api');
    const server = await startTeamServer({ workspace, log: () => undefined });
    open.push(() => server.close());
    const leader = await app(server.url, await member(workspace, 'Projektleder', 'editor'));
    const colleague = await app(server.url, await member(workspace, 'Teammedlem', 'editor'));
    const created = await dispatch(leader, 'municipality.create', { name: 'Aarhus Kommune', packId: 'familieraadslagning' });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.result as { id: string };
    await until(async () => (await dispatch(colleague, 'municipality.live', { id })).ok, 20_000);

    const ask = async (handlers: typeof leader, name: string) => {
      const answer = await dispatch(handlers, 'municipality.presence', { id, name });
      if (!answer.ok) throw new Error(answer.error.message);
      return (answer.result as { names: string[] }).names;
    };
    let leaderSees: string[] = [];
    let colleagueSees: string[] = [];
    await until(async () => {
      leaderSees = await ask(leader, 'Projektleder');
      colleagueSees = await ask(colleague, 'Teammedlem');
      return leaderSees.length > 0 && colleagueSees.length > 0;
    }, 20_000);
    expect(leaderSees).toEqual(['Teammedlem']);
    expect(colleagueSees).toEqual(['Projektleder']);

    const alone = await openWorkspace({ location: await tempDir('alone'), engine: true, warn: () => undefined });
    open.push(async () => engineOf(alone)?.close());
    const handlers = createHandlers(alone, { edition: 'browser', version: 'test' });
    const own = await dispatch(handlers, 'municipality.create', { name: 'Odense Kommune', packId: 'familieraadslagning' });
    expect(await dispatch(handlers, 'municipality.presence', { id: (own as { result: { id: string } }).result.id, name: 'Mig' })).toEqual({ ok: true, result: { names: [] } });
  }, 60_000);
});
