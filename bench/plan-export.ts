// Figures, not a test: plans for all 98 municipalities as DOCX and Markdown, against pandoc.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPlan, planOptionsSchema, planToMarkdown } from '../src/core/plan';
import { planToDocx } from '../src/backend/plan/docx';
import { generatePortfolio } from './fixtures';
import { anonymise, buildPortfolio } from '../src/core/portfolio';
import { bundledContentDir, loadPackFolder } from '../src/backend/packs/fs-packs';

const ms = (start: number) => performance.now() - start;

export async function benchPlanExport(): Promise<void> {
  const portfolio = await generatePortfolio();
  const options = planOptionsSchema.parse({ author: 'Bench' });
  const dir = await mkdtemp(path.join(tmpdir(), 'milepael-bench-'));
  const n = portfolio.length;

  let start = performance.now();
  const markdown = portfolio.map((file) => planToMarkdown(buildPlan(file, options, '2026-11-22')));
  const mdMs = ms(start);

  start = performance.now();
  for (const file of portfolio) await planToDocx(buildPlan(file, options, '2026-11-22'));
  const docxMs = ms(start);

  const pack = await loadPackFolder(path.join(bundledContentDir(), 'familieraadslagning'));
  if (!pack.ok) throw new Error('bundled pack is invalid');
  start = performance.now();
  const overview = anonymise(buildPortfolio(pack.value, portfolio, '2026-11-22'));
  console.log(`portfolio of ${overview.municipalities.length} municipalities (heatmap, scores, overdue, stale; anonymised): ${ms(start).toFixed(1)} ms from parsed files`);

  console.log(`plan export, ${n} municipalities:`);
  console.log(`  Markdown  ${(mdMs / n).toFixed(2)} ms per plan (${mdMs.toFixed(0)} ms total)`);
  console.log(`  DOCX      ${(docxMs / n).toFixed(2)} ms per plan (${docxMs.toFixed(0)} ms total, two charts rasterised per plan)`);

  const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (pandoc.status !== 0) {
    console.log('  pandoc    not installed (apt-get install pandoc) – no comparison');
    return;
  }
  const files = await Promise.all(markdown.map(async (md, i) => {
    const file = path.join(dir, `${i}.md`);
    await writeFile(file, md);
    return file;
  }));
  start = performance.now();
  for (const file of files) execFileSync('pandoc', [file, '-f', 'markdown', '-t', 'docx', '-o', file.replace(/\.md$/, '.docx')], { stdio: 'ignore' });
  const pandocMs = ms(start);
  const version = pandoc.stdout.split('\n')[0];
  console.log(`  pandoc    ${(pandocMs / n).toFixed(2)} ms per plan for the same Markdown → DOCX (${version}, one process per plan)`);
  console.log(`  goal: DOCX faster than pandoc per plan – ${docxMs < pandocMs ? 'met' : 'NOT met'} (${(pandocMs / docxMs).toFixed(1)}× )`);
}
