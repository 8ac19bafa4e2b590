import { describe, expect, it } from 'vitest';
import { municipalityDocumentId } from '../../src/backend/engine/ids';
import { startTeamServer } from '../../src/backend/team/server';
import { member, seedDocument, startClient, tempDir, waitFor, type TestDoc } from './helpers';

describe('team server smoke', () => {
  it('carries a change from one client to another', async () => {
    const workspace = await tempDir('server');
    const a = await member(workspace, 'A', 'editor');
    const b = await member(workspace, 'B', 'editor');
    const server = await startTeamServer({ workspace, log: () => undefined });
    const ca = await startClient(server.url, a);
    const cb = await startClient(server.url, b);
    const id = municipalityDocumentId('m1');
    const h = seedDocument(ca.repo, 'm1', id);
    h.change((d) => { d.edits.x = 'a'; });
    const t0 = Date.now();
    const hb = await cb.repo.find<TestDoc>(id);
    await waitFor(hb, (d) => d.edits.x === 'a');
    console.log('first', Date.now() - t0);
    const t1 = Date.now();
    hb.change((d) => { d.edits.y = 'b'; });
    await waitFor(h, (d) => d.edits.y === 'b');
    console.log('second', Date.now() - t1);
    expect(h.doc().edits).toEqual({ x: 'a', y: 'b' });
    await ca.close(); await cb.close(); await server.close();
  });
});
