// A body's own wording as data: numbers, dates and hours in words, sentences with {placeholders},
// numbering per level, the approval stamp.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unknownPlaceholders } from '../src/model/phrases.js';
import { dateInWords, numberInWords, timeInWords } from '../src/typography/words.js';
import { itemLabel } from '../src/compose/numbering.js';
import { buildContext } from '../src/compose/context.js';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';
import { openDocx } from './support/docx.js';
import { expectInOrder } from './support/in-order.js';

describe('numbers, dates and hours in words', () => {
  it.each([
    [0, 'zéro'], [1, 'un'], [17, 'dix-sept'], [21, 'vingt et un'], [71, 'soixante et onze'], [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'], [81, 'quatre-vingt-un'], [91, 'quatre-vingt-onze'], [100, 'cent'], [200, 'deux cents'],
    [201, 'deux cent un'], [280, 'deux cent quatre-vingts'], [1000, 'mille'], [2003, 'deux mille trois'],
    [2021, 'deux mille vingt et un'], [80_000, 'quatre-vingt mille'], [200_000, 'deux cent mille'],
  ])('%i → %s', (n, words) => expect(numberInWords(n)).toBe(words));

  it('dates and hours as legal formulas write them', () => {
    expect(dateInWords('2021-03-26')).toEqual({ annee: 'deux mille vingt et un', jour: 'vingt-six', mois: 'mars' });
    expect(dateInWords('2013-10-01', { mil: true })).toEqual({ annee: 'deux mil treize', jour: 'premier', mois: 'octobre' });
    expect(timeInWords('19h30')).toBe('dix-neuf heures trente');
    expect(timeInWords('21:00')).toBe('vingt et une heures');
    expect(timeInWords('1h05')).toBe('une heure cinq');
    expect(timeInWords('21h01')).toBe('vingt et une heures une');
    expect(timeInWords('20h31')).toBe('vingt heures trente et une');
    expect(() => numberInWords(1_000_000)).toThrow(RangeError);
  });
});

describe('numbering per level', () => {
  it.each([
    [['I –'], 1, 4, 'IV –'], [['I.'], 1, 2, 'II.'], [['1/'], 1, 3, '3/'], [['1)'], 1, 1, '1)'], [['A -'], 1, 3, 'C -'],
    [['I –', 'a)'], 2, 2, 'b)'], [['I –', 'i.'], 3, 4, 'iv.'], [['aucune', '1.'], 1, 5, ''], [['aucune', '1.'], 2, 5, '5.'],
  ] as const)('%j, level %i, item %i → %s', (formats, depth, rank, label) => expect(itemLabel([...formats], depth, rank)).toBe(label));
});

describe('sentences with placeholders', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-phrases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('are filled from the meeting', () => {
    const file = path.join(dir, 'ag.yaml');
    writeFileSync(
      file,
      `composition:
  instance: { nom: Conseil d'administration, quorum: { fraction: 0.5 } }
  membres:
    a: { civilite: Mme, prenom: Ana, nom: Lima }
    b: { civilite: M., prenom: Bob, nom: Vidal }
    c: { civilite: M., prenom: Carl, nom: Roy }
document: { lieu: Draguignan, date: 2021-03-30, approbation: 2021-06-15 }
seance: { date: 2021-03-26, debut: 19h30, presidence: a }
style:
  numerotation: ["1 -", "a)"]
  phrases:
    ligne_date: "{lieu} le {date_document}"
    formule: "L'an {annee_lettres}, le {jour_lettres} {mois}, à {heure_lettres}, {instance} s'est {reuni} sous la présidence de {presidence}."
    effectifs: "{Instance} compte {en_exercice_lettres} membres ; {presents_lettres} sont présents. Majorité absolue : {majorite_absolue}."
presences:
  presents: [a, b]
  absents: [c]
points:
  - titre: Budget
    contenu: [Le budget est présenté.]
`,
    );
    const reporter = new Reporter('en');
    const context = buildContext(validateMeeting(file, reporter)!);
    expect(reporter.diagnostics).toEqual([]);
    expect(context.document.ligne_date).toBe('Draguignan le 30 mars 2021');
    expect(context.document.approbation).toBe('Validé en séance du 15 juin 2021');
    expect(context.phrases.formule).toBe("L'an deux mille vingt et un, le vingt-six mars, à dix-neuf heures trente, le Conseil d'administration s'est réuni sous la présidence de Mme Ana LIMA.");
    expect(context.phrases.effectifs).toBe("Le Conseil d'administration compte trois membres ; deux sont présents. Majorité absolue : 2.");
    expect(context.points[0]!.etiquette).toBe('1 -');
  });

  it('a capital on a placeholder capitalises its value; {cotisants} counts the members up to date with their dues', () => {
    const file = path.join(dir, 'asso.yaml');
    writeFileSync(
      file,
      `composition:
  instance: { nom: Assemblée générale, article: l’, feminin: true, quorum: { fraction: 0.25, base: cotisants } }
  membres:
    a: { civilite: Mme, prenom: Ana, nom: Lima }
    b: { civilite: M., prenom: Bob, nom: Vidal }
    c: { civilite: M., prenom: Carl, nom: Roy, cotisation_a_jour: false }
document: { date: 2021-03-30 }
seance: { date: 2021-03-26, debut: 10h, presidence: a }
style:
  entete: [titre, effectifs, presents]
  phrases:
    effectifs: "{Presents_lettres} membres présents sur {cotisants} cotisants ({cotisants_lettres})."
presences:
  presents: [a, b]
  absents: [c]
points:
  - titre: Rapport moral
    contenu: [Le rapport est présenté.]
`,
    );
    const reporter = new Reporter('en');
    const context = buildContext(validateMeeting(file, reporter)!);
    expect(reporter.diagnostics).toEqual([]);
    expect(context.phrases.effectifs).toBe('Deux membres présents sur 2 cotisants (deux).');
    expect(unknownPlaceholders('{Presents} {Inconnu} {Reuni}')).toEqual([{ name: 'Inconnu', offset: 11 }]);
  });
});

describe('titles and signatures on several lines', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('a title in lines with a subtitle, a signatory’s quality in lines, in the PDF and the DOCX', async () => {
    const file = path.join(dir, 'cdt.yaml');
    writeFileSync(
      file,
      `composition:
  instance: { nom: Commission départementale, article: la }
  membres:
    a: { civilite: Mme, prenom: Ana, nom: Lima, fonction: secrétaire générale }
    b: { civilite: M., prenom: Bob, nom: Vidal }
document:
  date: 2024-02-02
  titre: [COMPTE RENDU DE LA COMMISSION, DÉPARTEMENTALE DES TAXIS]
  sous_titre: Réunion du {date_courte} de {heure} à {fin}
seance: { date: 2024-01-30, debut: 14h30, fin: 16h15, presidence: a }
presences:
  presents: [a, b]
points:
  - titre: Point unique
    contenu: [Texte.]
signataires:
  - { personne: a, qualite: ["Pour le préfet et par délégation,", "La secrétaire générale,"] }
  - { personne: b, qualite: "Le rapporteur," }
`,
    );
    const r = await runCli(['render', '--format', 'docx,pdf', '-o', dir, file]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(dir, 'cdt.pdf')));
    expectInOrder(pdf.text, ['COMPTE RENDU DE LA COMMISSION\nDÉPARTEMENTALE DES TAXIS\nRéunion du 30', 'de 14h30 à 16h15', 'Pour le préfet et par délégation,', 'La secrétaire générale,', 'Ana LIMA']);
    expect(pdf.info.Title).toBe('COMPTE RENDU DE LA COMMISSION DÉPARTEMENTALE DES TAXIS Réunion du 30 janvier 2024 de 14h30 à 16h15');
    const docx = openDocx(readFileSync(path.join(dir, 'cdt.docx')));
    expect(docx.part('word/document.xml')).toMatch(/Pour le préfet et par délégation,<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>La secrétaire générale,/);
  });
});
