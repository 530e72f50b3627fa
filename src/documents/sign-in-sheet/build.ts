// The sign-in sheet ("feuille d'émargement") as a document tree: the body, the day, the time and the
// place, then every member by category in a table Nom | Fonction | Signature, then blank lines for
// guests. It is written by the same DOCX and PDF writers as the minutes. It can be made from a meeting
// file, or before the meeting from the composition alone with the date, time and place given apart.
import path from 'node:path';
import type { Block, DocumentTree, Inline, TableCell } from '../../document/tree.js';
import type { Composition, Organisation, Person } from '../../model/schema.js';
import type { ResolvedMeeting } from '../../model/resolve.js';
import { applyTypography } from '../../typography/tree.js';
import { frenchDate, frenchTime } from '../../typography/dates.js';
import { documentDate } from '../../compose/compose.js';
import { NO_CATEGORY_LABEL, categoryOrder, groupMembers, personInfo, roles, type PersonInfo, type Role } from '../../roster/model.js';
import { ROLE_WORDS, instanceName, modaliteSuffix } from '../../roster/words.js';

/**
 * Lines in the signature cell. The PDF writer has no minimum row height: empty lines give the row its
 * height (about 1,6 cm with the default 8 pt cell text), in DOCX as in PDF.
 */
export const SIGNATURE_LINES = 4;

export interface SheetMember extends PersonInfo {
  category: string;
  voting: boolean;
  roles: Role[];
}

export interface SheetInput {
  instance: Composition['instance'];
  organisation?: { data: Organisation; dir: string };
  /** ISO date. */
  date: string;
  /** "14h30", as in meeting files. */
  heure?: string;
  lieu?: string;
  modalite?: string;
  categories: [string, string][];
  /** In the composition's order. */
  members: SheetMember[];
  /** Guests known in advance (declared in the meeting). */
  guests: PersonInfo[];
  /** Blank rows for guests who are not declared. */
  blankLines: number;
}

export function sheetFromMeeting(resolved: ResolvedMeeting, blankLines: number): SheetInput {
  const { meeting, composition, organisation } = resolved;
  const members = [...resolved.people.values()]
    .filter((p) => p.member)
    .map((p) => ({ ...personInfo(p), category: p.categorie ?? '', voting: p.voting, roles: roles(resolved, p.id) }));
  const guests = resolved.order.guests.flatMap((id) => {
    const p = resolved.people.get(id);
    return p && !p.member ? [personInfo(p)] : [];
  });
  return {
    instance: composition.instance,
    ...(organisation && resolved.sources.organisation
      ? { organisation: { data: organisation, dir: path.dirname(path.resolve(resolved.sources.organisation.file)) } }
      : {}),
    date: meeting.seance.date,
    heure: meeting.seance.debut,
    ...(meeting.seance.lieu ? { lieu: meeting.seance.lieu } : {}),
    modalite: meeting.seance.modalite,
    categories: resolved.categories,
    members,
    guests,
    blankLines,
  };
}

export function sheetFromComposition(
  composition: Composition,
  details: { date: string; heure?: string; lieu?: string },
  blankLines: number,
): SheetInput {
  const members = Object.entries(composition.membres).map(([id, p]: [string, Person]) => ({
    ...personInfo({ ...p, id }),
    category: p.categorie ?? '',
    voting: p.voix !== 'consultative',
    roles: [],
  }));
  return {
    instance: composition.instance,
    date: details.date,
    ...(details.heure ? { heure: details.heure } : {}),
    ...(details.lieu ? { lieu: details.lieu } : {}),
    categories: Object.entries(composition.categories),
    members,
    guests: [],
    blankLines,
  };
}

const text = (value: string): Inline => ({ type: 'text', value });
const para = (style: Extract<Block, { type: 'paragraph' }>['style'], ...children: Inline[]): Block => ({ type: 'paragraph', style, children });
const cell = (...children: Inline[]): TableCell => ({ children });
const signatureCell = (): TableCell => ({ children: Array.from({ length: SIGNATURE_LINES }, (): Inline => ({ type: 'lineBreak' })) });
const HEADER: TableCell[] = ['Nom', 'Fonction', 'Signature'].map((t) => ({ header: true, children: [text(t)] }));
/** Relative column widths: Nom | Fonction | Signature. */
const COLUMNS = [3, 4, 3];

function nameCell(person: PersonInfo, roles: Role[]): TableCell {
  const role = roles.map((r) => ROLE_WORDS[r]).join(', ');
  return role ? cell(text(person.name), { type: 'lineBreak' }, { type: 'emphasis', children: [text(role)] }) : cell(text(person.name));
}

export function buildSheet(input: SheetInput, env: Record<string, string | undefined>): DocumentTree {
  const blocks: Block[] = [];
  const marque = input.organisation?.data.marque;
  if (marque) {
    const lines = (values: string[]): Inline[] => values.flatMap((v, i): Inline[] => (i === 0 ? [text(v)] : [{ type: 'lineBreak' }, text(v)]));
    const logo = marque.logo;
    blocks.push({
      type: 'division',
      role: 'letterhead',
      children: [
        ...(logo ? [{ type: 'image' as const, path: path.resolve(input.organisation!.dir, logo.fichier), width: logo.largeur, alt: logo.alt }] : []),
        para('marque', ...lines(marque.institution)),
        ...(marque.devise ? [para('devise', ...lines(['Liberté', 'Égalité', 'Fraternité']))] : []),
      ],
    });
  }
  blocks.push({ type: 'title', children: [text('Feuille d’émargement')] });
  blocks.push(para('label', text(instanceName(input.instance))));
  const time = input.heure ? ` à ${frenchTime(input.heure)}` : '';
  blocks.push(para('body', text(`Séance du ${frenchDate(input.date, { weekday: true })}${time}${modaliteSuffix(input.modalite)}`)));
  if (input.lieu) blocks.push(para('body', text(`Lieu : ${input.lieu}`)));

  const categories = categoryOrder(input.categories, input.members);
  for (const group of groupMembers(categories, input.members)) {
    // Members without a category (nobody known to chair yet) need no heading on a sheet.
    if (group.label !== NO_CATEGORY_LABEL) blocks.push(para('category', text(group.label)));
    blocks.push({
      type: 'table',
      columns: COLUMNS,
      rows: [HEADER, ...group.members.map((m) => [nameCell(m, m.roles), cell(text(m.fonction ?? '')), signatureCell()])],
    });
  }

  blocks.push(para('category', text('Invités et autres participants')));
  blocks.push({
    type: 'table',
    columns: COLUMNS,
    rows: [
      HEADER,
      ...input.guests.map((g) => [nameCell(g, []), cell(text(g.fonction ?? '')), signatureCell()]),
      ...Array.from({ length: input.blankLines }, () => [cell(), cell(), signatureCell()]),
    ],
  });

  return {
    meta: {
      title: `Feuille d’émargement – ${input.instance.nom} – ${frenchDate(input.date)}`,
      subject: `${input.instance.nom} – ${input.date}`,
      keywords: ['feuille d’émargement', input.instance.nom],
      lang: 'fr-FR',
      date: documentDate(input.date, env),
    },
    blocks: applyTypography(blocks),
  };
}
