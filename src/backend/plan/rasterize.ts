import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Regular and bold of a font the charts name, per platform; the first pair found is used. */
const FONT_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['DejaVu Sans', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['Liberation Sans', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  ['Arial', 'C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
  ['Arial', '/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
];

type FontOptions = NonNullable<ConstructorParameters<typeof Resvg>[1]>['font'];

let fonts: FontOptions | undefined;

/** Known font files load much faster than scanning every system font for each chart. */
function fontOptions(): FontOptions {
  if (fonts) return fonts;
  const pair = FONT_PAIRS.find(([, regular, bold]) => existsSync(regular) && existsSync(bold));
  fonts = pair
    ? { loadSystemFonts: false, fontFiles: [pair[1], pair[2]], defaultFontFamily: pair[0], sansSerifFamily: pair[0] }
    : { loadSystemFonts: true, defaultFontFamily: 'Arial' };
  return fonts;
}

/** SVG → PNG without a browser, for formats that cannot hold SVG on their own (DOCX). */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: fontOptions(), background: '#ffffff' });
  return resvg.render().asPng();
}
