// The counts as templates print them: the meeting's (with its counts line and quorum sentence) and a
// deliberation's, when arrivals or departures make them differ from the meeting's.
import { computeCounts, type MeetingCounts } from '../../model/counts.js';
import type { PointPath } from '../../model/moments.js';
import { fillPlaceholders } from '../../model/phrases.js';
import type { ContextEnv } from './env.js';
import type { ContextCounts, ContextInstance, ContextQuorum, TemplateContext } from './types.js';

export function contextCounts(counts: MeetingCounts): ContextCounts {
  return {
    en_exercice: counts.total.inOffice,
    presents: counts.total.present,
    representes: counts.total.represented,
    excuses: counts.total.excused,
    absents: counts.total.absent,
    votants: counts.total.voters,
  };
}

/** « Présents : 22 – Représentés : 3 – Votants : 25 », or the body's own (style.phrases.effectifs_point). */
function pointCountsLine(env: ContextEnv, c: ContextCounts): string {
  return fillPlaceholders(env.r.style.phrases.effectifs_point ?? 'Présents : {presents} – Représentés : {representes} – Votants : {votants}', {
    en_exercice: String(c.en_exercice),
    presents: String(c.presents),
    representes: String(c.representes),
    votants: String(c.votants),
    excuses: String(c.excuses),
    absents: String(c.absents),
  });
}

/** A deliberation's counts with their line, given only when someone arrived or left before it. */
export function countsAt(env: ContextEnv, at: PointPath): ContextCounts | undefined {
  const here = contextCounts(computeCounts(env.r, at));
  const whole = contextCounts(env.counts);
  return JSON.stringify(here) === JSON.stringify(whole) ? undefined : { ...here, ligne: pointCountsLine(env, here) };
}

/** The meeting's counts, its counts line (block effectifs) and its quorum sentence (block quorum). */
export function meetingCounts(env: ContextEnv, instance: ContextInstance, phrases: TemplateContext['phrases']): TemplateContext['effectifs'] {
  const c = contextCounts(env.counts);
  const quorum = env.counts.quorum;
  // A house style's sentence left empty falls back to the default one, as a template's {{#if}} did.
  const line = phrases.effectifs || `En exercice : ${c.en_exercice} – Présents : ${c.presents} – Représentés : ${c.representes} – Votants : ${c.votants}`;
  if (!quorum) return { ...c, ligne: line };
  const counted = quorum.includesRepresented ? 'membres présents ou représentés' : 'membres présents';
  const figures = `(${quorum.counted} ${counted} pour ${quorum.required} requis)`;
  const phrase = quorum.secondConvocation
    ? `${instance.Le}, ${instance.reuni} sur seconde convocation, délibère valablement quel que soit le nombre des membres présents.`
    : quorum.reached
      ? phrases.quorum || `Le quorum étant atteint ${figures}, ${instance.le} peut valablement délibérer.`
      : phrases.quorum_non_atteint || `Le quorum n’étant pas atteint ${figures}, ${instance.le} ne peut pas valablement délibérer.`;
  const context: ContextQuorum = { atteint: quorum.reached, seconde_convocation: quorum.secondConvocation, requis: quorum.required, compte: quorum.counted, comptes: counted, phrase };
  return { ...c, ligne: line, quorum: context };
}
