// `npm run scan:electron`: builds the desktop app and runs electronegativity over it. Fails on any
// high or medium finding of firm or certain confidence; tentative ones are printed for review.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const report = path.join(root, 'test-results', 'electronegativity.csv');
mkdirSync(path.dirname(report), { recursive: true });

execFileSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
// electronegativity asks the network for Electron's release list and says so when it cannot; the
// version given with -e is what the checks use.
execFileSync(bin('electronegativity'), ['-i', path.join(root, 'out'), '-e', electronVersion, '-o', report, '-r'], { cwd: root, stdio: 'ignore' });

const findings = readFileSync(report, 'utf8')
  .split('\n')
  .map((line) => /^([A-Z_]+),"(\w+)","(\w+)","([^"]*)","([^"]*)","(.*?)","/.exec(line))
  .filter(Boolean)
  .map(([, check, severity, confidence, file, location, sample]) => ({ check, severity, confidence, file, location, sample }));
const blocking = findings.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity) && ['FIRM', 'CERTAIN'].includes(f.confidence));
const review = findings.filter((f) => !blocking.includes(f));

console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${blocking.length} high/medium of firm or certain confidence`);
for (const f of review) console.log(`  review: ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location} ${f.sample}`);
for (const f of blocking) console.error(`  FAIL: ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location} ${f.sample}`);
process.exit(blocking.length > 0 ? 1 : 0);
