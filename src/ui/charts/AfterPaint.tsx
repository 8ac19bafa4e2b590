import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children one frame after the rest of the screen has painted: the dashboard's numbers,
 * tables and action lists come first, the pictures (which repeat those numbers) right after, so a
 * cold start shows what can be read and used without waiting for the drawing.
 */
export function AfterPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted ? children : null;
}
