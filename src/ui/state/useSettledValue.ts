import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`, or at once when `delayMs` is 0. Typing in
 * a filter then costs one cheap frame per key; the list, whose new rows cost a layout of their own,
 * follows when the typing pauses.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delayMs === 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs === 0 ? value : settled;
}
