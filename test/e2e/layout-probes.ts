/**
 * Checks run inside the page (as source text: the test code is compiled without DOM types).
 * Each returns a list of problems, empty when the screen is right.
 */

/** The page scrolls sideways: the document is wider than the window. */
export const HORIZONTAL_SCROLL = `(() => {
  const doc = document.documentElement;
  return doc.scrollWidth > doc.clientWidth + 1 ? ['page is ' + doc.scrollWidth + ' px wide in a ' + doc.clientWidth + ' px window'] : [];
})()`;

/**
 * Text cut off by its box: every element that holds text of its own is checked against
 * (a) its own box, when it hides overflow, and (b) every ancestor that hides overflow (clip, not
 * scroll: a table that scrolls inside its box is fine). Deliberate truncation is allowed where the
 * full text is one hover away (a title attribute on the element or an ancestor).
 */
export const CLIPPED_TEXT = `(() => {
  const problems = [];
  const hides = (style) => ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
  const label = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 50) + '"';
  const isHiddenForSighted = (el) => el.closest('.visually-hidden, [hidden], option, select, svg, script, style, noscript, title');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent || !node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || seen.has(el) || isHiddenForSighted(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const text = range.getBoundingClientRect();
    if (text.width === 0 && text.height === 0) continue;
    const truncatedOnPurpose = el.closest('[title]') !== null && (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '');
    if (hides(style) && !truncatedOnPurpose && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2)) {
      problems.push('clipped by its own box: ' + label(el) + ' (' + el.scrollWidth + '×' + el.scrollHeight + ' in ' + el.clientWidth + '×' + el.clientHeight + ')');
      continue;
    }
    // Text cut short on purpose is laid out whole under its box: the box is what must stay in the window.
    const right = truncatedOnPurpose && hides(style) ? el.getBoundingClientRect().right : text.right;
    if (right > document.documentElement.clientWidth + 1 && !el.closest('[data-scrolls]')) {
      let scroller = el.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (!scroller) problems.push('runs past the window: ' + label(el));
    }
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (['auto', 'scroll'].includes(s.overflowX) || ['auto', 'scroll'].includes(s.overflowY)) break;
      if (!hides(s)) continue;
      const box = up.getBoundingClientRect();
      const outside = text.left < box.left - 1 || text.right > box.right + 1 || text.top < box.top - 1 || text.bottom > box.bottom + 1;
      if (outside && !truncatedOnPurpose && !(up.closest('[title]') && (s.textOverflow === 'ellipsis' || s.webkitLineClamp !== 'none'))) {
        problems.push('clipped by ' + label(up) + ': ' + label(el));
        break;
      }
    }
  }
  return problems.slice(0, 20);
})()`;

/** Text nodes (and the window title) holding an emoji code point. */
export const EMOJI_TEXT = `(() => {
  const emoji = /\\p{Extended_Pictographic}/u;
  const problems = [];
  if (emoji.test(document.title)) problems.push('title: ' + document.title);
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (emoji.test(node.textContent || '')) problems.push((node.parentElement ? node.parentElement.tagName : '?') + ': ' + node.textContent.trim().slice(0, 80));
  }
  return problems;
})()`;

/**
 * Contrast of the status texts as the browser draws them: each status chip, badge and flow state
 * against the first non-transparent background behind it. Returns [selector, ratio] pairs.
 */
export const STATUS_CONTRAST = `(() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const out = [];
  for (const el of document.querySelectorAll('.status-option.is-selected, .status-badge, .status-chip, .flow-box, .flow-state, .flow-chip, .heat')) {
    const fg = parse(getComputedStyle(el).color);
    if (!fg || !el.getClientRects().length) continue;
    const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
    out.push([el.className, Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100]);
  }
  return out;
})()`;
