// Content items as templates see them: paragraphs, lists, boxes, tables, pictures, exchanges,
// commitments (deliberations: deliberation.ts). Prose stays as typed (rich text).
import type { PointPath } from '../../model/moments.js';
import type { AgendaItem, Block, Meeting } from '../../model/schema.js';
import { frenchDate } from '../../typography/dates.js';
import { contextList, contextPicture, contextTable, itemTexts } from '../content-context.js';
import type { ContextEnv } from './env.js';
import type { ContextBlock } from './types.js';

/** A content item that is not a deliberation (a deliberation's own text is made of these). */
export type SimpleBlock = Exclude<Block, { deliberation: unknown }>;
export type Commitment = Extract<Block, { engagement: unknown }>;

/** "30 juin 2024" for a date; a month or a year as typed. */
const deadline = (echeance: string) => (echeance.length === 10 ? frenchDate(echeance) : echeance);

export function simpleBlock(env: ContextEnv, b: SimpleBlock, at: PointPath): ContextBlock {
  const { r } = env;
  if (typeof b === 'string') return { paragraphe: b };
  if ('intertitre' in b) return { intertitre: b.intertitre };
  if ('liste' in b) return { liste: itemTexts(b.liste), ...contextList(b.liste, b.puces ?? r.style.puces ?? 'coches') };
  if ('encadre' in b) return { encadre: b.encadre.map((c) => simpleBlock(env, c, at)), ...(b.titre ? { titre: b.titre } : {}) };
  if ('filet' in b) return { filet: true };
  if ('tableau' in b) return { tableau: contextTable(b) };
  if ('image' in b) return { image: contextPicture(b) };
  if ('question' in b) return { echange: b.question, nature: 'question' };
  if ('remarque' in b) return { echange: b.remarque, nature: 'remarque' };
  if ('reponse' in b) return { echange: b.reponse, nature: 'reponse' };
  if ('sans_question' in b) return { sans_question: b.sans_question === true ? r.labels.sans_question : b.sans_question };
  return {
    engagement: b.engagement,
    ...(b.responsable ? { responsable: env.nameOf(b.responsable) } : {}),
    ...(b.echeance ? { echeance: deadline(b.echeance) } : {}),
  };
}

/** A commitment as a row of the summary table (texts '' when not given). */
export function commitmentRow(env: ContextEnv, b: Commitment): { texte: string; responsable: string; echeance: string } {
  return { texte: b.engagement, responsable: b.responsable ? env.nameOf(b.responsable) : '', echeance: b.echeance ? deadline(b.echeance) : '' };
}

/** Every commitment of the meeting, in reading order (opening, items and sub-items, deliberations, closing). */
export function commitments(meeting: Meeting): Commitment[] {
  const found: Commitment[] = [];
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
