// The values of the {placeholders} a body's own sentences may use (style.phrases, free head lines,
// the subtitle), and those sentences filled. The names are fixed in src/model/phrases.ts.
import { membersUpToDate } from '../../model/counts.js';
import { displayName } from '../../model/names.js';
import { fillPlaceholders, type Placeholder } from '../../model/phrases.js';
import type { ResolvedPerson } from '../../model/resolve.js';
import type { Phrases } from '../../model/schema.js';
import { frenchDate, frenchTime, frenchWeekday } from '../../typography/dates.js';
import { dateInWords, numberInWords, timeInWords } from '../../typography/words.js';
import type { ContextEnv } from './env.js';
import { agreedWithBody, capitalise, designation, durationWords, elidedDe, listOf, withArticle, withPreposition } from './words.js';

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** Where the document is issued: the document's place, else the organisation's, else the meeting's ('' if none). */
export function documentPlace(env: ContextEnv): string {
  const { meeting, organisation } = env.r;
  return meeting.document.lieu ?? organisation?.lieu ?? meeting.seance.lieu ?? '';
}

/** The secretaries who are known people. */
export function secretaries(env: ContextEnv): ResolvedPerson[] {
  return env.r.meeting.seance.secretaires.map((id) => env.person(id)).filter((p): p is ResolvedPerson => p !== undefined);
}

/** "M. Philippe GAUTHIER"; the id as written when the chair is not a known person. */
export function chairName(env: ContextEnv): string {
  return env.chair ? displayName(env.chair, 'full', env.r.style.personnes) : env.r.meeting.seance.presidence;
}

/** The numbers of the meeting, in figures and in words. */
function countValues(env: ContextEnv): PlaceholderValues {
  const { total, quorum } = env.counts;
  const words = (n: number) => numberInWords(n);
  const upToDate = membersUpToDate(env.r.people.values(), env.r.composition.instance);
  return {
    en_exercice: String(total.inOffice),
    en_exercice_lettres: words(total.inOffice),
    presents: String(total.present),
    presents_lettres: words(total.present),
    representes: String(total.represented),
    representes_lettres: words(total.represented),
    votants: String(total.voters),
    votants_lettres: words(total.voters),
    excuses: String(total.excused),
    excuses_lettres: words(total.excused),
    absents: String(total.absent),
    absents_lettres: words(total.absent),
    cotisants: String(upToDate),
    cotisants_lettres: words(upToDate),
    majorite_absolue: String(Math.floor(total.voters / 2) + 1),
    ...(quorum ? { quorum_requis: String(quorum.required), quorum_compte: String(quorum.counted) } : {}),
  };
}

export function placeholderValues(env: ContextEnv): PlaceholderValues {
  const { meeting, composition } = env.r;
  const { seance, document } = meeting;
  const instance = composition.instance;
  const when = dateInWords(seance.date);
  const secretariesFound = secretaries(env);
  const duration = seance.fin ? durationWords(seance.debut, seance.fin) : '';
  const nameStyle = env.r.style.personnes;
  return {
    lieu: documentPlace(env),
    date_document: frenchDate(document.date),
    date: frenchDate(seance.date, { weekday: true }),
    date_courte: frenchDate(seance.date),
    jour_semaine: frenchWeekday(seance.date),
    annee: seance.date.slice(0, 4),
    annee_lettres: when.annee,
    annee_lettres_mil: dateInWords(seance.date, { mil: true }).annee,
    jour_lettres: when.jour,
    mois: when.mois,
    heure: frenchTime(seance.debut),
    heure_lettres: timeInWords(seance.debut),
    ...(seance.fin ? { fin: frenchTime(seance.fin), fin_lettres: timeInWords(seance.fin) } : {}),
    ...(seance.lieu ? { lieu_seance: seance.lieu } : {}),
    instance: withArticle(instance.article, instance.nom),
    Instance: capitalise(withArticle(instance.article, instance.nom)),
    du_instance: withPreposition(instance.article, instance.nom),
    reuni: agreedWithBody(instance, 'réuni'),
    convoque: agreedWithBody(instance, 'convoqué'),
    presidence: chairName(env),
    ...(env.chair?.fonction ? { presidence_fonction: env.chair.fonction } : {}),
    ...(seance.convocation ? { convocation: frenchDate(seance.convocation) } : {}),
    secretaires: listOf(secretariesFound.map((p) => displayName(p, 'full', nameStyle))),
    ...(secretariesFound.length > 0 ? { designation: designation(secretariesFound) } : {}),
    ...countValues(env),
    ...(document.approbation ? { date_approbation: frenchDate(document.approbation) } : {}),
    ...(document.reference ? { reference: document.reference } : {}),
    ...(seance.affichage ? { affichage: frenchDate(seance.affichage) } : {}),
    de_presidence: elidedDe(chairName(env)),
    ...(duration ? { duree: duration } : {}),
  };
}

/** The body's own sentence for `key`, placeholders filled; undefined when the house style has none. */
export type PhraseOf = (key: keyof Phrases) => string | undefined;

export function phraseOf(env: ContextEnv, values: PlaceholderValues): PhraseOf {
  return (key) => {
    const sentence = env.r.style.phrases[key];
    return sentence === undefined ? undefined : fillPlaceholders(sentence, values);
  };
}
