// `npm run bench`: every benchmark prints its figure (and its goal where the issue sets one).
import os from 'node:os';
import { benchPlanExport } from './plan-export';
import { benchScoreWorkspace } from './score-workspace';
import { benchWorkspaceHistory } from './workspace-history';
import { benchBundle, benchSave } from './save-and-bundle';
import { benchUi } from './ui';
import { benchTeamLatency } from './team-latency';
import { benchEngineSync } from './engine-sync';
import { execFileSync } from 'node:child_process';
import { benchCliStart } from './cli-start';
import { benchGrowth } from './growth';
import { benchScaleUi } from './scale-ui';

// Every figure is a median over several runs with its range; where a goal is relative, the
// reference (plain Node, a blank page) is measured in the same run. BENCH_RUNS changes the count.
console.log(`Milepæl benchmarks – Node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
await benchScoreWorkspace();
await benchPlanExport();
await benchWorkspaceHistory();
await benchSave();
await benchTeamLatency();
await benchEngineSync();
execFileSync('npm', ['run', '--silent', 'build:ui'], { stdio: 'ignore' });
await benchBundle();
await benchUi();
await benchScaleUi();
await benchCliStart();
await benchGrowth();
