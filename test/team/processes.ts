import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A child process whose stdout lines can be awaited. */
export interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: () => string;
  waitFor(predicate: (line: string) => boolean, ms?: number): Promise<string>;
  send(line: string): void;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

export function startChild(args: string[]): Child {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  const lines: string[] = [];
  const waiters: Array<{ predicate: (line: string) => boolean; resolve: (line: string) => void }> = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (running.delete(child), resolve(code))));
  return {
    process: child,
    lines,
    stderr: () => stderr,
    exited,
    send: (line) => void child.stdin.write(`${line}\n`),
    waitFor: (predicate, ms = 120_000) => {
      const earlier = lines.find(predicate);
      if (earlier !== undefined) return Promise.resolve(earlier);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; stdout: ${lines.slice(-5).join(' | ')}; stderr: ${stderr.slice(-500)}`)), ms);
        waiters.push({ predicate, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
  };
}

/** `milepael serve` as its own process, as an operator would run it. */
export async function startServeProcess(workspace: string, port: number): Promise<Child> {
  const server = startChild([path.join(root, 'bin/milepael.js'), 'serve', '--workspace', workspace, '--port', String(port)]);
  await server.waitFor((line) => line.includes('team server is running at'));
  return server;
}

export function tsChild(script: string, args: string[]): Child {
  return startChild(['--import', 'tsx', path.join(root, script), ...args]);
}

export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
