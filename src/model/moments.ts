// Arrivals and departures during a meeting. A moment is a time (printed), a point of the agenda (used to
// count who was there at each deliberation), or both. Points are positions: [4] is the fourth item,
// [4, 2] its second sub-item; the opening comes before [1].
import type { Moment } from './schema.js';

export interface ResolvedMoment {
  time?: string;
  /** 1-based position path of the agenda item. */
  point?: number[];
}

/** The agenda position of something: [] for the opening, [2, 1] for the first sub-item of the second item. */
export type PointPath = number[];

export function parsePointRef(ref: number | string): number[] {
  return typeof ref === 'number' ? [ref] : ref.split('.').map(Number);
}

/** Whether the agenda has the item at this position ([4, 2]: the second sub-item of the fourth). */
export function pointExists(points: readonly { points?: readonly unknown[] }[], point: number[]): boolean {
  let items: readonly { points?: readonly unknown[] }[] | undefined = points;
  for (const index of point) {
    const item = items?.[index - 1];
    if (!item) return false;
    items = item.points as { points?: readonly unknown[] }[] | undefined;
  }
  return true;
}

export function momentOf(moment: Moment): ResolvedMoment {
  if (moment === true) return {}; // during the meeting, neither time nor point recorded
  if (typeof moment === 'number') return { point: [moment] };
  if (typeof moment === 'string') return /^\d+(\.\d+)*$/.test(moment) ? { point: parsePointRef(moment) } : { time: moment };
  return { ...(moment.heure ? { time: moment.heure } : {}), ...(moment.point !== undefined ? { point: parsePointRef(moment.point) } : {}) };
}

/** Whether `at` is the item `ref` itself, one of its sub-items, or any later item. */
export function atOrAfter(at: PointPath, ref: number[]): boolean {
  for (let i = 0; i < ref.length; i++) {
    if (i >= at.length) return false; // `at` is an ancestor of ref, or the opening: before it
    if (at[i]! !== ref[i]!) return at[i]! > ref[i]!;
  }
  return true;
}

/** The opening of the meeting, before the first point: where the quorum is recorded. */
export const OPENING: PointPath = [];

/**
 * Whether someone with this arrival and departure was in the room at `at` (undefined: at some time
 * during the meeting). Whoever arrives after the start is not there at the opening. A moment with only a
 * time cannot be placed in the agenda: it does not limit the counts of the points (the cross-checks warn
 * when votes depend on it).
 */
export function inRoomAt(presence: { arrival?: ResolvedMoment; departure?: ResolvedMoment }, at: PointPath | undefined): boolean {
  if (at === undefined) return true;
  if (at.length === 0 && presence.arrival) return false;
  if (presence.arrival?.point && !atOrAfter(at, presence.arrival.point)) return false;
  if (presence.departure?.point && atOrAfter(at, presence.departure.point)) return false;
  return true;
}

/** "4", "4.2": a point path as the file writes it. */
export function pointLabel(point: number[]): string {
  return point.join('.');
}
