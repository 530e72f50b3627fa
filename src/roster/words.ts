// The roster's French wording, shared by every format: states with gender agreement ("excusée,
// représentée par …"), roles, the matrix legend, the quorum sentence, dates and rates.
import { agree } from '../model/names.js';
import { frenchDate, frenchTime } from '../typography/dates.js';
import { NBSP } from '../typography/french.js';
import type { GuestRow, MeetingInfo, MemberRow, Role, Roster } from './model.js';
import type { Cell } from './matrix.js';

type Civil = Pick<MemberRow, 'civilite' | 'genre'>;

/** Short state word for tables and spreadsheets: "présente", "représenté", "pouvoir", "excusée", "absent". */
export function stateWord(row: MemberRow): string {
  switch (row.state) {
    case 'present':
      return agree(row, 'présent', 'présente');
    case 'represented':
      return agree(row, 'représenté', 'représentée');
    case 'proxy':
      return 'pouvoir donné';
    case 'excused':
      return agree(row, 'excusé', 'excusée');
    case 'absent':
      return agree(row, 'absent', 'absente');
  }
}

/** "invitée", or "suppléante" for a substitute member sitting for a titular one. */
export function guestWord(row: Civil & Partial<Pick<GuestRow, 'sitsFor'>>): string {
  return row.sitsFor ? agree(row, 'suppléant', 'suppléante') : agree(row, 'invité', 'invitée');
}

export const ROLE_WORDS: Record<Role, string> = { chair: 'présidence', secretary: 'secrétaire de séance' };

/** "présidence", "représente Mme X", "détient le pouvoir de M. Y", joined with " ; ". */
function rolesText(row: MemberRow | GuestRow): string {
  return [
    ...row.roles.map((role) => ROLE_WORDS[role]),
    ...row.holds.map((h) => (h.kind === 'represented' ? `représente ${h.name}` : `détient le pouvoir de ${h.name}`)),
  ].join(' ; ');
}

export const CELL_LEGEND: Record<Cell, string> = {
  P: 'présent(e)',
  R: 'représenté(e) ou pouvoir donné',
  E: 'excusé(e)',
  A: 'absent(e) sans excuse',
};

/** "Comité Local des Usagers (CLU)". */
export function instanceName(instance: MeetingInfo['instance']): string {
  return instance.sigle ? `${instance.nom} (${instance.sigle})` : instance.nom;
}

const MODALITES: Record<string, string> = {
  presentiel: 'en présentiel',
  audioconference: 'en audioconférence',
  visioconference: 'en visioconférence',
  mixte: 'en présentiel et à distance',
};

/** ", en audioconférence" for a meeting held at a distance, '' in person (or unknown). */
export function modaliteSuffix(modalite: string | undefined): string {
  return modalite && modalite !== 'presentiel' && MODALITES[modalite] ? `, ${MODALITES[modalite]}` : '';
}

/** "séance du jeudi 6 mai 2021, 14h30 – 15h50, en audioconférence". */
export function meetingLine(meeting: MeetingInfo): string {
  const time = meeting.fin ? `${frenchTime(meeting.debut)} – ${frenchTime(meeting.fin)}` : frenchTime(meeting.debut);
  const where = meeting.lieu ? `, ${meeting.lieu}` : '';
  return `séance du ${frenchDate(meeting.date, { weekday: true })}, ${time}${where}${modaliteSuffix(meeting.modalite)}`;
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** A rate between 0 and 1 as a French percentage: "55,3 %" (no-break space). */
export function percent(rate: number): string {
  return `${decimal.format(Math.round(rate * 1000) / 10)}${NBSP}%`;
}

/** A rate as a bare percentage number with one decimal: 55.3 (for CSV and JSON consumers). */
export function percentNumber(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

/**
 * "Quorum atteint : 19 membres comptés pour 14 requis (5 de plus). Règle : plus de la moitié des 27
 * membres en exercice, pouvoirs non comptés." — or the absence of a rule.
 */
export function quorumText(roster: Roster): string {
  const { quorum } = roster.counts;
  const rule = roster.quorumRule;
  if (!quorum || !rule) return 'Quorum : aucune règle définie pour cette instance (composition, instance.quorum).';
  const head = quorum.reached ? 'Quorum atteint' : 'Quorum non atteint';
  const by =
    quorum.margin > 0 ? `${quorum.margin} de plus que le minimum` : quorum.margin === 0 ? 'tout juste' : `il en manque ${-quorum.margin}`;
  const members = `${quorum.base} membres ${roster.members.some((m) => !m.voting) ? 'à voix délibérative ' : ''}en exercice`;
  const ruleText = `${rule.strict ? 'plus de' : 'au moins'} ${fractionWords(rule.fraction)} des ${members}, ${
    quorum.includesRepresented ? 'présents et représentés comptés' : 'présents seuls, pouvoirs non comptés'
  }`;
  const counted = plural(quorum.counted, 'membre compté', 'membres comptés');
  return `${head}${NBSP}: ${counted} pour ${quorum.required} requis (${by}). Règle${NBSP}: ${ruleText}.`;
}

function fractionWords(fraction: number): string {
  const known: Record<string, string> = { '0.5': 'la moitié', '0.25': 'le quart', '0.75': 'les trois quarts' };
  const third = Math.abs(fraction - 1 / 3) < 1e-9 ? 'le tiers' : Math.abs(fraction - 2 / 3) < 1e-9 ? 'les deux tiers' : undefined;
  return known[String(fraction)] ?? third ?? (fraction === 1 ? 'la totalité' : `${decimal.format(fraction * 100)}${NBSP}%`);
}

/** "06/05/2021": compact column heading for the matrix. */
export function numericDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * What the state word leaves out: "par Mme Nathalie BRIONNET", "à M. Paul DURAND", "non mentionné dans
 * la séance", then the roles ("présidence") and what the person holds ("représente Mme X").
 */
export function detailsText(row: MemberRow | GuestRow): string {
  const parts: string[] = [];
  if ('state' in row) {
    if (row.state === 'represented' && row.holder) parts.push(`par ${row.holder.name}`);
    if (row.state === 'proxy' && row.holder) parts.push(`à ${row.holder.name}`);
    if (row.unlisted) parts.push(`${agree(row, 'non mentionné', 'non mentionnée')} dans la séance`);
    if (row.substitute) parts.push(`${agree(row, 'suppléé', 'suppléée')} par ${row.substitute.name}`);
  } else if (row.sitsFor) {
    parts.push(`de ${row.sitsFor.name}`);
  }
  if (row.day) parts.push(row.day);
  const roles = rolesText(row);
  if (roles) parts.push(roles);
  return parts.join(' ; ');
}

/** "absent sans excuse à 3 séances consécutives, du 6 mai 2021 au 1er juin 2023". */
export function absenceRunText(member: Civil, length: number, from: string, to: string): string {
  return `${agree(member, 'absent', 'absente')} sans excuse à ${length} séances consécutives, du ${frenchDate(from)} au ${frenchDate(to)}`;
}

/** "⚠ 3 absences consécutives" for a flagged matrix row, '' otherwise. */
export function flagText(runs: { length: number }[]): string {
  return runs.length === 0 ? '' : `⚠ ${Math.max(...runs.map((r) => r.length))} absences consécutives`;
}
