// The agenda as templates see it: each item numbered as the house style says, its presenters and
// reporters named, its content with the automatic "no question" sentence, and its sub-items.
import type { PointPath } from '../../model/moments.js';
import { groupNames } from '../../model/names.js';
import type { ResolvedPerson } from '../../model/resolve.js';
import type { AgendaItem } from '../../model/schema.js';
import { formatSlides, parseSlides } from '../../model/slides.js';
import { letterNumeral, romanNumeral } from '../../typography/numbering.js';
import { itemLabel } from '../numbering.js';
import { contentBlock } from './deliberation.js';
import type { ContextEnv } from './env.js';
import type { ContextBlock, ContextPoint } from './types.js';

/**
 * With `sans_question_automatique`, an item without sub-items and without any exchange or "no question"
 * sentence of its own gets the sentence, unless it says `sans_question: false`; a text replaces it.
 */
function automaticNoQuestion(env: ContextEnv, item: AgendaItem): ContextBlock[] {
  if (item.sans_question === false) return [];
  if (typeof item.sans_question === 'string') return [{ sans_question: item.sans_question }];
  if (!env.r.meeting.sans_question_automatique && item.sans_question !== true) return [];
  const said = (item.contenu ?? []).some((b) => typeof b === 'object' && ('question' in b || 'remarque' in b || 'reponse' in b || 'sans_question' in b));
  return said || (item.points?.length ?? 0) > 0 ? [] : [{ sans_question: env.r.labels.sans_question }];
}

/** I, II… then a), b)… then 1., 2.… then i., ii.… so that no two levels look alike. */
function numeral(depth: number, rank: number): string {
  return depth === 1 ? romanNumeral(rank) : depth === 2 ? letterNumeral(rank) : depth === 3 ? String(rank) : romanNumeral(rank).toLowerCase();
}

/** The agenda's items, in order, with their sub-items. */
export function agendaPoints(env: ContextEnv): ContextPoint[] {
  const { r } = env;
  const nameStyle = r.style.personnes;
  const people = (ids: string[]) => groupNames(ids.map((id) => env.person(id)!).filter((p): p is ResolvedPerson => Boolean(p)), nameStyle);
  // With continuous numbering, the items of a level are counted across their parents (themes above items).
  const counted: number[] = [];
  const point = (item: AgendaItem, index: number, depth: number, parent: PointPath): ContextPoint => {
    const at = [...parent, index + 1];
    counted[depth] = (counted[depth] ?? 0) + 1;
    const rank = r.style.numerotation_continue ? counted[depth]! : index + 1;
    const presenters = item.presentation ? (typeof item.presentation.par === 'string' ? [item.presentation.par] : item.presentation.par) : [];
    const reporters = item.rapporteur === undefined ? [] : typeof item.rapporteur === 'string' ? [item.rapporteur] : item.rapporteur;
    const slides = item.presentation?.diaporama;
    return {
      numero: numeral(depth, rank),
      etiquette: itemLabel(env.numbering, depth, rank),
      rang: rank,
      titre: item.titre,
      niveau: Math.min(depth, 4),
      ...(item.presentation ? { presentation: { par: people(presenters), ...(slides !== undefined ? { diaporama: formatSlides(parseSlides(slides)) } : {}) } } : {}),
      ...(reporters.length > 0 ? { rapporteur: people(reporters) } : {}),
      contenu: [...(item.contenu ?? []).map((b) => contentBlock(env, b, at)), ...automaticNoQuestion(env, item)],
      points: (item.points ?? []).map((child, i) => point(child, i, depth + 1, at)),
    };
  };
  return r.meeting.points.map((item, i) => point(item, i, 1, []));
}

/** The agenda recap (block ordre_du_jour): the first-level items with their labels. */
export function agendaRecap(env: ContextEnv): { etiquette: string; titre: string }[] {
  return env.r.meeting.points.map((item, i) => ({ etiquette: itemLabel(env.numbering, 1, i + 1), titre: item.titre }));
}
