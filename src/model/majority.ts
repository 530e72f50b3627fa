// Whether a vote adopts: by a majority of the votes cast (the default: for > against), or by a majority
// of the members present (C. trav. L. 2315-32 for a CSE: abstentions then count against).
import type { Instance } from './schema.js';

export type MajorityRule = 'exprimes' | 'presents';

export const majorityRule = (instance: Instance): MajorityRule => instance.majorite ?? 'exprimes';

/** The fewest votes for that adopt, under the "members present" rule. */
export const requiredFor = (present: number): number => Math.floor(present / 2) + 1;

/** true or false; undefined for a tie under the votes-cast rule (the chair's casting vote may settle it). */
export function adoptedBy(vote: { pour: number; contre: number }, rule: MajorityRule, present: number): boolean | undefined {
  if (rule === 'presents') return vote.pour >= requiredFor(present);
  return vote.pour === vote.contre ? undefined : vote.pour > vote.contre;
}
