import { Resvg } from '@resvg/resvg-js';

/** SVG → PNG without a browser, for formats that cannot hold SVG on their own (DOCX). */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
