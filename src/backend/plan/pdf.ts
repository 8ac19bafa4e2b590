import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { escapeXml } from '../../core/plan/charts';
import { BackendError } from '../errors';

/** The page footer every PDF of a plan gets, whichever engine prints it: "Aarhus Kommune · Side 3 / 15". */
export function pdfFooterTemplate(footer: string): string {
  return `<div style="font-size:8pt;width:100%;text-align:center;color:#52606d">${escapeXml(footer)} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}

/** Turns a complete HTML document into PDF bytes. */
export type PdfRenderer = (html: string, footer: string) => Promise<Uint8Array>;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findChromium(): string | null {
  const fromEnv = process.env.MILEPAEL_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

export interface ChromiumPdf {
  render: PdfRenderer;
  /** Closes the browser, if one was started. */
  close: () => Promise<void>;
}

/**
 * PDF for the browser edition and the CLI: the HTML plan printed by a headless Chromium that is
 * already on the machine (the desktop app uses Electron's printToPDF instead). The browser starts
 * on the first plan and serves every following one until `close`, so a batch starts it once.
 */
export function createChromiumPdf(executablePath: string | null = findChromium()): ChromiumPdf {
  let browser: Promise<Browser> | null = null;
  const render: PdfRenderer = async (html, footer) => {
    if (executablePath === null) {
      throw new BackendError(
        'unavailable',
        'PDF export needs Chromium, which is not installed here. Install it (Debian/Ubuntu: apt-get install chromium, or set MILEPAEL_CHROMIUM to a Chrome or Chromium program), or export HTML and print it to PDF from your browser.',
      );
    }
    browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      }),
    );
    const page = await (await browser).newPage();
    try {
      // The plan is self-contained: refuse every request so nothing leaves the machine.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(
        await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: pdfFooterTemplate(footer),
          margin: { top: '20mm', bottom: '22mm', left: '18mm', right: '18mm' },
          // Bookmarks from the headings and a tagged (accessible) PDF, as far as Chromium allows.
          outline: true,
          tagged: true,
        }),
      );
    } finally {
      await page.close();
    }
  };
  return {
    render,
    close: async () => {
      const started = browser;
      browser = null;
      if (started) await (await started).close();
    },
  };
}

/** One plan at a time (the app's export button): start Chromium, print, close it again. */
export function chromiumPdfRenderer(executablePath: string | null = findChromium()): PdfRenderer {
  return async (html, footer) => {
    const pdf = createChromiumPdf(executablePath);
    try {
      return await pdf.render(html, footer);
    } finally {
      await pdf.close();
    }
  };
}
