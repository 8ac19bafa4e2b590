import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { municipalityDocumentId } from '../../src/backend/engine/ids';
import { hashKey } from '../../src/backend/team/members';
import { startTeamServer } from '../../src/backend/team/server';
import { onServer, seedDocument, startClient, tempDir, waitFor, type TestDoc } from './helpers';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-23T10:00:00Z') });
  return { code, out, err };
}

describe('milepael team', () => {
  it('prints a key once on its own line, stores only its hash, lists and removes members', async () => {
    const workspace = await tempDir('cli-team');
    const added = await cli('team', 'add', 'Projektleder Aarhus', '--workspace', workspace, '--role', 'editor', '--municipality', 'aarhus-1');
    expect(added.code).toBe(0);
    const key = added.out.find((line) => /^mpk_[\w-]{43}$/.test(line));
    expect(key).toBeDefined();
    const stored = await readFile(path.join(workspace, 'team', 'members.json'), 'utf8');
    expect(stored).not.toContain(key!);
    expect(stored).toContain(hashKey(key!));

    const listed = await cli('team', 'list', '--workspace', workspace);
    expect(listed.out.join('\n')).toMatch(/Projektleder Aarhus {2}editor {2}aarhus-1/);
    expect(listed.out.join('\n')).not.toContain('mpk_');
    expect((await cli('team', 'add', 'projektleder aarhus', '--workspace', workspace, '--role', 'viewer')).code).toBe(1);
    expect((await cli('team', 'remove', 'Projektleder Aarhus', '--workspace', workspace)).code).toBe(0);
    expect((await cli('team', 'list', '--workspace', workspace, '--json')).out.join('')).toBe('[]');
  });

  it('says what to do about wrong calls', async () => {
    const workspace = await tempDir('cli-team');
    const cases: Array<[string[], RegExp]> = [
      [['team', 'add', 'X', '--workspace', workspace, '--role', 'boss'], /--role must be editor or viewer/],
      [['team', 'add', 'X', '--role', 'editor'], /missing --workspace DIR/],
      [['team', 'add', '--workspace', workspace, '--role', 'editor'], /give the person's name/],
      [['team', 'add', 'X', '--workspace', workspace, '--role', 'editor', '--municipality', '../etc'], /must be a municipality id/],
      [['team', 'rename'], /needs add, list or remove/],
      [['team', 'remove', 'Nobody', '--workspace', workspace], /is not a member/],
      [['serve', '--workspace', workspace, '--host', '0.0.0.0'], /give --tls-cert and --tls-key/],
      [['serve', '--workspace', workspace, '--tls-cert', 'c.pem'], /both --tls-cert and --tls-key/],
      [['serve', '--workspace', workspace, '--port', '99999'], /--port must be at most 65535/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBeGreaterThan(0);
      expect(result.err.join('\n'), argv.join(' ')).toMatch(message);
    }
  });
});

describe('the team server over TLS', () => {
  it('syncs over wss:// with a self-signed certificate the client is told to trust', async () => {
    const dir = await tempDir('tls');
    const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const workspace = await tempDir('tls-ws');
    const added = await cli('team', 'add', 'A', '--workspace', workspace, '--role', 'editor');
    const personalKey = added.out[1]!;
    const server = await startTeamServer({ workspace, tls: { cert: await readFile(cert), key: await readFile(key) }, log: () => undefined });
    expect(server.url).toMatch(/^https:/);
    const ca = await readFile(cert);
    const refusals: string[] = [];
    const untrusting = await startClient(server.url, personalKey);
    untrusting.adapter.on('peer-candidate', () => refusals.push('connected without trusting the certificate'));
    const { connectToTeamServer } = await import('../../src/backend/team/connect');
    const { Repo } = await import('@automerge/automerge-repo');
    const repoA = new Repo({ network: [connectToTeamServer(server.url, personalKey, { ca, retryMs: 200 })] });
    const repoB = new Repo({ network: [connectToTeamServer(server.url, personalKey, { ca, retryMs: 200 })] });
    const id = municipalityDocumentId('tls');
    seedDocument(repoA, 'tls', id).change((d) => void (d.edits.secure = 'ja'));
    await onServer<TestDoc>(server.repo, id, (d) => d.edits.secure === 'ja', 20_000);
    await waitFor(await repoB.find<TestDoc>(id), (d) => d.edits.secure === 'ja', 20_000);
    expect(refusals).toEqual([]);
    for (const r of [repoA, repoB]) for (const a of r.networkSubsystem.adapters) a.disconnect();
    await untrusting.close();
    await server.close();
  }, 60_000);
});
