import { z } from 'zod';

export const windowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800, maximized: false };

interface Display {
  workArea: { x: number; y: number; width: number; height: number };
}

/** Saved bounds, unless they are damaged or would put the window off every screen (a monitor was unplugged). */
export function restoreBounds(saved: unknown, displays: readonly Display[]): WindowBounds {
  const parsed = windowBoundsSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_BOUNDS;
  const bounds = parsed.data;
  if (bounds.x === undefined || bounds.y === undefined) return { ...bounds, x: undefined, y: undefined };
  const { x, y } = bounds;
  const visible = displays.some(({ workArea: a }) => x + 100 > a.x && y + 50 > a.y && x < a.x + a.width - 100 && y < a.y + a.height - 50);
  return visible ? bounds : { width: bounds.width, height: bounds.height, maximized: bounds.maximized };
}
