import type { BrowserWindow as BrowserWindowClass } from 'electron';
import type { PdfRenderer } from '../src/backend/plan/pdf';
import { createSecureWindow } from './security';

/** The desktop app prints plans with Electron's own printToPDF, in a hidden window with scripts off. */
export function electronPdfRenderer(BrowserWindow: typeof BrowserWindowClass): PdfRenderer {
  return async (html, footer) => {
    const window = createSecureWindow(BrowserWindow, { show: false }, { javascript: false });
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const escaped = footer.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return new Uint8Array(
        await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;color:#52606d">${escaped} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        }),
      );
    } finally {
      window.destroy();
    }
  };
}
