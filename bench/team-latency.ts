// Figures, not a test: how long a change takes to show on a second client through the team
// server (a separate `milepael serve` process on loopback), beside a plain WebSocket round trip
// measured in the same run as the floor of what the network part costs.
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { municipalityDocumentId } from '../src/backend/engine/ids';
import { member, seedDocument, startClient, tempDir, waitFor, type TestDoc } from '../test/team/helpers';
import { freePort, killAll, startServeProcess } from '../test/team/processes';
import { median, percentile } from './stats';

const SAMPLES = 200;

async function websocketRoundTrips(samples: number): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => socket.once('open', r));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    socket.send(new Uint8Array(300));
    await new Promise((r) => socket.once('message', r));
    times.push(performance.now() - start);
  }
  socket.close();
  await new Promise((r) => server.close(r));
  return times;
}

export async function benchTeamLatency(): Promise<void> {
  const workspace = await tempDir('bench-team');
  const keys = [await member(workspace, 'Projektleder', 'editor'), await member(workspace, 'Teammedlem', 'editor')];
  const port = await freePort();
  const server = await startServeProcess(workspace, port);
  const url = `http://127.0.0.1:${port}`;
  const writer = await startClient(url, keys[0]!);
  const reader = await startClient(url, keys[1]!);
  const id = municipalityDocumentId('bench');
  const source = seedDocument(writer.repo, 'bench', id);
  source.change((d) => void (d.edits.ready = 'ja'));
  const target = await reader.repo.find<TestDoc>(id);
  await waitFor(target, (d) => d.edits.ready === 'ja', 60_000);

  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const value = `ændring ${i}`;
    const start = performance.now();
    source.change((d) => void (d.edits[`item-${i % 17}`] = value));
    await waitFor(target, (d) => d.edits[`item-${i % 17}`] === value, 10_000);
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 5));
  }
  const floor = await websocketRoundTrips(SAMPLES);
  await writer.close();
  await reader.close();
  server.process.kill('SIGTERM');
  await server.exited;
  killAll();

  const p95 = percentile(times, 95);
  console.log(
    `team server (loopback, separate process), change visible on a second client, ${SAMPLES} changes: median ${median(times).toFixed(1)} ms, ` +
      `p5–p95 ${percentile(times, 5).toFixed(1)}–${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (goal p95 < 500 ms) – ${p95 < 500 ? 'met' : 'NOT met'}; ` +
      `plain WebSocket round trip in the same run: median ${median(floor).toFixed(2)} ms (ratio ${(median(times) / median(floor)).toFixed(0)}×)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTeamLatency();
