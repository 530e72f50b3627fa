// The roster as Markdown (GFM pipe tables), to paste into a document or a wiki. Cell text is escaped
// with the Markdown writer's own rules, so a name or function always reads back as written; a control
// character (ESC, BEL, a bidi override) is written as its escape, "\u001b", as on the terminal.
import { visible } from '../text/visible.js';
import { escapeMarkdownText } from '../writers/markdown.js';
import type { Roster } from './model.js';
import type { Cell, Matrix } from './matrix.js';
import { countsColumns, countsRows, matrixTotals } from './counts-table.js';
import {
  CELL_LEGEND,
  absenceRunText,
  detailsText,
  flagText,
  guestWord,
  instanceName,
  meetingLine,
  numericDate,
  percent,
  quorumText,
  stateWord,
} from './words.js';

type Align = 'left' | 'right' | 'center';

const esc = (text: string) => visible(escapeMarkdownText(text).replace(/\r?\n/g, '<br>'));

function table(header: string[], rows: string[][], align: Align[] = []): string {
  const rule = header.map((_, i) => ({ left: '---', right: '---:', center: ':---:' })[align[i] ?? 'left']);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(esc)), line(rule), ...rows.map((r) => line(r))].join('\n') + '\n';
}

export function formatRosterMarkdown(roster: Roster): string {
  const out: string[] = [];
  out.push(`## ${esc(instanceName(roster.meeting.instance))} — ${esc(meetingLine(roster.meeting))}\n`);
  for (const group of roster.groups) {
    out.push(`### ${esc(group.label)} (${group.members.length})\n`);
    out.push(
      table(
        ['Nom', 'État', 'Précisions', 'Fonction'],
        group.members.map((m) => [m.roles.length > 0 ? `**${esc(m.name)}**` : esc(m.name), esc(stateWord(m)), esc(detailsText(m)), esc(m.fonction ?? '')]),
      ),
    );
  }
  out.push(`### Invités (${roster.guests.length})\n`);
  out.push(
    roster.guests.length === 0
      ? 'Néant.\n'
      : table(
          ['Nom', 'État', 'Précisions', 'Fonction'],
          roster.guests.map((g) => [esc(g.name), esc(guestWord(g)), esc(detailsText(g)), esc(g.fonction ?? '')]),
        ),
  );
  out.push('### Effectifs\n');
  out.push(
    table(
      ['', ...countsColumns],
      countsRows(roster).map((row) => {
        const cells = [esc(row.label), ...row.values.map(esc)];
        return row.total ? cells.map((c) => `**${c}**`) : cells;
      }),
      ['left', ...countsColumns.map(() => 'right' as const)],
    ),
  );
  out.push(`Votants = présents + représentés (voix délibérative). Invités : ${roster.counts.guests}.\n`);
  out.push(`${esc(quorumText(roster))}\n`);
  return out.join('\n');
}

export function formatMatrixMarkdown(matrix: Matrix): string {
  const n = matrix.meetings.length;
  const out: string[] = [];
  out.push(`## ${esc(instanceName(matrix.instance))} — présences sur ${n} séance${n > 1 ? 's' : ''}\n`);
  const dates = matrix.meetings.map((m) => numericDate(m.date));
  const align: Align[] = ['left', ...dates.map(() => 'center' as const), 'right', 'right', 'left'];
  for (const category of matrix.categories) {
    const rows = matrix.rows.filter((r) => r.member.category === category.id);
    if (rows.length === 0) continue;
    out.push(`### ${esc(category.label)}\n`);
    out.push(
      table(
        ['Membre', ...dates, 'Présences', 'Taux', 'Alerte'],
        rows.map((row) => [
          esc(row.member.name),
          ...row.cells.map((cell) => (cell === 'A' ? `**${cell}**` : cell)),
          `${row.tally.P}/${n}`,
          esc(percent(row.attendanceRate)),
          flagText(row.absenceRuns),
        ]),
        align,
      ),
    );
  }
  out.push('### Effectifs par séance\n');
  out.push(table(['', ...dates], matrixTotals(matrix).map((t) => [t.label, ...t.values.map(esc)]), ['left', ...dates.map(() => 'right' as const)]));
  out.push(`Légende : ${(Object.keys(CELL_LEGEND) as Cell[]).map((cell) => `${cell} ${esc(CELL_LEGEND[cell])}`).join(' – ')}.\n`);
  const flagged = matrix.rows.filter((r) => r.absenceRuns.length > 0);
  out.push(`### Absences sans excuse répétées (au moins ${matrix.threshold} séances consécutives)\n`);
  if (flagged.length === 0) out.push('Aucune.\n');
  else
    out.push(
      flagged
        .flatMap((row) =>
          row.absenceRuns.map(
            (run) =>
              `- ${esc(row.member.name)} : ${esc(absenceRunText(row.member, run.length, matrix.meetings[run.start]!.date, matrix.meetings[run.end]!.date))}`,
          ),
        )
        .join('\n') + '\n',
    );
  return out.join('\n');
}
