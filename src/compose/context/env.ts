// What every part of the context builder needs from the resolved meeting: people and their names, the
// chair, the meeting's counts, and the template's defaults for the head and the numbering.
import { computeCounts, type MeetingCounts } from '../../model/counts.js';
import { displayName } from '../../model/names.js';
import type { ResolvedMeeting, ResolvedPerson } from '../../model/resolve.js';
import type { HeadBlock, HeadEntry } from '../../model/schema.js';
import { DEFAULT_NUMBERING, type Numbering } from '../numbering.js';
import type { TemplateDefaults } from '../template.js';

/** The head of a compte rendu when neither the meeting's style nor the template says otherwise. */
const DEFAULT_HEAD: HeadBlock[] = ['date', 'titre', 'preambule', 'presidence', 'secretariat', 'officiers', 'presents', 'excuses', 'absents', 'invites', 'autres_listes'];

export interface ContextEnv {
  r: ResolvedMeeting;
  person(id: string): ResolvedPerson | undefined;
  /** "Mme Anne DURAND" (style.personnes); the id when the person is unknown. */
  full(id: string): string;
  /** "Mme DURAND". */
  nameOf(id: string): string;
  chair: ResolvedPerson | undefined;
  /** The counts at the end of the meeting. */
  counts: MeetingCounts;
  entete: HeadEntry[];
  numbering: readonly Numbering[];
}

export function contextEnv(r: ResolvedMeeting, defaults: TemplateDefaults = {}): ContextEnv {
  const person = (id: string) => r.people.get(id);
  const named = (id: string, form: 'full' | 'short') => {
    const p = person(id);
    return p ? displayName(p, form, r.style.personnes) : id;
  };
  return {
    r,
    person,
    full: (id) => named(id, 'full'),
    nameOf: (id) => named(id, 'short'),
    chair: person(r.meeting.seance.presidence),
    counts: computeCounts(r),
    entete: r.style.entete ?? defaults.entete ?? DEFAULT_HEAD,
    numbering: r.style.numerotation ?? defaults.numerotation ?? DEFAULT_NUMBERING,
  };
}
