import { SEGMENT_STATUSES } from '@twinning/contracts';
import { DomainRuleError } from '@twinning/platform-http';

export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

const NEXT: Record<SegmentStatus, SegmentStatus[]> = { requested: ['booked', 'cancelled'], booked: ['cancelled'], cancelled: [] };

/** requested → booked → cancelled (a requested segment may be cancelled too); cancelled is final. */
export function canMove(from: SegmentStatus, to: SegmentStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: SegmentStatus, to: SegmentStatus): void {
  if (!canMove(from, to)) throw new DomainRuleError('SEGMENT.TRANSITION_NOT_ALLOWED', `a ${from} segment cannot become ${to}`, undefined, { from, to });
}
