// The head of the document as house style data: free lines between any two blocks, each attendance list
// in its own form (two columns, the text of an empty list, with the represented among those present),
// the wording of proxies (one sentence for several givers, in parentheses, short), the agenda recap,
// the duration, the chair in a sentence, the contact block's free lines, the reference and posting date.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContext, durationWords, pluralProxyLabel } from '../src/compose/context.js';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';
import { expectInOrder } from './support/in-order.js';

const dir = mkdtempSync(path.join(tmpdir(), 'clu-head-style-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
/** A meeting of a six-member council in two categories; `style` and `more` are YAML lines added to it. */
function meeting(style: string, more = ''): string {
  const file = path.join(dir, `m${++count}.yaml`);
  writeFileSync(
    file,
    `organisation:
  marque: { institution: [MAIRIE DE TEST], devise: false }
  contact:
    lignes:
      - { libelle: Fax, valeur: "04 66 00 00 00" }
      - { libelle: Courriel, valeur: accueil@test.fr }
composition:
  instance: { nom: Conseil, type: conseil_municipal, pouvoirs_max: 2 }
  categories: { asso: Association Alpha, ville: Ville }
  membres:
    maire: { civilite: M., prenom: Paul, nom: Girard, fonction: maire }
    anne: { civilite: Mme, prenom: Anne, nom: Morel, categorie: asso }
    bruno: { civilite: M., prenom: Bruno, nom: Petit, categorie: asso }
    carla: { civilite: Mme, prenom: Carla, nom: Simon, categorie: ville }
    denis: { civilite: M., prenom: Denis, nom: Roy, categorie: ville, fonction: adjoint }
    elsa: { civilite: Mme, prenom: Elsa, nom: Faure, categorie: ville }
document: { date: 2024-05-20, lieu: Draguignan, reference: 188/D130 }
seance: { date: 2024-05-14, debut: 14h30, fin: 16h15, presidence: maire, convocation: 2024-05-07, affichage: 2024-05-08 }
style:
${style}
presences:
  presents: [maire, carla, denis]
  excuses:
    - { id: anne, pouvoir_a: denis }
    - { id: bruno, pouvoir_a: denis }
    - elsa
points:
  - titre: Budget
    contenu:
      - liste: [un, deux]
  - titre: Travaux
    contenu: [Les travaux sont présentés.]
${more}`,
  );
  return file;
}

function context(file: string) {
  const reporter = new Reporter('en');
  const resolved = validateMeeting(file, reporter);
  expect(reporter.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code}`)).toEqual([]);
  return buildContext(resolved!);
}

async function pdfText(file: string): Promise<string> {
  const out = path.join(dir, `out${count}`);
  const r = await runCli(['render', '--format', 'pdf', '-o', out, file]);
  expect(r.code, r.stderr).toBe(0);
  return (await readPdf(readFileSync(path.join(out, path.basename(file).replace(/\.yaml$/, '.pdf'))))).text;
}

describe('the head as data', () => {
  it('free lines stand between any two blocks, with their placeholders filled', async () => {
    const file = meeting(`  entete:
    - date
    - { texte: "Convoqué le {convocation}, affiché le {affichage}." }
    - titre
    - presidence_phrase
    - { texte: "Majorité absolue : {majorite_absolue}" }
    - presents
    - ordre_du_jour
    - duree
  phrases: { ligne_date: "{lieu}, le {date_document} – n° {reference}" }
libelles:
  ordre_du_jour: Rappel de l'ordre du jour`);
    const text = await pdfText(file);
    expectInOrder(text, [
      'MAIRIE DE TEST',
      'Fax : 04 66 00 00 00',
      'Courriel : accueil@test.fr',
      'Draguignan, le 20 mai 2024 – n° 188/D130',
      'Convoqué le 7 mai 2024, affiché le 8 mai 2024.',
      'Compte rendu du Conseil',
      'Sous la présidence de M. Paul GIRARD, maire.',
      'Majorité absolue : 3',
      'Participants :',
      'Rappel de l’ordre du jour :',
      'I – Budget',
      'II – Travaux',
      'Durée de la séance : 1 h 45',
      'I – Budget',
    ]);
    // The default head of the compte rendu has no contact name line when the contact has none.
    expect(text).not.toContain('Affaire suivie par');
  });

  it('the chair sentence and the duration take the body’s own wording', () => {
    const c = context(meeting(`  phrases:
    presidence: "La séance est présidée par {presidence}."
    duree: "La séance a duré {duree}."`));
    expect(c.seance.presidence.phrase).toBe('La séance est présidée par M. Paul GIRARD.');
    expect(c.seance.ligne_duree).toBe('La séance a duré 1 h 45.');
  });

  it('an unknown placeholder in a free line is reported at its line and column', () => {
    const file = meeting(`  entete:
    - titre
    - { texte: "Affiché le {afichage}" }`);
    const reporter = new Reporter('en');
    validateMeeting(file, reporter);
    const found = reporter.diagnostics.find((d) => d.code === 'unknown-placeholder');
    expect(found?.message).toContain('did you mean “affichage”');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('{afichage}'));
    expect(found?.start).toEqual(expect.objectContaining({ line: line + 1, column: lines[line]!.indexOf('{afichage}') + 1 }));
  });
});

describe('attendance lists as data', () => {
  it('several proxies to one holder make one plural sentence', () => {
    const c = context(meeting(`  pouvoirs: { regrouper: true }`));
    const asso = c.excuses.find((g) => g.categorie === 'Association Alpha')!;
    expect(asso.personnes).toEqual([{ nom: 'Mme Anne MOREL et M. Bruno PETIT', suite: 'donnent pouvoir à M. Denis ROY', last: true, texte: 'Mme Anne MOREL et M. Bruno PETIT donnent pouvoir à M. Denis ROY.' }]);
  });

  it('the procurations block: plural, in parentheses, short, with the holder by civility and name', () => {
    const grouped = context(meeting(`  entete: [titre, procurations]
  pouvoirs: { regrouper: true }`));
    expect(grouped.procurations[0]!.personnes.map((p) => `${p.nom} ${p.suite}`)).toEqual(['Mme Anne MOREL et M. Bruno PETIT donnent pouvoir à M. Denis ROY']);
    const parentheses = context(meeting(`  pouvoirs: { forme: parentheses, detenteur: court }`));
    expect(parentheses.excuses.find((g) => g.categorie === 'Association Alpha')!.personnes[0]).toEqual({ nom: 'Mme Anne MOREL', precisions: '(pouvoir à M. ROY)', last: false, texte: 'Mme Anne MOREL (pouvoir à M. ROY) ;' });
    const short = context(meeting(`  entete: [titre, procurations]
  pouvoirs: { forme: court }`));
    expect(short.procurations[0]!.personnes.map((p) => `${p.nom} ${p.suite}`)).toEqual(['Mme Anne MOREL à M. Denis ROY', 'M. Bruno PETIT à M. Denis ROY']);
  });

  it('names in the procurations block with initials, and lists without functions', () => {
    const c = context(meeting(`  entete: [titre, presents, procurations]
  pouvoirs: { donneur: initiale, detenteur: initiale, regrouper: true }
  presences:
    presents: { fonctions: false, regrouper: false }`));
    expect(c.procurations[0]!.personnes.map((p) => `${p.nom} ${p.suite}`)).toEqual(['Mme A. MOREL et M. B. PETIT donnent pouvoir à M. D. ROY']);
    expect(c.presents[0]!.personnes.map((p) => p.fonction)).toEqual([undefined, undefined]);
  });

  it('the plural of the proxy label follows its verb', () => {
    expect(pluralProxyLabel('donne pouvoir à')).toBe('donnent pouvoir à');
    expect(pluralProxyLabel('a donné procuration à')).toBe('ont donné procuration à');
    expect(pluralProxyLabel('qui a donné pouvoir à')).toBe('qui ont donné pouvoir à');
    expect(pluralProxyLabel('à')).toBe('à');
  });

  it('the represented stand among those present; the excused may leave out who gave a proxy', () => {
    const c = context(meeting(`  presences:
    presents: { avec_representes: true }`));
    expect(c.presents.map((g) => [g.categorie, g.personnes.map((p) => p.nom)])).toEqual([
      ['Association Alpha', ['Mme Anne MOREL', 'M. Bruno PETIT']],
      ['Ville', ['Mme Carla SIMON', 'M. Denis ROY']],
    ]);
    expect(c.excuses.flatMap((g) => g.personnes.map((p) => p.nom))).toEqual(['Mme Elsa FAURE']);
    const apart = context(meeting(`  entete: [titre, presents, procurations, excuses]
  presences:
    excuses: { avec_pouvoirs: false, regrouper: false }`));
    expect(apart.excuses).toEqual([{ personnes: [{ nom: 'Mme Elsa FAURE', last: true, texte: 'Mme Elsa FAURE.' }] }]);
  });

  it('two columns (name | organisation or function) and the text of an empty list, in the PDF', async () => {
    const file = meeting(`  entete: [titre, presents, absents, procurations]
  presences:
    presents: { forme: colonnes, regrouper: false }
    absents: { vide: Néant }
    procurations: { vide: Aucune procuration reçue. }`);
    const c = context(file);
    expect(c.presents[0]!.colonnes).toEqual([
      { nom: 'Mme Carla SIMON', detail: 'Ville' },
      { nom: 'M. Denis ROY', detail: 'Ville, adjoint' },
    ]);
    const text = await pdfText(file);
    expectInOrder(text, ['Participants :', 'Mme Carla SIMON', 'Ville', 'M. Denis ROY', 'Ville, adjoint', 'Absents(es) :', 'Néant', 'Procurations :', 'Mme Anne MOREL donne pouvoir à M. Denis ROY']);
    expect(text).not.toContain('Aucune procuration reçue.');
  });

  it('an empty list without its own text prints nothing; with one, its title and the text', async () => {
    const file = meeting(`  entete: [titre, presents, procurations, absents]
  presences:
    procurations: { vide: Aucune procuration reçue. }`);
    const text = await pdfText(file);
    expect(text).not.toContain('Absents(es)');
    const none = path.join(dir, 'none.yaml');
    writeFileSync(none, readFileSync(file, 'utf8').replace(/    - \{ id: anne, pouvoir_a: denis \}\n    - \{ id: bruno, pouvoir_a: denis \}\n/, '    - anne\n    - bruno\n'));
    expectInOrder(await pdfText(none), ['Procurations :', 'Aucune procuration reçue.']);
  });
});

describe('numbering and lists', () => {
  it('items numbered across their themes, and the style’s bullet for lists that name none', () => {
    const file = meeting(`  numerotation: [aucune, "1."]
  numerotation_continue: true
  puces: tirets`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /^points:[\s\S]*$/m,
        `points:
  - titre: Finances
    points:
      - { titre: Budget, contenu: [{ liste: [un, deux] }] }
      - { titre: Compte, contenu: [Adopté.] }
  - titre: Urbanisme
    points:
      - { titre: Travaux, contenu: [Présentés.] }
`,
      ),
    );
    const themed = context(file);
    expect(themed.points.map((p) => [p.etiquette, p.points.map((q) => q.etiquette)])).toEqual([
      ['', ['1.', '2.']],
      ['', ['3.']],
    ]);
    expect(themed.points[0]!.points[0]!.contenu[0]).toMatchObject({ liste: ['un', 'deux'], puces: 'dash' });
  });

  it('the duration in words of minutes', () => {
    expect(durationWords('14h30', '16h15')).toBe('1 h 45');
    expect(durationWords('9h', '11h')).toBe('2 h');
    expect(durationWords('18h', '18h40')).toBe('40 min');
    expect(durationWords('18h', '17h')).toBe('');
  });
});
