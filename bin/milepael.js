#!/usr/bin/env node
// Runs the compiled CLI in out/node/ (built by `npm install` through the prepare script, or by
// `npm run build:node`). No TypeScript is compiled here, so the command starts as fast as Node.
import { existsSync } from 'node:fs';

const compiled = new URL('../out/node/cli.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('milepael: the command is not built yet: run "npm install" or "npm run build:node" in the Milepæl folder.\n');
  process.exit(2);
}
const { runCli } = await import(compiled.href);
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
