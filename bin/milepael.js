#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx milepael` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  // Unexpected: still one line for the user, the details only when asked for.
  process.stderr.write(`milepael: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.MILEPAEL_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 3;
}
