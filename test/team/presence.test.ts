import { afterEach, describe, expect, it } from 'vitest';
import { municipalityDocumentId } from '../../src/backend/engine/ids';
import { joinPresence } from '../../src/backend/team/presence';
import { startTeamServer } from '../../src/backend/team/server';
import { findViaServer, member, onServer, seedDocument, startClient, tempDir, until, waitFor, type TestDoc } from './helpers';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('presence through the team server', { timeout: 30_000 }, () => {
  it('shows who else has the municipality open, under the name the server knows, and drops them when they leave', async () => {
    const workspace = await tempDir('presence');
    const leaderKey = await member(workspace, 'Projektleder', 'editor');
    const memberKey = await member(workspace, 'Teammedlem', 'viewer');
    const server = await startTeamServer({ workspace, log: () => undefined });
    open.push(server);
    const leader = await startClient(server.url, leaderKey);
    const other = await startClient(server.url, memberKey);
    open.push(leader, other);
    const id = municipalityDocumentId('aarhus');
    const leaderDoc = seedDocument(leader.repo, 'aarhus', id);
    leaderDoc.change((d) => void (d.edits.x = 'klar'));
    await onServer<TestDoc>(server.repo, id, (d) => d.edits.x === 'klar');
    const otherDoc = await findViaServer<TestDoc>(other, id);
    await waitFor(otherDoc, (d) => d.edits.x === 'klar');

    // The leader's app claims another name; the server puts the member's own name on it.
    const leaderPresence = joinPresence(leaderDoc, 'Borgmesteren', { heartbeatMs: 200 });
    const otherPresence = joinPresence(otherDoc, 'Teammedlem', { heartbeatMs: 200 });
    const seen: string[][] = [];
    otherPresence.onChange((names) => seen.push(names));
    await until(() => otherPresence.others().length > 0 && leaderPresence.others().length > 0);
    expect(otherPresence.others()).toEqual(['Projektleder']);
    expect(leaderPresence.others()).toEqual(['Teammedlem']);

    leaderPresence.stop();
    await until(() => otherPresence.others().length === 0, 3000);
    expect(seen.at(-1)).toEqual([]);
    otherPresence.stop();
  });
});
