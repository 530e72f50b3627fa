// The small builders of the template context: who is in which attendance list, the wording of proxies,
// relations and moments (model rules), the counts line and quorum sentence, and a deliberation's context
// built on its own, equal to the one the minutes print.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { attendanceMembers, byCategory, listsApart } from '../src/model/attendance-lists.js';
import { attendeeWords } from '../src/model/attendee-words.js';
import { pluralProxyLabel, proxyPairs, proxyWording } from '../src/model/proxy-words.js';
import { buildContext, deliberationContext, deliberationPlaces, type ContextBlock, type ContextDeliberation, type ContextPoint } from '../src/compose/context.js';
import { lineText } from '../src/compose/context/attendance.js';
import type { ResolvedMeeting } from '../src/model/resolve.js';

const root = path.join(import.meta.dirname, '..');
const examples = path.join(root, 'examples');

function resolve(file: string): ResolvedMeeting {
  const resolved = validateMeeting(file, new Reporter('en'));
  if (!resolved) throw new Error(`${file} does not validate`);
  return resolved;
}

const council = () => resolve(path.join(examples, 'conseil-municipal', 'conseil-2024-06-27.yaml'));

/** Every meeting file of the examples (gallery included). */
function meetingFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return meetingFiles(file);
    return /\.yaml$/.test(entry.name) && !/\.(composition|organisation)\.yaml$/.test(entry.name) ? [file] : [];
  });
}

describe('attendance lists (model/attendance-lists.ts)', () => {
  it('puts late arrivals apart only when the head lists them apart, and the chair among those present when asked', () => {
    const r = council();
    const together = attendanceMembers(r, listsApart(['presents']), false);
    const apart = attendanceMembers(r, listsApart(['presents', 'arrivees']), true);
    expect(together.arrivees).toEqual(['moreau']);
    expect(together.presents).toContain('moreau');
    expect(together.presents).not.toContain(r.meeting.seance.presidence);
    expect(apart.presents).not.toContain('moreau');
    expect(apart.presents[0]).toBe(r.meeting.seance.presidence);
    expect(together.excuses).toEqual(['bonnet', 'de_beaulieu', 'gaillard', 'hubert', 'roussel']);
    expect(together.absents).toEqual(expect.arrayContaining(['noel', 'vasseur']));
  });

  it('groups by category: members without one first, then the categories in their order', () => {
    const r = council();
    const groups = byCategory(r, [...r.order.present]);
    expect(groups.flatMap(([, ids]) => ids).sort()).toEqual([...r.order.present].sort());
    const order = [...r.categories].map(([category]) => category);
    const seen = groups.map(([category]) => category).filter((c) => c !== '');
    expect(seen).toEqual(order.filter((c) => seen.includes(c)));
  });
});

describe('proxy, relation and moment words (model/proxy-words.ts, attendee-words.ts)', () => {
  it('words the proxies in the order of the lists, given before the meeting or on leaving', () => {
    const r = council();
    expect(proxyPairs(r)).toEqual([
      ['bonnet', 'fontaine'],
      ['de_beaulieu', 'collin'],
      ['gaillard', 'perrin'],
      ['blanchard', 'dumont'],
    ]);
    const words = proxyWording(r);
    expect(words.words('fontaine')).toMatch(/^donne pouvoir à .*FONTAINE$/);
    expect(words.words('fontaine', true)).toMatch(/^donnent pouvoir à /);
    expect(pluralProxyLabel('a donné procuration à')).toBe('ont donné procuration à');
  });

  it('says the proxy after the name unless the head lists the proxies apart, and the moments of the day', () => {
    const r = council();
    const proxy = proxyWording(r);
    const inline = attendeeWords(r, proxy, listsApart([]));
    const apart = attendeeWords(r, proxy, listsApart(['procurations']));
    expect(inline.relations('bonnet')).toEqual({ text: proxy.words('fontaine'), apposition: false });
    expect(apart.relations('bonnet')).toBeUndefined();
    expect(inline.details('moreau')).toMatch(/^\(arrivée? à 20h52, au point 2\)$/);
    expect(inline.details('blanchard')).toMatch(/a quitté la séance à 22h05, au point 3, et a donné pouvoir à /);
    expect(apart.details('blanchard')).not.toMatch(/pouvoir/);
    expect(inline.details('roussel')).toBe('(excusé pour raisons professionnelles)');
  });
});

describe('attendance lines and counts as printed (compose/context)', () => {
  it('gives each line its text with its punctuation: " ;" but for the last of a group, "."', () => {
    const c = buildContext(council());
    for (const group of [...c.presents, ...c.excuses, ...c.absents]) {
      group.personnes.forEach((l, i) => {
        expect(l.last).toBe(i === group.personnes.length - 1);
        expect(l.texte).toBe(`${lineText(l)}${l.last ? '.' : ' ;'}`);
      });
    }
  });

  it('writes the counts line and the quorum sentence: the house style’s, else the default', () => {
    const r = council();
    const c = buildContext(r);
    const e = c.effectifs;
    expect(c.phrases.effectifs).toBeDefined();
    expect(e.ligne).toBe(c.phrases.effectifs);
    expect(e.quorum?.phrase).toBe(c.phrases.quorum ?? e.quorum?.phrase);
    const plain = buildContext({ ...r, style: { ...r.style, phrases: {} } });
    const p = plain.effectifs;
    expect(p.ligne).toBe(`En exercice : ${p.en_exercice} – Présents : ${p.presents} – Représentés : ${p.representes} – Votants : ${p.votants}`);
    expect(p.quorum?.phrase).toMatch(/^Le quorum étant atteint \(\d+ membres présents pour \d+ requis\), le Conseil municipal peut valablement délibérer\.$/);
    expect(plain.seance.formule).toMatch(/^Le Conseil municipal.* s’est réuni le .*, sous la présidence de .*\.$/);
  });
});

/** The deliberations of the agenda, in reading order, as the whole context gives them. */
function deliberationsOf(points: ContextPoint[]): ContextDeliberation[] {
  return points.flatMap((p) => [
    ...p.contenu.filter((b): b is Extract<ContextBlock, { deliberation: unknown }> => 'deliberation' in b).map((b) => b.deliberation),
    ...deliberationsOf(p.points),
  ]);
}

describe('a deliberation on its own (deliberationContext)', () => {
  it('finds each deliberation by its point and rank, and says it as the minutes do, in every example', () => {
    let checked = 0;
    for (const file of meetingFiles(examples)) {
      const r = resolve(file);
      const places = deliberationPlaces(r.meeting.points);
      const own = places.map(({ point, index }) => deliberationContext(r, point, index));
      expect(own, file).toEqual(deliberationsOf(buildContext(r).points));
      checked += own.length;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives a deliberation its own counts when someone came or left before it', () => {
    const r = council();
    expect(deliberationContext(r, [1])?.numero).toBe('2024-031');
    expect(deliberationContext(r, [1])?.effectifs?.ligne).toMatch(/^Présents : \d+ – Représentés : 3 – Votants : 22$/);
    expect(deliberationContext(r, [3])?.votants).toEqual([expect.stringMatching(/^Abstentions : /)]);
    expect(deliberationContext(r, [9])).toBeUndefined();
    expect(deliberationContext(r, [1], 1)).toBeUndefined();
  });
});
