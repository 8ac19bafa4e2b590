// `npm run bench`: every benchmark prints its figure (and its goal where the issue sets one).
import { benchScoreWorkspace } from './score-workspace';

console.log(`Milepæl benchmarks – Node ${process.version}, ${process.platform}/${process.arch}`);
await benchScoreWorkspace();
