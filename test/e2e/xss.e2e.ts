import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistEdit } from '../../src/core/checklist/edits';
import { planOptionsSchema } from '../../src/core/plan/options';
import { launchChromium, startEdition, type Edition } from './harness';

/** Each payload sets window.__xss or reaches for evil.test when it gets a chance to run. */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3">',
  '<iframe src="javascript:window.top.__xss=4">',
  '<a href="javascript:window.__xss=5">klik</a>',
  '[klik](javascript:window.__xss=6)',
  '![x](http://evil.test/7.png)',
  '<body onload=window.__xss=8>',
  '"><script>window.__xss=9</script>',
  "'><img src=x onerror=window.__xss=10>",
  '<details open ontoggle=window.__xss=11>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=12>',
  "<style>@import 'http://evil.test/13.css'</style>",
  '<link rel=stylesheet href=http://evil.test/14.css>',
  '<object data="javascript:window.__xss=15">',
  '<embed src="javascript:window.__xss=16">',
  '<form action="javascript:window.__xss=17"><button>x</button></form>',
  '<input autofocus onfocus=window.__xss=18>',
  '<video><source onerror="window.__xss=19"></video>',
  '<marquee onstart=window.__xss=20>',
  'javascript:window.__xss=21',
  'data:text/html,<script>window.__xss=22</script>',
  "{{constructor.constructor('window.__xss=23')()}}",
  '${window.__xss=24}',
  '<meta http-equiv="refresh" content="0;url=http://evil.test/25">',
  '<base href="http://evil.test/26/">',
  '[a](<javascript:window.__xss=27>)',
  '<img src="http://evil.test/28.png">',
  '&lt;script&gt;window.__xss=29&lt;/script&gt;',
  '<svg><script>window.__xss=30</script></svg>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=31>">',
  '![x](data:image/svg+xml,<svg onload=window.__xss=32>)',
  '<div style="background:url(http://evil.test/33.png)">x</div>',
];

let browser: Browser;
let edition: Edition;
let municipalityId: string;
const external: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  edition = await startEdition();
  const file = await edition.service.create(PAYLOADS[0]!, 'familieraadslagning');
  municipalityId = file.id;
  const milestones = file.items.filter((i) => i.kind === 'milestone');
  const edits: ChecklistEdit[] = [{ type: 'addItem', title: PAYLOADS[1]!, driverId: 'ledelse' }];
  PAYLOADS.forEach((payload, n) => {
    const item = milestones[n % milestones.length]!;
    edits.push(
      { type: 'setTitle', itemId: item.id, title: `${n} ${payload}` },
      { type: 'setIntro', itemId: item.id, intro: `${payload}\n\n${PAYLOADS.join('\n')}` },
      { type: 'setNotes', itemId: item.id, notes: payload },
      { type: 'setOwner', itemId: item.id, owner: payload.slice(0, 200) },
      { type: 'answerQuestion', itemId: item.id, questionId: item.questions[0]!.id, answer: payload },
      { type: 'editQuestion', itemId: item.id, questionId: item.questions[1]!.id, text: payload },
      { type: 'addEvidence', itemId: item.id, label: payload, target: n % 2 ? payload : `javascript:window.__xss=${n}` },
      { type: 'setDueDate', itemId: item.id, dueDate: '2020-01-01' },
    );
  });
  edits.push({ type: 'recordSnapshot', date: '2026-01-01', label: PAYLOADS[2]! }, { type: 'recordSnapshot', date: '2026-02-01', label: PAYLOADS[3]! });
  await edition.service.applyEdits(file.id, 0, edits);
});
afterAll(async () => {
  await browser.close();
  await edition.server.close();
});

async function watchedPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return page;
}

const executed = (page: Page) => page.evaluate('window.__xss');

describe(`${PAYLOADS.length} script-injection payloads`, () => {
  it('stay text in every screen of the app: nothing runs, nothing leaves the machine', async () => {
    const page = await watchedPage();
    await page.goto(`${edition.url}#/kommune/${municipalityId}/tjekliste`);
    await page.getByTestId('overall-score').waitFor();
    const show = page.getByRole('button', { name: 'Vis detaljer' });
    while ((await show.count()) > 0) await show.first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(PAYLOADS[0]);
    const text = await page.locator('main').textContent();
    for (const payload of PAYLOADS) expect(text, payload).toContain(payload);
    // Each tab is loaded lazily: wait for its own content, so a view that renders late is checked too.
    const flowTitle = (await edition.service.open(municipalityId)).file.framework.flows[0]!.title;
    const views = [
      { tab: 'Overblik', content: page.getByRole('heading', { name: 'Implementeringsdrivere' }) },
      { tab: 'Udvikling', content: page.getByRole('heading', { name: 'Hvad har flyttet sig?' }) },
      { tab: 'Forløbet i år 1', content: page.getByRole('heading', { name: flowTitle }) },
      { tab: 'Plan', content: page.locator('.plan-preview h1') },
    ];
    for (const { tab, content } of views) {
      await page.getByRole('link', { name: tab }).click();
      await content.first().waitFor();
      expect(await executed(page), tab).toBeUndefined();
    }
    await page.goto(`${edition.url}#/`);
    await page.locator('.municipality-card').waitFor();
    await page.goto(`${edition.url}#/portefoelje`);
    await page.locator('.portfolio-table').waitFor();
    expect(await executed(page)).toBeUndefined();
    expect(external).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('stay text in the HTML plan opened in Chromium', async () => {
    const plan = await edition.service.exportPlan(municipalityId, 'html', planOptionsSchema.parse({}));
    const html = new TextDecoder().decode(plan.data);
    const page = await watchedPage();
    await page.setContent(html, { waitUntil: 'load' });
    expect(await executed(page)).toBeUndefined();
    // The plan's only <meta http-equiv> is its own Content-Security-Policy.
    expect(await page.locator('script, iframe, object, embed, img, form, input, link, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"])').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain(PAYLOADS[0]);
    expect(external).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('stay text in the Word plan: links only to web addresses, no fields that load or run anything', async () => {
    const plan = await edition.service.exportPlan(municipalityId, 'docx', planOptionsSchema.parse({}));
    const zip = await JSZip.loadAsync(plan.data);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    // The plan's own contents field (TOC) is allowed; INCLUDE and HYPERLINK fields are not.
    expect(xml).not.toMatch(/<script|w:instrText[^>]*>\s*(INCLUDE|HYPERLINK)/);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const external = [...rels.matchAll(/Target="([^"]*)"\s+TargetMode="External"|TargetMode="External"\s+Target="([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
    // Evidence that is a web address is a real link (issue 14); a javascript: or file: target never is.
    expect(external.filter((target) => !/^https?:\/\//i.test(target))).toEqual([]);
  });
});
