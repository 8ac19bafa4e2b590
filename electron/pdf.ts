import type { BrowserWindow as BrowserWindowClass } from 'electron';
import { pdfFooterTemplate, type PdfRenderer } from '../src/backend/plan/pdf';
import { createSecureWindow } from './security';

/** The desktop app prints plans with Electron's own printToPDF, in a hidden window with scripts off. */
export function electronPdfRenderer(BrowserWindow: typeof BrowserWindowClass): PdfRenderer {
  return async (html, footer) => {
    const window = createSecureWindow(BrowserWindow, { show: false }, { javascript: false });
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      return new Uint8Array(
        await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: pdfFooterTemplate(footer),
          generateDocumentOutline: true,
          generateTaggedPDF: true,
        }),
      );
    } finally {
      window.destroy();
    }
  };
}
