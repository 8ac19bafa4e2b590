// `npm start`: the desktop app where Electron's program is installed, otherwise the browser edition.
import { spawn } from 'node:child_process';
import { buildNode, nodeBuildIsStale, uiBuildIsStale } from './build-node.mjs';
import { findElectronBinary } from './electron-binary.mjs';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

const electron = findElectronBinary();
if ('path' in electron) {
  const built = await run('npx', ['electron-vite', 'build']);
  process.exit(built === 0 ? await run(electron.path, ['.']) : built);
} else {
  console.log(`Electron is not available here (${electron.missing}), so Milepæl starts its browser edition on 127.0.0.1 with sample data.`);
  // `npm install` built both (the prepare script); build again only what a pull or an edit made stale.
  const uiBuilt = (await uiBuildIsStale()) ? await run('npm', ['run', '--silent', 'build:ui']) : 0;
  if (uiBuilt !== 0) process.exit(uiBuilt);
  if (await nodeBuildIsStale()) await buildNode();
  process.exit(await run(process.execPath, ['out/node/web.js', '--sample']));
}
