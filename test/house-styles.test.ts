// The built-in house styles (styles/NAME/style.yaml), the template a file names (style.base,
// style.modele) and `clu new`: each starting file validates, renders in its style, and keeps its promises.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUSE_STYLES, houseStyle, houseStyleDir } from '../src/model/house-styles.js';
import { BUILTIN_TEMPLATES } from '../src/compose/builtin-templates.js';
import { unknownPlaceholders } from '../src/model/phrases.js';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateAnyFile } from '../src/validate/validate.js';
import { movedToDate } from '../src/cli/new.js';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';
import { openDocx } from './support/docx.js';

const root = path.join(import.meta.dirname, '..');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'clu-styles-'));

/** What each style's starting file must print, in both the PDF and the DOCX. */
const PROMISES: Record<(typeof HOUSE_STYLES)[number], RegExp[]> = {
  prefecture: [/^Exempleville, le 22 janvier 2026$/m, /^Compte rendu du Comité local des usagers du jeudi 15 janvier 2026/m, /Présidence : Mme Claire EXEMPLE/],
  'conseil-municipal': [/^Procès-verbal de la séance du Conseil municipal/m, /L’an deux mille vingt-six, le quinze janvier, à dix-neuf heures trente, le Conseil municipal, légalement convoqué le 8 janvier 2026/, /Conseillers en exercice : 5 – Présents : 4 – Représentés : 1 – Votants : 5/, /^Pouvoirs :$/m, /Le quorum étant atteint/, /Mme Julie MARTIN est désignée secrétaire de séance, conformément à l’article L\. 2121-15 du CGCT\./],
  'conseil-communautaire': [/Délégués en exercice : 4/, /^Commune de Modèle-sur-Loire :$/m, /suppléante de M\. Louis DURAND/, /L’an deux mille vingt-six/],
  'conseil-administration': [/Administrateurs en exercice : 4 ; présents : 3 ; représentés : 1 ; votants : 4\./, /Le représentant du conseil régional donne pouvoir à Mme Claire EXEMPLE/, /^Avec voix consultative :$/m],
  'assemblee-generale': [/^Procès-verbal de l’Assemblée générale du samedi 17 janvier 2026$/m, /^Présents : 3 – Représentés : 1 – Votants : 4$/m, /M\. Marc PETIT donne pouvoir à M\. Louis DURAND/],
  cse: [/^Procès-verbal de la réunion du Comité social et économique du jeudi 15 janvier 2026$/m, /^Premier collège \(ouvriers et employés\) :$/m, /sur convocation du 12 janvier 2026/, /^Assistaient également à la réunion :$/m, /Avis favorable à l’unanimité des suffrages exprimés \(1 abstention\)\./, /^Secrétaire du comité : Mme Julie MARTIN$/m],
  'commission-consultative': [/s’est réunie le jeudi 15 janvier 2026 à 14h/, /a donné mandat à Mme Julie MARTIN/, /^I – Projet de parc photovoltaïque/m, /Avis favorable par 4 voix pour et 1 voix contre\./],
};

describe('built-in house styles', () => {
  it.each(HOUSE_STYLES)('%s: its style.yaml has the house-style form, a built-in template and known placeholders', (name) => {
    const style = houseStyle(name);
    expect(style.description.length).toBeGreaterThan(40);
    expect(BUILTIN_TEMPLATES).toContain(style.style.modele);
    for (const sentence of Object.values(style.style.phrases ?? {})) expect(unknownPlaceholders(sentence ?? '')).toEqual([]);
  });

  it.each(HOUSE_STYLES)('%s: its starting file validates without a diagnostic and prints what the style promises', async (name) => {
    const file = path.join(houseStyleDir(name), 'seance.yaml');
    const reporter = new Reporter('en');
    validateAnyFile(file, reporter);
    expect(reporter.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code} ${d.message}`)).toEqual([]);

    const out = tmp();
    const r = await runCli(['render', '--format', 'docx,pdf', '-o', out, file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdf = (await readPdf(readFileSync(path.join(out, 'seance.pdf')))).pages.map((p) => p.text.replace(/[\u00A0\u202F]/g, ' ')).join('\n');
    const docx = openDocx(readFileSync(path.join(out, 'seance.docx'))).paragraphs.map((p) => p.text.replace(/[\u00A0\u202F]/g, ' ')).join('\n');
    for (const promise of PROMISES[name]) {
      expect(docx).toMatch(promise);
      expect(pdf.replace(/ *\n */g, '\n')).toMatch(new RegExp(promise.source.replace(/ /g, '[ \\n]'), promise.flags));
    }
  });
});

describe('the template a file names', () => {
  const meeting = path.join(root, 'examples', 'conseil-municipal', 'conseil-2024-06-27.yaml');
  const firstHeading = async (args: string[]) => {
    const out = tmp();
    const r = await runCli(['render', '--format', 'docx', '-o', out, ...args]);
    expect(r.stderr).toBe('');
    return openDocx(readFileSync(path.join(out, `${path.basename(args.at(-1)!, '.yaml')}.docx`))).paragraphs.find((p) => /^(Procès-verbal|Compte rendu)/.test(p.text))?.text;
  };

  it('`clu render FILE` alone gives the procès-verbal when the composition names style.base: conseil-municipal', async () => {
    expect(await firstHeading([meeting])).toMatch(/^Procès-verbal de la séance du Conseil municipal/);
  });

  it('--template on the command line wins over the file', async () => {
    expect(await firstHeading(['--template', 'compte-rendu', meeting])).toMatch(/^Compte rendu/);
  });

  it('a meeting’s style.modele wins over its composition’s base, and a relative folder is read from the file', async () => {
    const dir = tmp();
    const exported = await runCli(['template', 'export', path.join(dir, 'mon-modele')]);
    expect(exported.code).toBe(0);
    // The exported copy of compte-rendu, with its own title line.
    const titre = path.join(dir, 'mon-modele', 'partials', 'titre.hbs');
    writeFileSync(titre, readFileSync(titre, 'utf8').replace(/^/, '<p>MODÈLE MAISON</p>\n'));
    const text = readFileSync(meeting, 'utf8')
      .replace('composition: conseil-municipal.composition.yaml', `composition: ${path.join(path.dirname(meeting), 'conseil-municipal.composition.yaml')}`)
      .replace('organisation: saint-aubin-sur-loire.organisation.yaml', `organisation: ${path.join(path.dirname(meeting), 'saint-aubin-sur-loire.organisation.yaml')}`)
      .replace(/\ndocument:/, '\nstyle: { modele: mon-modele }\n\ndocument:');
    const file = path.join(dir, 'seance.yaml');
    writeFileSync(file, text);
    const out = tmp();
    const r = await runCli(['render', '--root', '/', '--format', 'md', '-o', out, file]);
    expect(r.stderr).toBe('');
    expect(readFileSync(path.join(out, 'seance.md'), 'utf8')).toContain('MODÈLE MAISON');
  });

  it('a deliberation’s own counts line is worded by phrases.effectifs_point', async () => {
    const dir = tmp();
    const file = path.join(dir, 'seance.yaml');
    const text = readFileSync(meeting, 'utf8')
      .replace('composition: conseil-municipal.composition.yaml', `composition: ${path.join(path.dirname(meeting), 'conseil-municipal.composition.yaml')}`)
      .replace('organisation: saint-aubin-sur-loire.organisation.yaml', `organisation: ${path.join(path.dirname(meeting), 'saint-aubin-sur-loire.organisation.yaml')}`)
      .replace(/\ndocument:/, '\nstyle: { phrases: { effectifs_point: "Votants à ce point : {votants} ({presents} présents)" } }\n\ndocument:');
    writeFileSync(file, text);
    const out = tmp();
    const r = await runCli(['render', '--root', '/', '--format', 'md', '-o', out, file]);
    expect(r.stderr).toBe('');
    const md = readFileSync(path.join(out, 'seance.md'), 'utf8').replace(/[\u00A0\u202F]/g, ' ');
    expect(md).toContain('Votants à ce point : 22 (19 présents)');
    expect(md).toContain('Votants à ce point : 23 (19 présents)');
    expect(md).not.toMatch(/^Présents : \d+ – Représentés/m);
  });

  it('a house style’s labels give way to the composition’s', () => {
    const reporter = new Reporter('en');
    const validated = validateAnyFile(meeting, reporter);
    expect(validated?.kind === 'seance' && validated.meeting?.labels.absents).toBe('Absents');
    expect(validated?.kind === 'seance' && validated.meeting?.labels.procurations).toBe('Pouvoirs');
    expect(validated?.kind === 'seance' && validated.meeting?.style.base).toBe('conseil-municipal');
  });

  it('a house-style sentence that needs a value the meeting lacks is a warning at style.base', () => {
    const dir = tmp();
    const file = path.join(dir, 'seance.yaml');
    writeFileSync(file, readFileSync(path.join(houseStyleDir('conseil-municipal'), 'seance.yaml'), 'utf8').replace(/^ {2}convocation: .*\n/m, ''));
    const reporter = new Reporter('en');
    validateAnyFile(file, reporter);
    const lines = readFileSync(file, 'utf8').split('\n');
    const baseLine = lines.findIndex((l) => l.includes('style: { base: conseil-municipal }')) + 1;
    expect(reporter.diagnostics.map((d) => `${d.code} ${d.severity} ${d.start.line}`)).toEqual([`placeholder-without-value warning ${baseLine}`]);
    expect(reporter.diagnostics[0]?.message).toContain('seance.convocation');
  });

  it('a free head line that needs a missing value is a warning at that line; a sentence the head does not print is not checked', () => {
    const dir = tmp();
    const file = path.join(dir, 'seance.yaml');
    const starter = readFileSync(path.join(houseStyleDir('prefecture'), 'seance.yaml'), 'utf8');
    writeFileSync(
      file,
      starter.replace(/\ndocument:/, '\nstyle:\n  entete: [titre, { texte: "Convocation du {convocation}" }, presents]\n  phrases: { formule: "Réunie le {date}, convoquée le {convocation}." }\n\ndocument:'),
    );
    const reporter = new Reporter('en');
    validateAnyFile(file, reporter);
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('Convocation du')) + 1;
    expect(reporter.diagnostics.map((d) => `${d.code} ${d.start.line}`)).toEqual([`placeholder-without-value ${line}`]);
  });

  it('a misspelt style.base is reported at its line with “did you mean”', () => {
    const dir = tmp();
    const file = path.join(dir, 'seance.yaml');
    writeFileSync(file, readFileSync(path.join(houseStyleDir('cse'), 'seance.yaml'), 'utf8').replace('style: { base: cse }', 'style: { base: csee }'));
    const reporter = new Reporter('en');
    validateAnyFile(file, reporter);
    const [d] = reporter.diagnostics;
    expect(`${d?.code} ${d?.start.line}`).toMatch(/^schema-\S+ 18$/);
    expect(d?.message).toContain('did you mean “cse”');
  });
});

describe('clu new', () => {
  it('writes the starting file of a style, dated as asked, that validates; never overwrites', async () => {
    const cwd = tmp();
    const r = await runCli(['new', '--style', 'conseil-municipal', '--date', '2027-03-04'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('seance-2027-03-04.yaml\n');
    const written = readFileSync(path.join(cwd, 'seance-2027-03-04.yaml'), 'utf8');
    expect(written).toMatch(/^ {2}date: 2027-03-04$/m);
    expect(written).toMatch(/^ {2}convocation: 2027-02-25 #/m);
    expect(written).toContain('style: { base: conseil-municipal }');
    const check = await runCli(['validate', path.join(cwd, 'seance-2027-03-04.yaml')]);
    expect(check.code).toBe(0);

    const again = await runCli(['new', '--style', 'cse', '--date', '2027-03-04'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(path.join(cwd, 'seance-2027-03-04.yaml'), 'utf8')).toBe(written);
  });

  it('lists the styles, and says which one was meant', async () => {
    const list = await runCli(['new', '--list']);
    for (const name of HOUSE_STYLES) expect(list.stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    for (const line of list.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const typo = await runCli(['new', '--style', 'conseil-municipl'], { cwd: tmp() });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean “conseil-municipal”');
    const none = await runCli(['new'], { cwd: tmp(), env: { LANG: 'fr_FR.UTF-8' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('choisissez un style avec --style');
  });

  it('moves every date by the same number of days, across months and years', () => {
    expect(movedToDate('seance:\n  date: 2026-01-15\n  convocation: 2026-01-08\ndocument: { date: 2026-01-22 }\n', '2026-12-30')).toBe(
      'seance:\n  date: 2026-12-30\n  convocation: 2026-12-23\ndocument: { date: 2027-01-06 }\n',
    );
  });

  it('refuses a date that does not exist', async () => {
    const r = await runCli(['new', '--style', 'cse', '--date', '2026-02-30'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });

  it('writes into a folder under the default name', async () => {
    const cwd = tmp();
    mkdirSync(path.join(cwd, 'seances'));
    const r = await runCli(['new', '--style', 'cse', '--date', '2026-05-07', 'seances'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join('seances', 'seance-2026-05-07.yaml')}\n`);
    expect(existsSync(path.join(cwd, 'seances', 'seance-2026-05-07.yaml'))).toBe(true);
  });
});
