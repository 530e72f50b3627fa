// People and attendance as bodies record them: arrivals and departures counted per deliberation,
// substitutes, role-only seats, the body's rules (proxies, quorum by kind, dues, second convocation),
// agreement of every new wording, and the new users' mistakes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { computeCounts } from '../src/model/counts.js';
import { buildContext, officerLabel } from '../src/compose/context.js';
import type { ResolvedMeeting } from '../src/model/resolve.js';
import { runCli } from './support/cli.js';
import { expectInOrder } from './support/in-order.js';

const root = path.join(import.meta.dirname, '..');
const example = (...parts: string[]) => path.join(root, 'examples', ...parts);
const dir = mkdtempSync(path.join(tmpdir(), 'clu-attendance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(file: string, locale: 'en' | 'fr' = 'en') {
  const reporter = new Reporter(locale);
  const resolved = validateMeeting(file, reporter);
  return { resolved: resolved!, diagnostics: reporter.diagnostics, codes: reporter.diagnostics.map((d) => d.code) };
}

let count = 0;
/** A small meeting of a six-member body; `composition` and `meeting` are YAML lines added to each part. */
function meeting(parts: { type?: string; instance?: string; membres?: string; meeting: string }): string {
  const file = path.join(dir, `m${++count}.yaml`);
  writeFileSync(
    file,
    `composition:
  instance: { nom: Conseil, type: ${parts.type ?? 'conseil_municipal'}${parts.instance ?? ''} }
  membres:
    maire: { civilite: M., prenom: Paul, nom: Girard, fonction: maire }
    anne: { civilite: Mme, prenom: Anne, nom: Morel }
    bruno: { civilite: M., prenom: Bruno, nom: Petit }
    carla: { civilite: Mme, prenom: Carla, nom: Simon }
    denis: { civilite: M., prenom: Denis, nom: Roy }
    elsa: { civilite: Mme, prenom: Elsa, nom: Faure }
${parts.membres ?? ''}document: { date: 2024-05-20 }
${parts.meeting}
`,
  );
  return file;
}
const seance = (extra = '') => `seance: { date: 2024-05-14, debut: 18h, fin: 21h, presidence: maire${extra} }`;
const twoPoints = `points:
  - titre: Budget
    contenu:
      - deliberation: { titre: Budget, vote: { pour: VOTE1 } }
  - titre: Travaux
    contenu:
      - deliberation: { titre: Travaux, vote: { pour: VOTE2 } }`;

describe('arrivals and departures', () => {
  it('the council example: each deliberation counts who was there at its point', () => {
    const { resolved, diagnostics } = validate(example('conseil-municipal', 'conseil-2024-06-27.yaml'));
    expect(diagnostics).toEqual([]);
    const at = (point: number[]) => computeCounts(resolved, point).total;
    // Point 1: M. MOREAU not yet arrived. Point 2: everyone. Point 3: M. BLANCHARD gone, his proxy counts.
    expect(at([1])).toMatchObject({ present: 19, represented: 3, voters: 22 });
    expect(at([2])).toMatchObject({ present: 20, represented: 3, voters: 23 });
    expect(at([3])).toMatchObject({ present: 19, represented: 4, voters: 23 });
    expect(computeCounts(resolved).total).toMatchObject({ inOffice: 27, present: 20, voters: 23 });
    // The template data carries the changed counts on the deliberations where they differ.
    const context = buildContext(resolved);
    const deliberation = (i: number) => (context.points[i]!.contenu[0] as { deliberation: { effectifs?: object } }).deliberation;
    expect(deliberation(0).effectifs).toMatchObject({ presents: 19, votants: 22 });
    expect(deliberation(1).effectifs).toBeUndefined();
    expect(deliberation(2).effectifs).toMatchObject({ presents: 19, representes: 4, votants: 23 });
  });

  it('a vote larger than the voters present at its point is an error at that point', () => {
    const file = meeting({
      meeting: `${seance()}
presences:
  presents: [maire, anne, bruno, carla, { id: denis, arrivee: 2 }, { id: elsa, depart: { heure: 19h, point: 2 } }]
${twoPoints.replace('VOTE1', '6').replace('VOTE2', '5')}`,
    });
    const { diagnostics } = validate(file);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['vote-exceeds-voters 6 votes counted, but only 5 members could vote at point 1 (present or represented)']);
  });

  it('a point missing from the agenda is one error, not one per vote', () => {
    const file = meeting({
      meeting: `${seance()}
presences:
  presents: [maire, anne, bruno, carla, denis, { id: elsa, arrivee: { heure: 19h, point: 5 } }]
${twoPoints.replace('VOTE1', '6').replace('VOTE2', '6')}`,
    });
    expect(validate(file).codes).toEqual(['point-not-found']);
  });

  it('named voters must be there at the deliberation’s point', () => {
    const file = meeting({
      meeting: `${seance()}
presences:
  presents: [maire, anne, bruno, carla, elsa, { id: denis, depart: 2 }]
points:
  - titre: Budget
    contenu:
      - deliberation: { titre: Budget, vote: { pour: 5 } }
  - titre: Travaux
    contenu:
      - deliberation: { titre: Travaux, vote: { pour: 4, contre: 1, noms: { contre: [denis] } } }`,
    });
    expect(validate(file, 'fr').diagnostics.map((d) => d.message)).toEqual(['M. Denis ROY vote ici mais n’était ni présent ni représenté au point 2']);
  });

  it('the quorum of each deliberation: departures can break it', () => {
    const file = meeting({
      meeting: `${seance()}
presences:
  presents: [maire, anne, bruno, { id: carla, depart: 2 }]
  absents: [denis, elsa]
${twoPoints.replace('VOTE1', '4').replace('VOTE2', '3')}`,
    });
    const { diagnostics } = validate(file);
    expect(diagnostics.map((d) => d.code)).toEqual(['quorum-not-reached']);
    expect(diagnostics[0]!.message).toContain('at point 2 (3 counted, 4 required)');
    expect(diagnostics[0]!.hint).toContain('more than 50 % of the 6 members in office, proxies not counted (default for type “conseil_municipal”)');
  });
});

describe('the body’s rules', () => {
  const proxies = (instance = '') =>
    meeting({
      instance,
      meeting: `${seance()}
presences:
  presents: [maire, anne, bruno]
  excuses: [{ id: carla, pouvoir_a: anne }, { id: denis, pouvoir_a: anne }, { id: elsa, pouvoir_a: anne }]`,
    });
  it('one proxy per holder by default; the composition may allow more', () => {
    expect(validate(proxies()).codes).toEqual(['proxy-holder-multiple', 'proxy-holder-multiple']);
    const two = validate(proxies(', pouvoirs_max: 2'), 'fr').diagnostics;
    expect(two.map((d) => d.message)).toEqual(['Mme Anne MOREL détient déjà 2 pouvoirs (Mme Carla SIMON, M. Denis ROY) ; l’instance en permet 2']);
    expect(two[0]!.hint).toContain('instance.pouvoirs_max = 2');
    expect(validate(proxies(', pouvoirs_max: 3')).codes).toEqual([]);
  });

  it('quorum by kind of body, none at a second convocation, none when false', () => {
    const few = (instance: string, extra = '', type?: string) =>
      meeting({
        instance,
        ...(type ? { type } : {}),
        meeting: `${seance(extra)}\npresences:\n  presents: [maire, anne]\n  excuses: [{ id: bruno, pouvoir_a: anne }]\n  absents: [carla, denis, elsa]\n${twoPoints.replace('VOTE1', '3').replace('VOTE2', '3')}`,
      });
    expect(validate(few('')).codes).toEqual(['quorum-not-reached']);
    expect(validate(few('', ', seconde_convocation: true')).codes).toEqual([]);
    expect(validate(few(', quorum: false')).codes).toEqual([]);
    expect(validate(few('', '', 'association')).codes).toEqual(['schema-value']);
    expect(validate(few('', '', 'comite')).codes).toEqual([]); // no rule by default
    // A State commission: half of its members present or represented (2 present + 1 proxy = 3 of 6).
    const commission = computeCounts(validate(few('', '', 'commission')).resolved).quorum!;
    expect(commission).toMatchObject({ base: 6, required: 3, counted: 3, reached: true, includesRepresented: true });
  });

  it('an association counts its quorum on the members up to date with their dues', () => {
    const { resolved, diagnostics } = validate(example('association', 'ag-2025-04-12.yaml'));
    expect(diagnostics).toEqual([]);
    expect(computeCounts(resolved).quorum).toMatchObject({ base: 10, required: 3, counted: 7, reached: true });
  });

  it('consultative members in office only when the body says so, in the counts and the quorum alike', () => {
    const withConsultative = (instance: string) =>
      meeting({
        instance,
        membres: '    conseil: { civilite: Mme, prenom: Iris, nom: Conseil, voix: consultative }\n',
        meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa, conseil]`,
      });
    const off = computeCounts(validate(withConsultative('')).resolved);
    expect([off.total.inOffice, off.quorum!.base]).toEqual([6, 6]);
    const on = computeCounts(validate(withConsultative(', consultatifs_en_exercice: true')).resolved);
    expect([on.total.inOffice, on.quorum!.base, on.total.voters]).toEqual([7, 7, 6]);
  });
});

describe('seats, substitutes and notes', () => {
  it('a substitute holds the titular’s seat; the suppléant is not in office', () => {
    const { resolved, diagnostics } = validate(example('communaute-de-communes', 'conseil-2025-02-04.yaml'));
    expect(diagnostics).toEqual([]);
    expect(computeCounts(resolved).total).toMatchObject({ inOffice: 7, present: 6, represented: 1, voters: 7 });
  });

  it('a substitute is a suppléant of the same group, for a titular who is not listed absent', () => {
    const sub = (entry: string, absents = '') =>
      meeting({
        membres: '    sup: { civilite: Mme, prenom: Léa, nom: Supp, suppleant: true }\n',
        meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, carla, ${entry}]${absents}`,
      });
    const reasons = (file: string) => validate(file, 'fr').diagnostics.filter((d) => d.code === 'substitute-invalid').map((d) => d.message);
    expect(reasons(sub('{ id: denis, remplace: elsa }'))).toEqual(['Mme Elsa FAURE ne peut pas être remplacée ici : M. Denis ROY est titulaire, pas suppléant (suppleant: true dans la composition)']);
    expect(reasons(sub('{ id: sup, remplace: elsa }, denis', '\n  absents: [elsa]'))[0]).toContain('elle est listée parmi les absents');
  });

  it('the meeting’s quorum is recorded at the opening: late arrivals do not count in it', () => {
    const file = meeting({ meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, { id: carla, arrivee: { heure: 18h30, point: 1 } }]\n  absents: [denis, elsa]` });
    const counts = computeCounts(validate(file).resolved);
    expect(counts.total.present).toBe(4);
    expect(counts.quorum).toMatchObject({ counted: 3, required: 4, reached: false });
  });

  it('role-only seats count like members', () => {
    const { resolved, diagnostics } = validate(example('etablissement-public', 'ca-2025-03-18.yaml'));
    expect(diagnostics).toEqual([]);
    expect(computeCounts(resolved).total).toMatchObject({ inOffice: 7, present: 6, represented: 1, voters: 7 });
  });

  it('a note stays with its meeting', () => {
    const shared = path.join(dir, 'shared.composition.yaml');
    writeFileSync(shared, 'instance: { nom: Bureau }\nmembres:\n  a: { civilite: Mme, prenom: Ana, nom: Lima }\n  b: { civilite: M., prenom: Bob, nom: Vidal }\n');
    const one = path.join(dir, 'one.yaml');
    const two = path.join(dir, 'two.yaml');
    const body = (presents: string) => `composition: shared.composition.yaml\ndocument: { date: 2024-01-02 }\nseance: { date: 2024-01-02, debut: 9h, presidence: a }\npresences:\n  presents: ${presents}\n`;
    writeFileSync(one, body('[a, { id: b, note: "(remplaçant Madame X)" }]'));
    writeFileSync(two, body('[a, b]'));
    const line = (r: ResolvedMeeting) => buildContext(r).presents.flatMap((g) => g.personnes).find((p) => p.nom.includes('VIDAL'))!;
    expect(line(validate(one).resolved).precisions).toBe('(remplaçant Madame X)');
    expect(line(validate(two).resolved).precisions).toBeUndefined();
  });
});

describe('agreement of the new wordings', () => {
  const female = { civilite: 'Mme' as const };
  const male = { civilite: 'M.' as const };
  it.each([
    ['vice_presidence', [female], 'Vice-présidente'],
    ['vice_presidence', [male], 'Vice-président'],
    ['vice_presidence', [female, female], 'Vice-présidentes'],
    ['vice_presidence', [female, male], 'Vice-présidents'],
    ['secretaire_adjoint', [female], 'Secrétaire adjointe'],
    ['secretaire_adjoint', [male, male], 'Secrétaires adjoints'],
    ['tresorier', [female], 'Trésorière'],
    ['rapporteur', [{}], 'Rapporteur(e)'], // gender unknown: the inclusive form
  ] as const)('%s for %j → %s', (role, holders, expected) => {
    expect(officerLabel(role, [...holders])).toBe(expected);
  });

  it('arrivals, departures, substitutes and representatives, in both genders', () => {
    const file = meeting({
      membres: '    sup: { civilite: Mme, prenom: Léa, nom: Supp, suppleant: true }\n    sup2: { civilite: M., prenom: Léo, nom: Supp, suppleant: true }\n',
      meeting: `${seance()}
presences:
  presents:
    - maire
    - { id: anne, arrivee: 19h10 }
    - { id: bruno, arrivee: 19h15, depart: { heure: 20h, point: 1 }, pouvoir_a: maire }
    - { id: sup, remplace: carla }
    - { id: sup2, remplace: denis }
  excuses: [elsa]
points:
  - titre: Divers
    contenu: [Rien à signaler.]`,
    });
    const context = buildContext(validate(file).resolved);
    const lines = Object.fromEntries(context.presents.flatMap((g) => g.personnes).map((p) => [p.nom, `${p.suite ?? ''}|${p.precisions ?? ''}`]));
    expect(lines['Mme Anne MOREL']).toBe('|(arrivée à 19h10)');
    expect(lines['M. Bruno PETIT']).toBe('|(arrivé à 19h15, a quitté la séance à 20h, au point 1, et a donné pouvoir à M. Paul GIRARD)');
    expect(lines['Mme Léa SUPP']).toBe('suppléante de Mme Carla SIMON|');
    expect(lines['M. Léo SUPP']).toBe('suppléant de M. Denis ROY|');
  });

  it('one sentence for several secretaries, agreed', () => {
    const secretaries = (ids: string) => {
      const file = meeting({ meeting: `${seance(`, secretaires: [${ids}]`)}\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa]` });
      const s = buildContext(validate(file).resolved).seance.secretariat!;
      return `${s.libelle} : ${s.noms} — ${s.noms} ${s.phrase}`;
    };
    expect(secretaries('anne')).toBe('Secrétaire de séance : Mme Anne MOREL — Mme Anne MOREL est désignée secrétaire de séance');
    expect(secretaries('anne, carla')).toBe('Secrétaires de séance : Mme Anne MOREL et Mme Carla SIMON — Mme Anne MOREL et Mme Carla SIMON sont désignées secrétaires de séance');
    expect(secretaries('anne, bruno')).toContain('sont désignés secrétaires de séance');
  });
});

describe('mistakes found by new users', () => {
  it('an empty or blank text gets the format’s message', () => {
    const file = meeting({ meeting: `seance: { date: 2024-05-14, debut: 18h, lieu: "", presidence: maire }\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa]` });
    const blank = meeting({ membres: '    zoe: { civilite: Mme, prenom: " ", nom: Blanc }\n', meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa, zoe]` });
    for (const f of [file, blank]) {
      const { diagnostics } = validate(f, 'fr');
      expect(diagnostics.map((d) => d.message)).toEqual(['texte vide']);
    }
  });

  it('a guest may be excused; a non-member listed present is sent to “invites”', () => {
    const file = meeting({
      meeting: `${seance()}\npersonnes:\n  guest: { civilite: M., prenom: Hugo, nom: Lenoir }\n  other: { civilite: Mme, prenom: Eva, nom: Noir }\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa, other]\n  excuses: [guest]`,
    });
    const { diagnostics } = validate(file);
    expect(diagnostics.map((d) => `${d.code}: ${d.hint}`)).toEqual(['not-a-member: a person present who is not a member goes under “invites” (or a list of “autres_listes”)']);
  });

  it('signataires: [] means no signature, not the chair', () => {
    const file = meeting({ meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa]\nsignataires: []` });
    expect(buildContext(validate(file).resolved).signataires).toEqual([]);
    const defaulted = meeting({ meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa]` });
    expect(buildContext(validate(defaulted).resolved).signataires).toEqual([{ qualite: 'Le président,', qualite_lignes: [], nom: 'Paul GIRARD' }]);
  });

  it('a person needs a surname or a seat', () => {
    const file = meeting({ membres: '    x: { civilite: M., prenom: Yves }\n', meeting: `${seance()}\npresences:\n  presents: [maire, anne, bruno, carla, denis, elsa, x]` });
    expect(validate(file).diagnostics.map((d) => d.message)).toEqual(['a person needs a surname (nom), or a seat named by its role (representant_de)']);
  });
});

describe('lists as bodies print them', () => {
  const file = (style: string, extra = '') =>
    meeting({
      membres: '    lejard: { civilite: Mme, nom: Lejard }\n    allain: { civilite: M., nom: Allain }\n    briard: { civilite: M., nom: Briard }\n',
      meeting: `${seance()}
style: ${style}
presences:
  presents: [maire, lejard, allain, briard, anne, bruno, carla]
  excuses: [{ id: denis, pouvoir_a: anne }, elsa]
${extra}`,
    });
  it('one per line by default; run in; run in with collective civilities', () => {
    const presents = (style: string) => buildContext(validate(file(style)).resolved).presents[0]!;
    expect(presents('{}').en_ligne).toBeUndefined();
    expect(presents('{ listes: en_ligne }').en_ligne).toBe('Mme LEJARD, M. ALLAIN, M. BRIARD, Mme Anne MOREL, M. Bruno PETIT, Mme Carla SIMON.');
    expect(presents('{ listes: collectif }').en_ligne).toBe('Mme LEJARD, MM. ALLAIN, BRIARD, Mme Anne MOREL, M. Bruno PETIT, Mme Carla SIMON.');
    expect(presents('{ listes: collectif, personnes: { civilite: complete, prenom: aucun } }').en_ligne).toBe('Madame LEJARD, Messieurs ALLAIN, BRIARD, Madame MOREL, Monsieur PETIT, Madame SIMON.');
  });

  it('late arrivals listed apart when the head has the block “arrivees”; an arrival without time or point', () => {
    const late = (entete: string) =>
      meeting({
        meeting: `${seance()}\nstyle: { entete: [${entete}] }\nlibelles: { arrivees: Ont complété le quorum }\npresences:\n  presents: [maire, anne, bruno, { id: carla, arrivee: true }, { id: denis, arrivee: 19h }, elsa]`,
      });
    const names = (groups: { personnes: { nom: string; precisions?: string }[] }[]) => groups.flatMap((g) => g.personnes.map((p) => `${p.nom}${p.precisions ? ` ${p.precisions}` : ''}`));
    const apart = buildContext(validate(late('titre, presents, arrivees')).resolved);
    expect(names(apart.presents)).toEqual(['Mme Anne MOREL', 'M. Bruno PETIT', 'Mme Elsa FAURE']);
    // Listed apart, an arrival keeps its moment when one is known.
    expect(names(apart.arrivees)).toEqual(['Mme Carla SIMON', 'M. Denis ROY (arrivé à 19h)']);
    const inline = buildContext(validate(late('titre, presents')).resolved);
    expect(names(inline.presents)).toContain('Mme Carla SIMON (arrivée en cours de séance)');
    expect(names(inline.presents)).toContain('M. Denis ROY (arrivé à 19h)');
  });

  it('the head in the order the style gives; proxies apart; free text before the lists', async () => {
    const f = file('{ entete: [titre, preambule, presents, excuses, procurations], listes: en_ligne }', 'libelles: { pouvoir: à }\npreambule: ["Date de convocation : 7 mai 2024"]');
    const r = await runCli(['render', '--format', 'md', '-o', dir, f]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(path.join(dir, path.basename(f).replace('.yaml', '.md')), 'utf8');
    expect(text).not.toContain('Présidence');
    // (French typography puts no-break spaces before ":" and after "Mme": the fragments avoid them.)
    expectInOrder(text, ['Compte rendu du Conseil', 'Date de convocation', '7 mai 2024', 'Participants', 'LEJARD, M', 'ALLAIN', 'Excusés(es)', 'Denis ROY, Mme', 'Elsa FAURE.', 'Procurations', 'Denis ROY à Mme', 'Anne MOREL.']);
  });
});
