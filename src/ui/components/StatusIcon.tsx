import { Ban, CircleCheck, CircleDashed, Circle, type LucideIcon } from 'lucide-react';
import type { Status } from '../../core/schema/common';

/** One shape per status, so a status reads without colour (and in greyscale print). */
export const STATUS_ICON: Record<Status, LucideIcon> = { not_started: Circle, in_progress: CircleDashed, in_place: CircleCheck, not_relevant: Ban };

export function StatusIcon({ status, size = 16 }: { status: Status; size?: number }) {
  const Shape = STATUS_ICON[status];
  return <Shape className="icon" size={size} aria-hidden="true" strokeWidth={2.25} />;
}
