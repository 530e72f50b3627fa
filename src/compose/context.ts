// The data a template sees: plain JSON computed from the resolved meeting. Names, agreement, dates in
// words, numbering, counts and sentences are computed here, so a template only decides what is said and
// in what order. Prose stays as typed (rich text); templates render it with the {{rich}} helper.
import path from 'node:path';
import type { AgendaItem, Block, Meeting } from '../model/schema.js';
import type { ResolvedMeeting, ResolvedPerson } from '../model/resolve.js';
import { computeCounts, membersUpToDate, type MeetingCounts } from '../model/counts.js';
import { agree, civilityRuns, collectiveRun, displayName, groupNames, isFeminine } from '../model/names.js';
import type { PointPath } from '../model/moments.js';
import { presenceDetails } from '../model/presence-words.js';
import { ATTENDANCE_LISTS, type HeadBlock, type HeadEntry } from '../model/schema.js';
import type { TemplateDefaults } from './template.js';
import { DEFAULT_NUMBERING, itemLabel } from './numbering.js';
import { fillPlaceholders, type Placeholder } from '../model/phrases.js';
import type { Instance, Organisation, Phrases } from '../model/schema.js';
import { minutesOfDay } from '../model/time.js';
import { dateInWords, numberInWords, timeInWords } from '../typography/words.js';
import { formatSlides, parseSlides } from '../model/slides.js';
import { frenchDate, frenchTime, frenchWeekday } from '../typography/dates.js';
import { letterNumeral, romanNumeral } from '../typography/numbering.js';
import { voteSentence } from './votes.js';
import { majorityRule } from '../model/majority.js';
import { contextList, contextPicture, contextTable, itemTexts, type ContextList, type ContextPicture, type ContextTable } from './content-context.js';

export interface PersonLine {
  nom: string;
  fonction?: string;
  /** "représentée par Mme Nathalie BRIONNET", "donne pouvoir à M. Paul DURAND", "représentant le Préfet". */
  suite?: string;
  /** The suite opens with a participle ("représentée par"), set off by a comma even without a function. */
  apposition?: boolean;
  /** What happened on the day, after the name: "(arrivée à 19h49)", a note of this meeting. */
  precisions?: string;
  last: boolean;
}

export interface AttendanceGroup {
  categorie?: string;
  personnes: PersonLine[];
  /** The whole group in one paragraph, when the house style runs the names in ("A, B, MM. C, D."). */
  en_ligne?: string;
  /** The group as a two-column table (style.presences.<list>.forme: colonnes): name | organisation or function. */
  colonnes?: { nom: string; detail: string }[];
}

type AttendanceList = (typeof ATTENDANCE_LISTS)[number];

export type ContextBlock =
  /** `garder`: keep with what follows (the last paragraph of a deliberation, before its result). */
  | { paragraphe: string; garder?: boolean }
  | { intertitre: string }
  /** `liste`: the items' texts; `elements`: the same with their sub-lists (content-context.ts). */
  | ({ liste: string[] } & ContextList)
  | { encadre: ContextBlock[]; titre?: string }
  | { filet: true }
  | { tableau: ContextTable }
  | { image: ContextPicture }
  | { echange: string; nature: 'question' | 'remarque' | 'reponse' }
  | { sans_question: string }
  | { engagement: string; responsable?: string; echeance?: string }
  | {
      deliberation: {
        numero?: string;
        titre: string;
        rapporteur?: string;
        texte: ContextBlock[];
        resultat?: string;
        votants: string[];
        /** The counts at this deliberation, when arrivals or departures make them differ from the meeting's. */
        effectifs?: ContextCounts;
      };
    };

/** Counts as templates print them ("Présents : 19 – Votants : 25"). */
export interface ContextCounts {
  /** The line a deliberation prints when its counts differ from the meeting's (phrase effectifs_point). */
  ligne?: string;
  en_exercice: number;
  presents: number;
  representes: number;
  excuses: number;
  absents: number;
  votants: number;
}

export interface ContextPoint {
  /** "I", "a", "1", "i" by depth (compte rendu numbering). */
  numero: string;
  /** The item's label in the house style's numbering: "I –", "1.", "a)", "A -"; '' when not numbered. */
  etiquette: string;
  /** Position among its siblings, from 1 (for templates that number 1, 2, 3 at every level). */
  rang: number;
  titre: string;
  /** 1 for "I –", 2 for "a)", 3 and 4 deeper. */
  niveau: number;
  presentation?: { par: string; diaporama?: string };
  /** "Mme DURAND", "MM. PIERRE et PAUL": who reports the item. */
  rapporteur?: string;
  contenu: ContextBlock[];
  points: ContextPoint[];
}

/** The head of a compte rendu when neither the meeting's style nor the template says otherwise. */
const DEFAULT_HEAD: HeadBlock[] = ['date', 'titre', 'preambule', 'presidence', 'secretariat', 'officiers', 'presents', 'excuses', 'absents', 'invites', 'autres_listes'];

export function buildContext(r: ResolvedMeeting, defaults: TemplateDefaults = {}) {
  const { meeting, composition, organisation } = r;
  const person = (id: string): ResolvedPerson | undefined => r.people.get(id);
  const nameStyle = r.style.personnes;
  const full = (id: string) => {
    const p = person(id);
    return p ? displayName(p, 'full', nameStyle) : id;
  };
  const chair = person(meeting.seance.presidence);
  const counts = computeCounts(r);
  const instance = composition.instance;

  const entete: HeadEntry[] = r.style.entete ?? defaults.entete ?? DEFAULT_HEAD;
  const numbering = r.style.numerotation ?? defaults.numerotation ?? DEFAULT_NUMBERING;
  // When the head lists the proxies apart ("Procurations : X à Y"), the excused lines do not repeat them.
  const proxiesApart = entete.includes('procurations');
  // When the head lists the late arrivals apart ("Ont complété le quorum après l’appel nominatif"), the
  // list of those present holds only those present from the start.
  const arrivalsApart = entete.includes('arrivees');
  const arrived = (id: string) => {
    const state = r.attendance.get(id);
    return state?.kind === 'present' && state.arrival !== undefined;
  };
  const chairAmongPresent = r.style.presidence_parmi_presents ?? defaults.presidence_parmi_presents ?? false;

  const proxyStyle = r.style.pouvoirs;
  const listStyle = (list: AttendanceList) => r.style.presences[list] ?? {};
  const listForm = (list: AttendanceList) => listStyle(list).forme ?? r.style.listes;
  /** A name of a proxy: as in the lists, civility and surname ("M. ROY"), or with initials ("P. Y. LEBAIL"). */
  const proxyName = (id: string, form: 'complet' | 'court' | 'initiale' | undefined) => {
    const p = person(id);
    if (!p || form === undefined || form === 'complet') return full(id);
    return form === 'court' ? nameOf(id) : displayName(p, 'full', { ...nameStyle, prenom: 'initiale' });
  };
  const holderName = (id: string) => proxyName(id, proxyStyle.detenteur);
  /** "donne pouvoir à M. X", "(pouvoir à M. X)" or "à M. X"; "donnent pouvoir à" for several givers. */
  const proxyWords = (holder: string, plural = false): string => {
    if (proxyStyle.forme === 'parentheses') return `(${r.labels.pouvoir_parentheses} ${holderName(holder)})`;
    if (proxyStyle.forme === 'court') return `à ${holderName(holder)}`;
    return `${plural ? r.labels.pouvoir_pluriel || pluralProxyLabel(r.labels.pouvoir) : r.labels.pouvoir} ${holderName(holder)}`;
  };
  // Excused members who gave a proxy or are represented, when the list of those present holds them too.
  const represented = (id: string) => {
    const state = r.attendance.get(id);
    return state?.kind === 'excused' && Boolean(state.proxyTo || state.representedBy);
  };
  const gaveProxy = (id: string) => {
    const state = r.attendance.get(id);
    return state?.kind === 'excused' && Boolean(state.proxyTo);
  };
  const representedAmongPresent = listStyle('presents').avec_representes === true;

  /** The line of a giver whose only words are the proxy, and its holder: such lines may merge ("A et B donnent pouvoir à C"). */
  const plainProxy = (id: string, l: PersonLine): string | undefined => {
    const state = r.attendance.get(id);
    if (state?.kind !== 'excused' || !state.proxyTo || proxiesApart || l.fonction || state.representedBy || state.substitutedBy || person(id)?.represente) return undefined;
    return (proxyStyle.forme === 'parentheses' ? l.suite === undefined && l.precisions === proxyWords(state.proxyTo) : !l.precisions) ? state.proxyTo : undefined;
  };

  /** Consecutive givers to one holder in one line, when the house style says so. */
  const mergeProxies = (entries: { ids: string[]; line: PersonLine; holder?: string }[], giverName: (id: string) => string = full) => {
    if (!proxyStyle.regrouper) return entries;
    const merged: typeof entries = [];
    for (const e of entries) {
      const previous = merged[merged.length - 1];
      if (previous?.holder && previous.holder === e.holder) {
        previous.ids.push(...e.ids);
        const names = capitalise(listOf(previous.ids.map(giverName)));
        const words = proxyWords(e.holder, true);
        previous.line = proxyStyle.forme === 'parentheses' ? { nom: names, precisions: words, last: false } : { nom: names, suite: words, last: false };
      } else merged.push({ ...e, ids: [...e.ids] });
    }
    return merged;
  };

  const groups = (ids: string[], list: AttendanceList): AttendanceGroup[] => {
    const labels = new Map(r.categories);
    const style = listStyle(list);
    const form = listForm(list);
    const line = (id: string): PersonLine => {
      const p = person(id);
      const relations = attendeeRelations(id);
      const precisions = attendeeDetails(id);
      return {
        // A seat named by its role opens the line: "Le représentant du Conseil régional".
        nom: /^l[ea] /.test(full(id)) ? capitalise(full(id)) : full(id),
        ...(p?.fonction && style.fonctions !== false ? { fonction: p.fonction } : {}),
        ...(relations ? { suite: relations.text, ...(relations.apposition ? { apposition: true } : {}) } : {}),
        ...(precisions ? { precisions } : {}),
        last: false,
      };
    };
    const grouped = style.regrouper ?? r.style.regrouper;
    const group = (members: string[], categorie?: string): AttendanceGroup => {
      const entries = mergeProxies(members.map((id) => {
        const l = line(id);
        const holder = plainProxy(id, l);
        return { ids: [id], line: l, ...(holder ? { holder } : {}) };
      }));
      const personnes = entries.map((e, i) => ({ ...e.line, last: i === entries.length - 1 }));
      const rows = () =>
        entries.map(({ ids: [id], line: l }) => ({
          nom: l.nom,
          // The second column: the organisation (the category, when the list is not grouped by it), then what the line says after the name.
          detail: [grouped ? '' : (labels.get(person(id!)?.categorie ?? '') ?? ''), lineText({ ...l, nom: '' }).replace(/^,?\s*/, '')].filter(Boolean).join(', '),
        }));
      return {
        ...(categorie ? { categorie } : {}),
        personnes,
        ...(form === 'colonnes' ? { colonnes: rows() } : form === 'lignes' ? {} : { en_ligne: runIn(entries, personnes, form) }),
      };
    };
    if (!grouped) return ids.length > 0 ? [group(ids)] : [];
    const byCategory = new Map<string, string[]>();
    // Members without a category (usually the chair) come first, before the categories in their order.
    byCategory.set('', []);
    for (const [category] of r.categories) byCategory.set(category, []);
    for (const id of ids) {
      const category = person(id)?.categorie ?? '';
      if (!byCategory.has(category)) byCategory.set(category, []);
      byCategory.get(category)!.push(id);
    }
    return [...byCategory].filter(([, members]) => members.length > 0).map(([category, members]) => group(members, labels.get(category)));
  };

  /**
   * A group run in: "Mme Anne DURAND, maire, M. Paul ROY." With collective civilities, consecutive
   * people named by civility and surname alone share a plural: "Mmes ASSELINE, BOTHUA, MM. ALLAIN".
   */
  const runIn = (lineIds: { ids: string[] }[], lines: PersonLine[], form: string): string => {
    const entries = lineIds.map(({ ids }, i) => ({ id: ids[0]!, line: lines[i]!, person: ids.length === 1 ? person(ids[0]!) : undefined }));
    if (form === 'en_ligne') return `${entries.map((e) => lineText(e.line)).join(', ')}.`;
    // Only a person whose line is civility and surname can join the others under a plural civility.
    const alone = (e: (typeof entries)[number]) =>
      !e.person || Boolean(e.line.fonction || e.line.suite || e.line.precisions) || (e.person.prenom !== undefined && nameStyle.prenom !== 'aucun');
    const runs = civilityRuns(
      entries.map((e) => ({ ...e, ...(e.person ?? {}) })),
      (e) => alone(e),
    );
    return `${runs.map((run) => (run.length > 1 ? collectiveRun(run, nameStyle) : lineText(run[0]!.line))).join(', ')}.`;
  };

  /** Who the person sits for or through: "représentant le Préfet", "représentée par …", "suppléant de …". */
  const attendeeRelations = (id: string): { text: string; apposition: boolean } | undefined => {
    const state = r.attendance.get(id);
    const p = person(id);
    if (!p) return undefined;
    const parts: string[] = [];
    let verb = false;
    // "représentant" here is a present participle: it does not agree ("Mme X, représentant le Préfet").
    if (p.represente) parts.push(`représentant ${p.represente}`);
    if (state?.kind === 'present' && state.substituteFor) parts.push(`${agree(p, 'suppléant', 'suppléante')} de ${full(state.substituteFor)}`);
    if (state?.kind === 'excused') {
      if (state.representedBy) parts.push(`${agree(p, 'représenté', 'représentée')} par ${full(state.representedBy)}`);
      // In parentheses, the proxy goes with the precisions, after the name and function.
      if (state.proxyTo && !proxiesApart && proxyStyle.forme !== 'parentheses') {
        verb ||= parts.length === 0;
        parts.push(proxyWords(state.proxyTo));
      }
      if (state.substitutedBy) parts.push(`${agree(p, 'suppléé', 'suppléée')} par ${full(state.substitutedBy)}`);
    }
    return parts.length > 0 ? { text: parts.join(', '), apposition: !verb } : undefined;
  };

  /** What happened on the day: "(arrivé à 19h49)", "(a quitté la séance au point 4)", then the note. */
  const attendeeDetails = (id: string): string | undefined => {
    const p = person(id);
    const state = r.attendance.get(id);
    // Listed apart, an arrival keeps its moment when one is known; a proxy listed apart is not repeated.
    const unknownArrival = state?.kind === 'present' && state.arrival !== undefined && !state.arrival.time && !state.arrival.point;
    const details = p ? presenceDetails(p, state, full, { arrival: !(arrivalsApart && arrived(id) && unknownArrival), proxy: !proxiesApart }) : undefined;
    const proxy = state?.kind === 'excused' && state.proxyTo && !proxiesApart && proxyStyle.forme === 'parentheses' ? proxyWords(state.proxyTo) : undefined;
    return [proxy, details].filter(Boolean).join(' ') || undefined;
  };

  const nameOf = (id: string) => {
    const p = person(id);
    return p ? displayName(p, 'short', nameStyle) : id;
  };

  /** "Mme Valérie BONNET donne pouvoir à Mme Sylvie FONTAINE", one line per proxy, in the order of the lists. */
  const proxies = (): AttendanceGroup[] => {
    const pairs: [giver: string, holder: string][] = [];
    for (const id of [...r.order.excused, ...r.order.present]) {
      const state = r.attendance.get(id);
      if (state?.kind === 'excused' && state.proxyTo) pairs.push([id, state.proxyTo]);
      if (state?.kind === 'present' && state.proxyOnLeave) pairs.push([id, state.proxyOnLeave]);
    }
    if (pairs.length === 0) return [];
    const entries = mergeProxies(
      pairs.map(([giver, holder]) => {
        const words = proxyWords(holder);
        const nom = proxyName(giver, proxyStyle.donneur);
        return { ids: [giver], line: proxyStyle.forme === 'parentheses' ? { nom, precisions: words, last: false } : { nom, suite: words, last: false }, holder };
      }),
      (id) => proxyName(id, proxyStyle.donneur),
    );
    const personnes = entries.map((e, i) => ({ ...e.line, last: i === entries.length - 1 }));
    const form = listForm('procurations');
    if (form === 'colonnes') return [{ personnes, colonnes: personnes.map((l) => ({ nom: l.nom, detail: (l.suite ?? l.precisions ?? '').replace(/^\((.*)\)$/, '$1') })) }];
    // Run in, proxies are sentences of their own: "A donne pouvoir à B ; C donne pouvoir à D."
    return [{ personnes, ...(form === 'lignes' ? {} : { en_ligne: `${personnes.map(lineText).join(' ; ')}.` }) }];
  };

  /** A deliberation's counts, given only when someone arrived or left before it. */
  const countsAt = (at: PointPath): ContextCounts | undefined => {
    const here = contextCounts(computeCounts(r, at));
    const whole = contextCounts(counts);
    return JSON.stringify(here) === JSON.stringify(whole) ? undefined : here;
  };

  /** « Présents : 22 – Représentés : 3 – Votants : 25 », or the body's own (style.phrases.effectifs_point). */
  const pointCountsLine = (c: ContextCounts): string =>
    fillPlaceholders(r.style.phrases.effectifs_point ?? 'Présents : {presents} – Représentés : {representes} – Votants : {votants}', {
      en_exercice: String(c.en_exercice),
      presents: String(c.presents),
      representes: String(c.representes),
      votants: String(c.votants),
      excuses: String(c.excuses),
      absents: String(c.absents),
    });

  const block = (b: Block, at: PointPath = []): ContextBlock => {
    if (typeof b === 'string') return { paragraphe: b };
    if ('intertitre' in b) return { intertitre: b.intertitre };
    if ('liste' in b) return { liste: itemTexts(b.liste), ...contextList(b.liste, b.puces ?? r.style.puces ?? 'coches') };
    if ('encadre' in b) return { encadre: b.encadre.map((c) => block(c, at)), ...(b.titre ? { titre: b.titre } : {}) };
    if ('filet' in b) return { filet: true };
    if ('tableau' in b) return { tableau: contextTable(b) };
    if ('image' in b) return { image: contextPicture(b) };
    if ('question' in b) return { echange: b.question, nature: 'question' };
    if ('remarque' in b) return { echange: b.remarque, nature: 'remarque' };
    if ('reponse' in b) return { echange: b.reponse, nature: 'reponse' };
    if ('sans_question' in b) return { sans_question: b.sans_question === true ? r.labels.sans_question : b.sans_question };
    if ('engagement' in b)
      return {
        engagement: b.engagement,
        ...(b.responsable ? { responsable: nameOf(b.responsable) } : {}),
        ...(b.echeance ? { echeance: b.echeance.length === 10 ? frenchDate(b.echeance) : b.echeance } : {}),
      };
    const d = b.deliberation;
    const effectifs = at.length > 0 ? countsAt(at) : undefined;
    const resultat = voteSentence(d.vote, d.resultat, {
      chairFeminine: chair ? isFeminine(chair) : false,
      chairVotes: chair !== undefined && chair.member && chair.voting,
      words: (d.avis ?? r.style.avis) ? { adoptee: r.labels.avis_favorable, rejetee: r.labels.avis_defavorable } : { adoptee: r.labels.adoptee, rejetee: r.labels.rejetee },
      majority: majorityRule(composition.instance),
      // The point's counts when someone came or left before it, else the meeting's.
      present: effectifs?.presents ?? counts.total.present,
    });
    const named = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids.map(nameOf).join(', ') : undefined);
    const noms = d.vote?.noms;
    const votants = noms
      ? [
          ['Contre', named(noms.contre)],
          [noms.abstentions.length > 1 ? 'Abstentions' : 'Abstention', named(noms.abstentions)],
          [noms.ne_prend_pas_part.length > 1 ? 'Ne prennent pas part au vote' : 'Ne prend pas part au vote', named(noms.ne_prend_pas_part)],
        ]
          .filter(([, names]) => names)
          .map(([label, names]) => `${label} : ${names}.`)
      : [];
    return {
      deliberation: {
        ...(d.numero ? { numero: d.numero } : {}),
        titre: d.titre,
        ...(d.rapporteur ? { rapporteur: nameOf(d.rapporteur) } : {}),
        texte: resultat ? keepLastParagraph(d.texte.map((t) => block(t, at))) : d.texte.map((t) => block(t, at)),
        ...(resultat ? { resultat } : {}),
        votants,
        ...(effectifs ? { effectifs: { ...effectifs, ligne: pointCountsLine(effectifs) } } : {}),
      },
    };
  };

  /**
   * With `sans_question_automatique`, an item without sub-items and without any exchange or "no question"
   * sentence of its own gets the sentence, unless it says `sans_question: false`; a text replaces it.
   */
  const automaticNoQuestion = (item: AgendaItem): ContextBlock[] => {
    if (item.sans_question === false) return [];
    if (typeof item.sans_question === 'string') return [{ sans_question: item.sans_question }];
    if (!meeting.sans_question_automatique && item.sans_question !== true) return [];
    const said = (item.contenu ?? []).some((b) => typeof b === 'object' && ('question' in b || 'remarque' in b || 'reponse' in b || 'sans_question' in b));
    return said || (item.points?.length ?? 0) > 0 ? [] : [{ sans_question: r.labels.sans_question }];
  };

  const commitment = (b: Extract<Block, { engagement: unknown }>) => ({
    texte: b.engagement,
    responsable: b.responsable ? nameOf(b.responsable) : '',
    echeance: b.echeance ? (b.echeance.length === 10 ? frenchDate(b.echeance) : b.echeance) : '',
  });

  // With continuous numbering, the items of a level are counted across their parents (themes above items).
  const counted: number[] = [];
  const point = (item: AgendaItem, index: number, depth: number, parent: PointPath = []): ContextPoint => {
    const at = [...parent, index + 1];
    counted[depth] = (counted[depth] ?? 0) + 1;
    const rank = r.style.numerotation_continue ? counted[depth]! : index + 1;
    const presenters = item.presentation ? (typeof item.presentation.par === 'string' ? [item.presentation.par] : item.presentation.par) : [];
    const reporters = item.rapporteur === undefined ? [] : typeof item.rapporteur === 'string' ? [item.rapporteur] : item.rapporteur;
    const slides = item.presentation?.diaporama;
    return {
      // I, II… then a), b)… then 1., 2.… then i., ii.… so that no two levels look alike.
      numero: depth === 1 ? romanNumeral(rank) : depth === 2 ? letterNumeral(rank) : depth === 3 ? String(rank) : romanNumeral(rank).toLowerCase(),
      etiquette: itemLabel(numbering, depth, rank),
      rang: rank,
      titre: item.titre,
      niveau: Math.min(depth, 4),
      ...(item.presentation
        ? {
            presentation: {
              par: groupNames(presenters.map((id) => person(id)!).filter(Boolean), nameStyle),
              ...(slides !== undefined ? { diaporama: formatSlides(parseSlides(slides)) } : {}),
            },
          }
        : {}),
      ...(reporters.length > 0 ? { rapporteur: groupNames(reporters.map((id) => person(id)!).filter(Boolean), nameStyle) } : {}),
      contenu: [...(item.contenu ?? []).map((b) => block(b, at)), ...automaticNoQuestion(item)],
      points: (item.points ?? []).map((child, i) => point(child, i, depth + 1, at)),
    };
  };

  // No `signataires`: the chair signs; an empty list: nobody does.
  const signatories = meeting.signataires
    ? meeting.signataires.map((s) => ({ id: s.personne, qualite: s.qualite }))
    : [{ id: meeting.seance.presidence, qualite: undefined }];
  const secretaries = meeting.seance.secretaires.map((id) => person(id)).filter((p): p is ResolvedPerson => p !== undefined);

  const documentPlace = meeting.document.lieu ?? organisation?.lieu ?? meeting.seance.lieu ?? '';
  const words = (n: number) => numberInWords(n);
  const when = dateInWords(meeting.seance.date);
  const majority = Math.floor(counts.total.voters / 2) + 1;
  const duration = meeting.seance.fin ? durationWords(meeting.seance.debut, meeting.seance.fin) : '';
  /** The values of the {placeholders} a body's own sentences may use (style.phrases). */
  const placeholders: Partial<Record<Placeholder, string>> = {
    lieu: documentPlace,
    date_document: frenchDate(meeting.document.date),
    date: frenchDate(meeting.seance.date, { weekday: true }),
    date_courte: frenchDate(meeting.seance.date),
    jour_semaine: frenchWeekday(meeting.seance.date),
    annee: meeting.seance.date.slice(0, 4),
    annee_lettres: when.annee,
    annee_lettres_mil: dateInWords(meeting.seance.date, { mil: true }).annee,
    jour_lettres: when.jour,
    mois: when.mois,
    heure: frenchTime(meeting.seance.debut),
    heure_lettres: timeInWords(meeting.seance.debut),
    ...(meeting.seance.fin ? { fin: frenchTime(meeting.seance.fin), fin_lettres: timeInWords(meeting.seance.fin) } : {}),
    ...(meeting.seance.lieu ? { lieu_seance: meeting.seance.lieu } : {}),
    instance: withArticle(instance.article, instance.nom),
    Instance: capitalise(withArticle(instance.article, instance.nom)),
    du_instance: withPreposition(instance.article, instance.nom),
    reuni: agreedWithBody(instance, 'réuni'),
    convoque: agreedWithBody(instance, 'convoqué'),
    presidence: chair ? displayName(chair, 'full', nameStyle) : meeting.seance.presidence,
    ...(chair?.fonction ? { presidence_fonction: chair.fonction } : {}),
    ...(meeting.seance.convocation ? { convocation: frenchDate(meeting.seance.convocation) } : {}),
    secretaires: listOf(secretaries.map((p) => displayName(p, 'full', nameStyle))),
    ...(secretaries.length > 0 ? { designation: designation(secretaries) } : {}),
    en_exercice: String(counts.total.inOffice),
    en_exercice_lettres: words(counts.total.inOffice),
    presents: String(counts.total.present),
    presents_lettres: words(counts.total.present),
    representes: String(counts.total.represented),
    representes_lettres: words(counts.total.represented),
    votants: String(counts.total.voters),
    votants_lettres: words(counts.total.voters),
    excuses: String(counts.total.excused),
    excuses_lettres: words(counts.total.excused),
    absents: String(counts.total.absent),
    absents_lettres: words(counts.total.absent),
    cotisants: String(membersUpToDate(r.people.values(), instance)),
    cotisants_lettres: words(membersUpToDate(r.people.values(), instance)),
    majorite_absolue: String(majority),
    ...(counts.quorum ? { quorum_requis: String(counts.quorum.required), quorum_compte: String(counts.quorum.counted) } : {}),
    ...(meeting.document.approbation ? { date_approbation: frenchDate(meeting.document.approbation) } : {}),
    ...(meeting.document.reference ? { reference: meeting.document.reference } : {}),
    ...(meeting.seance.affichage ? { affichage: frenchDate(meeting.seance.affichage) } : {}),
    de_presidence: elidedDe(chair ? displayName(chair, 'full', nameStyle) : meeting.seance.presidence),
    ...(duration ? { duree: duration } : {}),
  };
  const phrase = (key: keyof Phrases) => {
    const sentence = r.style.phrases[key];
    return sentence === undefined ? undefined : fillPlaceholders(sentence, placeholders);
  };
  const styledTitle = phrase('titre');
  const titleLines = meeting.document.titre ? lines(meeting.document.titre) : styledTitle ? [styledTitle] : [];
  const phrases = Object.fromEntries(
    (['formule', 'effectifs', 'quorum', 'quorum_non_atteint'] as const).flatMap((key) => {
      const text = phrase(key);
      return text === undefined ? [] : [[key, text]];
    }),
  );
  const orgDir = r.sources.organisation ? path.dirname(path.resolve(r.sources.organisation.file)) : undefined;
  const logo = organisation?.marque?.logo;

  return {
    organisation: {
      ...(organisation?.marque
        ? {
            marque: {
              institution: organisation.marque.institution,
              devise: organisation.marque.devise,
              ...(logo && orgDir ? { logo: { fichier: path.resolve(orgDir, logo.fichier), largeur: logo.largeur, alt: logo.alt } } : {}),
            },
          }
        : {}),
      services: organisation?.services ?? [],
      adresse: organisation?.adresse ?? [],
      ...(organisation?.contact ? { contact: organisation.contact, contact_lignes: contactLines(organisation.contact) } : {}),
    },
    instance: {
      nom: instance.nom,
      ...(instance.sigle ? { sigle: instance.sigle } : {}),
      du: withPreposition(instance.article, instance.nom),
      le: withArticle(instance.article, instance.nom),
      Le: capitalise(withArticle(instance.article, instance.nom)),
      /** Agreement of the body's name: "réuni" (le Conseil) or "réunie" (la Commission). */
      reuni: agreedWithBody(instance, 'réuni'),
      convoque: agreedWithBody(instance, 'convoqué'),
    },
    document: {
      // The title's lines: the file's own (one or several), else the house style's sentence, else the
      // template's; then the subtitle with its placeholders.
      ...(titleLines.length > 0 ? { titre: titleLines.join(' ') } : {}),
      titre_lignes: titleLines,
      ...(meeting.document.sous_titre ? { sous_titre: fillPlaceholders(meeting.document.sous_titre, placeholders) } : {}),
      lieu: documentPlace,
      date: frenchDate(meeting.document.date),
      /** "Poitiers, le 14 juin 2021", or "Le 14 juin 2021" when no place is known, or the body's own form. */
      ...(meeting.document.reference ? { reference: meeting.document.reference } : {}),
      ligne_date:
        phrase('ligne_date') ?? (documentPlace ? `${documentPlace}, le ${frenchDate(meeting.document.date)}` : `Le ${frenchDate(meeting.document.date)}`),
      /** "Validé en séance du 15 septembre 2008", when the minutes say which meeting approved them. */
      ...(meeting.document.approbation ? { approbation: phrase('approbation') ?? `Validé en séance du ${frenchDate(meeting.document.approbation)}` } : {}),
    },
    seance: {
      // "jeudi 6 mai" never breaks across lines (no-break spaces), the year may go to the next line.
      date: frenchDate(meeting.seance.date, { weekday: true }).replace(/^(\S+) (\S+) (\S+)/, '$1\u00A0$2\u00A0$3'),
      debut: frenchTime(meeting.seance.debut),
      ...(meeting.seance.fin ? { fin: frenchTime(meeting.seance.fin) } : {}),
      ...(meeting.seance.lieu ? { lieu: meeting.seance.lieu } : {}),
      modalite: meeting.seance.modalite,
      ...(meeting.seance.convocation ? { convocation: frenchDate(meeting.seance.convocation) } : {}),
      presidence: {
        ...(chair
          ? { nom: displayName(chair, 'full', nameStyle), de: elidedDe(displayName(chair, 'full', nameStyle)), ...(chair.fonction ? { fonction: chair.fonction } : {}) }
          : { nom: meeting.seance.presidence, de: elidedDe(meeting.seance.presidence) }),
        /** The chair in a sentence (block presidence_phrase): "Sous la présidence de M. X, maire." */
        phrase: phrase('presidence') ?? `Sous la présidence ${placeholders.de_presidence}${chair?.fonction ? `, ${chair.fonction}` : ''}.`,
      },
      ...(meeting.seance.affichage ? { affichage: frenchDate(meeting.seance.affichage) } : {}),
      /** "Durée de la séance : 1 h 45" (block duree), when the end is known. */
      ...(placeholders.duree ? { duree: placeholders.duree, ligne_duree: phrase('duree') ?? `${r.labels.duree} : ${placeholders.duree}` } : {}),
      secretaires: meeting.seance.secretaires.map((id) => {
        const p = person(id);
        return { nom: full(id), designe: p ? agree(p, 'désigné', 'désignée') : 'désigné(e)' };
      }),
      /** The secretaries in one line or sentence: "M. X et Mme Y sont désignés secrétaires de séance". */
      ...(secretaries.length > 0
        ? {
            secretariat: {
              libelle: secretaries.length > 1 ? pluralLabel(r.labels.secretaire) : r.labels.secretaire,
              noms: listOf(secretaries.map((p) => displayName(p, 'full', nameStyle))),
              phrase: designation(secretaries),
              ...(phrase('secretariat') === undefined ? {} : { phrase_maison: phrase('secretariat') }),
            },
          }
        : {}),
      officiers: meeting.seance.officiers.map((officer) => {
        const ids = typeof officer.personnes === 'string' ? [officer.personnes] : officer.personnes;
        const holders = ids.map((id) => person(id)).filter((p): p is ResolvedPerson => p !== undefined);
        return { libelle: officer.libelle ?? officerLabel(officer.role, holders), noms: listOf(holders.map((p) => displayName(p, 'full', nameStyle))) };
      }),
    },
    libelles: r.labels,
    // The chair is named under "Présidence", not again among the participants (compte rendu); a
    // procès-verbal lists every member present, the chair included.
    // The compte rendu names the chair under "Présidence" only, the procès-verbal among those present too;
    // the house style (presidence_parmi_presents) decides for both when it says.
    // A block's name, or a free line of the head with its placeholders filled: { texte }.
    entete: entete.map((entry) => (typeof entry === 'string' ? entry : { texte: fillPlaceholders(entry.texte, placeholders) })),
    /** The body's own sentences, placeholders filled: formule, effectifs, quorum, quorum_non_atteint. */
    phrases,
    presents: groups(
      [
        ...(chairAmongPresent ? r.order.present : r.order.present.filter((id) => id !== meeting.seance.presidence)).filter((id) => !(arrivalsApart && arrived(id))),
        ...(representedAmongPresent ? r.order.excused.filter(represented) : []),
      ],
      'presents',
    ),
    arrivees: groups(r.order.present.filter(arrived), 'arrivees'),
    presents_et_presidence: groups(r.style.presidence_parmi_presents === false ? r.order.present.filter((id) => id !== meeting.seance.presidence) : r.order.present, 'presents'),
    procurations: proxies(),
    excuses: groups(
      r.order.excused.filter((id) => !(representedAmongPresent && represented(id)) && !(listStyle('excuses').avec_pouvoirs === false && gaveProxy(id))),
      'excuses',
    ),
    absents: groups(r.order.absent, 'absents'),
    invites: groups(r.order.guests, 'invites'),
    autres_listes: r.order.others.map((list) => ({ titre: list.title, groupes: groups(list.ids, 'autres_listes') })),
    /** The text of each attendance list when it is empty (style.presences.<list>.vide); the presents' is the label neant. */
    vides: Object.fromEntries(
      ATTENDANCE_LISTS.flatMap((list) => {
        const text = listStyle(list).vide ?? (list === 'presents' ? r.labels.neant : undefined);
        return text === undefined ? [] : [[list, text]];
      }),
    ) as Partial<Record<AttendanceList, string>>,
    /** The agenda recap (block ordre_du_jour): the first-level items with their labels. */
    ordre_du_jour: meeting.points.map((item, i) => ({ etiquette: itemLabel(numbering, 1, i + 1), titre: item.titre })),
    effectifs: {
      ...contextCounts(counts),
      ...(counts.quorum
        ? {
            quorum: {
              atteint: counts.quorum.reached,
              seconde_convocation: counts.quorum.secondConvocation,
              requis: counts.quorum.required,
              compte: counts.quorum.counted,
              // What was counted, in words: "membres présents" or "membres présents ou représentés".
              comptes: counts.quorum.includesRepresented ? 'membres présents ou représentés' : 'membres présents',
            },
          }
        : {}),
    },
    preambule: meeting.preambule.map((b) => block(b)),
    ouverture: meeting.ouverture.map((b) => block(b)),
    points: meeting.points.map((item, i) => point(item, i, 1)),
    ...(meeting.cloture
      ? {
          cloture: {
            // An empty title means no heading; no title means the label's ("Conclusion").
            ...((meeting.cloture.titre ?? r.labels.conclusion) !== '' ? { titre: meeting.cloture.titre ?? r.labels.conclusion } : {}),
            // "… la séance est levée." + " à 15h50." must not give "levée. à 15h50.".
            formule: (meeting.cloture.formule ?? r.labels.levee).replace(/\s*\.\s*$/, ''),
            contenu: meeting.cloture.contenu.map((b) => block(b)),
          },
        }
      : {}),
    // The commitments of the whole meeting, in order, for the optional summary table.
    ...(meeting.releve_engagements ? { engagements: commitments(meeting).map(commitment) } : {}),
    signataires: signatories.map(({ id, qualite }) => {
      const p = person(id);
      return {
        // Only the chair gets a default quality line; another signatory without one signs under the name alone.
        qualite: qualite === undefined ? (p && id === meeting.seance.presidence ? `${agree(p, 'Le président', 'La présidente')},` : '') : lines(qualite).join('\n'),
        /** The quality on several lines ("Pour le préfet et par délégation,", "Le secrétaire général,"). */
        qualite_lignes: qualite === undefined ? [] : lines(qualite),
        nom: p ? displayName(p, 'signature', nameStyle) : id,
      };
    }),
    annexes: meeting.annexes.map((annex) => ({
      entete: annex.entete,
      titre: annex.titre,
      ...(annex.auteur ? { auteur: nameOf(annex.auteur) } : {}),
      contenu: annex.contenu.map((b) => block(b)),
    })),
  };
}

export type TemplateContext = ReturnType<typeof buildContext>;

/** The result of a vote must not open a page on its own: the text's last paragraph keeps with it. */
function keepLastParagraph(blocks: ContextBlock[]): ContextBlock[] {
  const last = blocks[blocks.length - 1];
  return last && 'paragraphe' in last ? [...blocks.slice(0, -1), { ...last, garder: true }] : blocks;
}

/** Every commitment of the meeting, in reading order (opening, items and sub-items, deliberations, closing). */
function commitments(meeting: Meeting): Extract<Block, { engagement: unknown }>[] {
  const found: Extract<Block, { engagement: unknown }>[] = [];
  const walkBlocks = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (typeof b !== 'object') continue;
      if ('engagement' in b) found.push(b);
      if ('deliberation' in b) walkBlocks(b.deliberation.texte);
    }
  };
  const walkItems = (items: readonly AgendaItem[]) => {
    for (const item of items) {
      walkBlocks(item.contenu ?? []);
      walkItems(item.points ?? []);
    }
  };
  walkBlocks(meeting.ouverture);
  walkItems(meeting.points);
  walkBlocks(meeting.cloture?.contenu ?? []);
  return found;
}

/** "le Conseil municipal", "la Commission", "l’Assemblée générale". */
function withArticle(article: string, name: string): string {
  return article === 'l’' || article === "l'" ? `l’${name}` : `${article} ${name}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/** "du Comité", "de la Commission", "de l’Assemblée", "des Assemblées". */
function withPreposition(article: string, name: string): string {
  switch (article) {
    case 'la':
      return `de la ${name}`;
    case 'l’':
    case "l'":
      return `de l’${name}`;
    case 'les':
      return `des ${name}`;
    default:
      return `du ${name}`;
  }
}

function contextCounts(counts: MeetingCounts): ContextCounts {
  return {
    en_exercice: counts.total.inOffice,
    presents: counts.total.present,
    representes: counts.total.represented,
    excuses: counts.total.excused,
    absents: counts.total.absent,
    votants: counts.total.voters,
  };
}

const listFormat = new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' });
const listOf = (names: string[]) => listFormat.format(names);

/** "Secrétaire de séance" → "Secrétaires de séance". */
function pluralLabel(label: string): string {
  return label.replace(/^(\S+?)(s?)(\s|$)/u, (_, word: string, s: string, space: string) => `${word}${s || 's'}${space}`);
}

const OFFICER_WORDS: Record<string, [masculine: string, feminine: string]> = {
  vice_presidence: ['Vice-président', 'Vice-présidente'],
  secretaire_adjoint: ['Secrétaire adjoint', 'Secrétaire adjointe'],
  secretaire_auxiliaire: ['Secrétaire auxiliaire', 'Secrétaire auxiliaire'],
  tresorier: ['Trésorier', 'Trésorière'],
  rapporteur: ['Rapporteur', 'Rapporteure'],
  autre: ['Fonction', 'Fonction'],
};

/** "est désignée secrétaire de séance", "sont désignés secrétaires de séance": agreed with the secretaries. */
function designation(secretaries: ResolvedPerson[]): string {
  if (secretaries.length > 1) return `sont ${secretaries.every((p) => isFeminine(p)) ? 'désignées secrétaires' : 'désignés secrétaires'} de séance`;
  return `est ${agree(secretaries[0]!, 'désigné', 'désignée')} secrétaire de séance`;
}

/** "Vice-présidente", "Vice-présidents", "Secrétaires adjointes": agreed with the holders. */
export function officerLabel(role: string, holders: { civilite?: string; genre?: 'f' | 'm' }[]): string {
  const [masculine, feminine] = OFFICER_WORDS[role] ?? [role, role];
  const allFeminine = holders.length > 0 && holders.every((p) => isFeminine(p));
  const word = allFeminine ? feminine : holders.length === 1 ? agree(holders[0]!, masculine, feminine) : masculine;
  if (holders.length <= 1) return word;
  // Both words of "Secrétaire adjoint" take the plural; "Vice-président" too.
  return word.split(' ').map((w) => (w.endsWith('s') ? w : `${w}s`)).join(' ');
}

/** "de M. DUPONT", "d’ARNAUD Jean-Louis": "de" elides before a vowel. */
function elidedDe(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœ]/iu.test(name) ? `d’${name}` : `de ${name}`;
}

/** One attendance line as the template writes it: "Mme X, fonction, représentée par Y (arrivée à 19h49)". */
function lineText(l: PersonLine): string {
  return `${l.nom}${l.fonction ? `, ${l.fonction}` : ''}${l.suite ? `${l.fonction || l.apposition ? ',' : ''} ${l.suite}` : ''}${l.precisions ? ` ${l.precisions}` : ''}`;
}

/** A participle agreed with the body's name: "réuni" (le Conseil), "réunie" (la Commission), "réunis" (les). */
function agreedWithBody(instance: Instance, participle: string): string {
  return instance.article === 'les' ? `${participle}s` : (instance.feminin ?? instance.article === 'la') ? `${participle}e` : participle;
}

const lines = (value: string | string[]): string[] => (typeof value === 'string' ? [value] : value);

/** "donne pouvoir à" → "donnent pouvoir à", "a donné procuration à" → "ont donné procuration à". */
export function pluralProxyLabel(label: string): string {
  return label.replace(/(^|\s)a donné(?=\s|$)/u, '$1ont donné').replace(/(^|\s)donne(?=\s|$)/u, '$1donnent');
}

/** "1 h 45", "2 h", "45 min": the time between the start and the end of the meeting ('' if it ends before it starts). */
export function durationWords(start: string, end: string): string {
  const minutes = minutesOfDay(end) - minutesOfDay(start);
  if (!(minutes > 0)) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** The lines of the contact block: "Affaire suivie par :", the name, function, phone, e-mail, then the free lines. */
function contactLines(contact: NonNullable<Organisation['contact']>): string[] {
  return [
    ...(contact.nom ? [`${contact.libelle} :`, contact.nom] : []),
    ...(contact.fonction ? [contact.fonction] : []),
    ...(contact.telephone ? [`Tél : ${contact.telephone}`] : []),
    ...(contact.courriel ? [`Mél : ${contact.courriel}`] : []),
    ...contact.lignes.map((l) => `${l.libelle} : ${l.valeur}`),
  ];
}
