// A deliberation as templates see it: its text, the result of its vote, the names of a named vote and
// its own counts. Buildable on its own from the resolved meeting and the deliberation's place in the
// agenda (`deliberationContext`), for documents made of one deliberation (the acts).
import { majorityRule } from '../../model/majority.js';
import type { PointPath } from '../../model/moments.js';
import { isFeminine } from '../../model/names.js';
import type { ResolvedMeeting } from '../../model/resolve.js';
import type { AgendaItem, Block } from '../../model/schema.js';
import type { TemplateDefaults } from '../template.js';
import { voteSentence } from '../votes.js';
import { simpleBlock, type SimpleBlock } from './blocks.js';
import { countsAt } from './counts.js';
import { contextEnv, type ContextEnv } from './env.js';
import type { ContextBlock, ContextDeliberation } from './types.js';

type DeliberationBlock = Extract<Block, { deliberation: unknown }>;
type DeliberationData = DeliberationBlock['deliberation'];

/** The result of a vote must not open a page on its own: the text's last paragraph keeps with it. */
function keepLastParagraph(blocks: ContextBlock[]): ContextBlock[] {
  const last = blocks[blocks.length - 1];
  return last && 'paragraphe' in last ? [...blocks.slice(0, -1), { ...last, garder: true }] : blocks;
}

/** "Contre : M. LACROIX, Mme MERCIER.", "Abstention : …", "Ne prennent pas part au vote : …". */
function namedVoteLines(env: ContextEnv, noms: { contre: string[]; abstentions: string[]; ne_prend_pas_part: string[] } | undefined): string[] {
  if (!noms) return [];
  const named = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids.map(env.nameOf).join(', ') : undefined);
  return [
    ['Contre', named(noms.contre)],
    [noms.abstentions.length > 1 ? 'Abstentions' : 'Abstention', named(noms.abstentions)],
    [noms.ne_prend_pas_part.length > 1 ? 'Ne prennent pas part au vote' : 'Ne prend pas part au vote', named(noms.ne_prend_pas_part)],
  ]
    .filter(([, names]) => names)
    .map(([label, names]) => `${label} : ${names}.`);
}

/** A deliberation at `at` (the agenda item it belongs to; [] outside the agenda: no counts of its own). */
export function deliberationBlock(env: ContextEnv, d: DeliberationData, at: PointPath): ContextDeliberation {
  const { r, chair } = env;
  const effectifs = at.length > 0 ? countsAt(env, at) : undefined;
  const resultat = voteSentence(d.vote, d.resultat, {
    chairFeminine: chair ? isFeminine(chair) : false,
    chairVotes: chair !== undefined && chair.member && chair.voting,
    words: (d.avis ?? r.style.avis) ? { adoptee: r.labels.avis_favorable, rejetee: r.labels.avis_defavorable } : { adoptee: r.labels.adoptee, rejetee: r.labels.rejetee },
    majority: majorityRule(r.composition.instance),
    // The point's counts when someone came or left before it, else the meeting's.
    present: effectifs?.presents ?? env.counts.total.present,
  });
  const texte = d.texte.map((t: SimpleBlock) => simpleBlock(env, t, at));
  return {
    ...(d.numero ? { numero: d.numero } : {}),
    titre: d.titre,
    ...(d.rapporteur ? { rapporteur: env.nameOf(d.rapporteur) } : {}),
    texte: resultat ? keepLastParagraph(texte) : texte,
    ...(resultat ? { resultat } : {}),
    votants: namedVoteLines(env, d.vote?.noms),
    ...(effectifs ? { effectifs } : {}),
  };
}

/** Any content item, deliberations included. */
export function contentBlock(env: ContextEnv, b: Block, at: PointPath = []): ContextBlock {
  return typeof b === 'object' && 'deliberation' in b ? { deliberation: deliberationBlock(env, b.deliberation, at) } : simpleBlock(env, b, at);
}

/** The agenda item at a position path ([2, 1]: the first sub-item of the second item). */
export function agendaItemAt(items: readonly AgendaItem[], point: PointPath): AgendaItem | undefined {
  let item: AgendaItem | undefined;
  let level: readonly AgendaItem[] | undefined = items;
  for (const index of point) {
    item = level?.[index - 1];
    if (!item) return undefined;
    level = item.points;
  }
  return item;
}

/** Where each deliberation of the agenda is: its item's path and its rank among that item's deliberations (from 0). */
export function deliberationPlaces(items: readonly AgendaItem[], parent: PointPath = []): { point: PointPath; index: number }[] {
  return items.flatMap((item, i) => {
    const point = [...parent, i + 1];
    const own = (item.contenu ?? []).filter((b) => typeof b === 'object' && 'deliberation' in b);
    return [...own.map((_, index) => ({ point, index })), ...deliberationPlaces(item.points ?? [], point)];
  });
}

/**
 * The context of one deliberation, on its own: the `index`-th deliberation (from 0) of the agenda item at
 * `point`, exactly as the minutes print it there. Undefined when there is no such deliberation.
 */
export function deliberationContext(resolved: ResolvedMeeting, point: PointPath, index = 0, defaults: TemplateDefaults = {}): ContextDeliberation | undefined {
  const item = agendaItemAt(resolved.meeting.points, point);
  const found = (item?.contenu ?? []).filter((b): b is DeliberationBlock => typeof b === 'object' && 'deliberation' in b)[index];
  return found ? deliberationBlock(contextEnv(resolved, defaults), found.deliberation, point) : undefined;
}
