// Compares this checkout's DOCX writer with another checkout's, part by part: every example (both built-in
// templates, through `bin/clu render`), the sign-in sheets (`bin/clu roster --sheet`), and random document
// trees under random stylesheets written by both writers (dist/writers/docx.js) from the same tree.
// For a change of the DOCX writer that must keep the bytes:
//
//   git worktree add /tmp/base main && (cd /tmp/base && npm ci)
//   npm run build && node scripts/docx-oracle.mjs /tmp/base [--trees 300] [--trees-only]
//
// Prints each difference (the part and the first differing characters) and exits 1 if there is any.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const [baseArg, ...rest] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node scripts/docx-oracle.mjs BASELINE_CHECKOUT [--trees N] [--trees-only]');
  process.exit(2);
}
const base = path.resolve(baseArg);
const here = path.resolve(import.meta.dirname, '..');
const treeCount = Number(rest[rest.indexOf('--trees') + 1] ?? 0) || 300;
let differences = 0;
let compared = 0;

/** Part-by-part comparison of two DOCX files; returns true when every part is identical. */
function compare(label, mine, theirs) {
  compared++;
  if (Buffer.compare(mine, theirs) === 0) return true;
  const a = unzipSync(mine);
  const b = unzipSync(theirs);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  let partsDiffer = false;
  for (const name of names) {
    const x = a[name];
    const y = b[name];
    if (x && y && Buffer.compare(Buffer.from(x), Buffer.from(y)) === 0) continue;
    partsDiffer = true;
    if (!x || !y) {
      console.log(`${label}: ${name} only in ${x ? 'this checkout' : 'the baseline'}`);
      continue;
    }
    const s = strFromU8(x);
    const t = strFromU8(y);
    let i = 0;
    while (i < s.length && s[i] === t[i]) i++;
    console.log(`${label}: ${name} differs at ${i}:\n  this:     ${JSON.stringify(s.slice(Math.max(0, i - 80), i + 120))}\n  baseline: ${JSON.stringify(t.slice(Math.max(0, i - 80), i + 120))}`);
  }
  if (!partsDiffer) console.log(`${label}: same parts, different zip bytes (entry order or compression)`);
  differences++;
  return false;
}

// 1. The examples and the sign-in sheets, through each checkout's command line.
const examples = readdirSync(path.join(here, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml') && !/\.(composition|organisation)\.yaml$/.test(f))
  .sort();
const work = mkdtempSync(path.join(tmpdir(), 'clu-docx-oracle-'));
const run = (checkout, args, out) => {
  execFileSync(process.execPath, [path.join(checkout, 'bin', 'clu'), ...args, '-o', out], { stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
};
for (const example of rest.includes('--trees-only') ? [] : examples) {
  const file = path.join(here, 'examples', example);
  for (const template of ['compte-rendu', 'proces-verbal']) {
    const outputs = ['mine', 'base'].map((which) => path.join(work, which, template, example.replaceAll('/', '_')));
    run(here, ['render', '--format', 'docx', '--template', template, file], outputs[0]);
    run(base, ['render', '--format', 'docx', '--template', template, file], outputs[1]);
    const name = `${path.basename(example, '.yaml')}.docx`;
    compare(`${example} (${template})`, readFileSync(path.join(outputs[0], name)), readFileSync(path.join(outputs[1], name)));
  }
  const sheets = ['mine', 'base'].map((which) => path.join(work, which, 'sheets', example.replaceAll('/', '_')));
  try {
    run(here, ['roster', '--sheet', '--sheet-format', 'docx', file], sheets[0]);
    run(base, ['roster', '--sheet', '--sheet-format', 'docx', file], sheets[1]);
  } catch {
    continue; // not a meeting the sign-in sheet takes (both checkouts refuse it alike)
  }
  for (const name of readdirSync(sheets[0])) compare(`${example} (sign-in sheet)`, readFileSync(path.join(sheets[0], name)), readFileSync(path.join(sheets[1], name)));
}

// 2. Random trees under random stylesheets, written by both writers.
const load = (checkout, module) => import(pathToFileURL(path.join(checkout, 'dist', module)).href);
const mine = (await load(here, 'writers/docx.js')).writeDocx;
const theirs = (await load(base, 'writers/docx.js')).writeDocx;
const { defaultStylesheet } = await load(here, 'document/stylesheet.js');

let seed = 20261130;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const count = (max) => Math.floor(random() * (max + 1));

const WORDS = ['Séance', 'du conseil', ' ', 'l’œuvre « Toit »', 'A & B', '<balise>', '"cité"', "l'apostrophe", 'tab\there', 'ligne\nsuivante', 'CR\r\nLF', 'contrôle\u0001\u000C', '109\u202F016\u00A0€', 'émoji 🎉', '✓', ''];
let footnoteNumber = 0;
const inlines = (depth = 0) =>
  Array.from({ length: 1 + count(4) }, () => {
    const kind = depth > 1 ? 0 : count(7);
    if (kind === 4) return { type: 'strong', children: inlines(depth + 1) };
    if (kind === 5) return { type: 'emphasis', children: inlines(depth + 1) };
    if (kind === 6) return { type: 'superscript', children: inlines(depth + 1) };
    if (kind === 7) return chance(0.5) ? { type: 'lineBreak' } : { type: 'footnote', number: ++footnoteNumber, children: [{ type: 'text', value: pick(WORDS) }] };
    return { type: 'text', value: pick(WORDS) };
  });
const STYLES = Object.keys(defaultStylesheet().styles).filter((s) => !['title', 'heading1', 'heading2', 'heading3', 'heading4', 'listItem', 'caption', 'footnote', 'boxTitle'].includes(s));
const list = (depth) => ({
  type: 'list',
  marker: pick(['check', 'dash', 'bullet', 'number', 'numberParen', 'alpha', 'roman']),
  items: Array.from({ length: count(3) }, () => inlines()),
  ...(depth < 5 && chance(0.4) ? { sublists: [undefined, list(depth + 1), chance(0.5) ? list(depth + 1) : undefined] } : {}),
});
const IMAGES = ['diapo-budget.png', 'diapo-calendrier.jpg'];
const blocks = (depth = 0) =>
  Array.from({ length: count(depth === 0 ? 12 : 4) }, () => {
    switch (count(12)) {
      case 0:
        return { type: 'title', children: inlines() };
      case 1:
        return { type: 'heading', level: pick([1, 2, 3, 4]), children: inlines() };
      case 2:
        return list(0);
      case 3:
        return {
          type: 'table',
          columns: Array.from({ length: count(4) }, () => pick([1, 2, 0, -1, 2.5])),
          rows: Array.from({ length: count(4) }, () => Array.from({ length: count(4) }, () => ({ children: inlines(), ...(chance(0.4) ? { header: true } : {}) }))),
          ...(chance(0.5) ? { caption: inlines() } : {}),
        };
      case 4:
        return { type: 'image', path: pick(IMAGES), width: pick([20, 150.7, 400, 900]), alt: pick(['', 'Diapositive « 1 » & <2>', 'x']), ...(chance(0.5) ? { figure: true } : {}), ...(chance(0.5) ? { caption: inlines() } : {}) };
      case 5:
        return depth < 2 ? { type: 'box', ...(chance(0.5) ? { title: inlines() } : {}), children: blocks(depth + 1) } : { type: 'rule' };
      case 6:
        return { type: 'rule' };
      case 7:
        return { type: 'signatures', signatories: Array.from({ length: count(3) }, () => ({ qualite: inlines(), name: inlines() })) };
      case 8:
        return depth < 2 ? { type: 'division', role: pick(['letterhead', 'annex', 'attendance', 'section']), children: blocks(depth + 1) } : { type: 'pageBreak' };
      case 9:
        return { type: 'pageBreak' };
      default:
        return { type: 'paragraph', style: pick(STYLES), children: inlines() };
    }
  });
const stylesheet = () => {
  const sheet = defaultStylesheet();
  if (chance(0.5)) return sheet;
  for (const name of Object.keys(sheet.styles)) {
    const s = sheet.styles[name];
    if (chance(0.3)) s.size = pick([8, 9.3, 11.75, 14]);
    if (chance(0.3)) s.lineHeight = pick([1, 1.17, 1.5]);
    if (chance(0.3)) s.spaceBefore = pick([0, 2.6, 12]);
    if (chance(0.3)) s.spaceAfter = pick([0, 3.3, 9]);
    if (chance(0.2)) s.indent = pick([0, 7.7, 30]);
    if (chance(0.2)) s.font = pick(['regular', 'bold', 'italic', 'boldItalic']);
    if (chance(0.2)) s.align = pick(['left', 'right', 'center']);
    if (chance(0.2)) s.keepWithNext = !s.keepWithNext;
    if (chance(0.2)) s.underline = !s.underline;
    if (chance(0.2)) s.color = pick(['aa00cc', '000091', 'FFFFFF']);
  }
  if (chance(0.3)) sheet.footer = pick(['', '{page}', '{pages}{page}', 'p. {page} sur {pages} & <x>']);
  if (chance(0.3)) sheet.header = pick(['', 'En-tête « {title} »', '{title} & {title}']);
  if (chance(0.3)) sheet.listMarks = { check: pick(['', '&', '»']), dash: '—', bullet: pick(['•', '<']) };
  if (chance(0.3)) sheet.page.margins = { top: 40.3, right: pick([30, 57.77]), bottom: 80, left: pick([68, 100.1]) };
  if (chance(0.3)) sheet.layout = { letterheadWidth: pick([0.3, 1]), tableRule: { width: pick([0, 0.25, 4]), color: 'cc0000' }, box: { width: pick([0, 2]), color: '123456', fill: 'abcdef', padding: pick([0, 4.4]) }, rule: { width: pick([0, 1.3]), color: '00ff00' } };
  if (chance(0.2)) sheet.fonts = { ...sheet.fonts, family: 'Inter & "Co"' };
  return sheet;
};

const baseDir = path.join(here, 'examples', 'contenus', 'images');
for (let i = 0; i < treeCount; i++) {
  footnoteNumber = 0;
  const tree = {
    meta: {
      title: pick(['Compte rendu', 'A & B <c> "d"', '']),
      ...(chance(0.5) ? { author: pick(['Préfecture', '']) } : {}),
      ...(chance(0.5) ? { subject: pick(['Sujet', '']) } : {}),
      ...(chance(0.5) ? { keywords: pick([[], ['a', 'b & c'], ['']]) } : {}),
      lang: pick(['fr-FR', 'de-DE']),
      date: new Date(Date.UTC(2021, count(11), 1 + count(27), count(23), count(59), count(59))),
    },
    blocks: blocks(),
  };
  const sheet = stylesheet();
  let a;
  let b;
  try {
    b = await theirs(tree, structuredClone(sheet), { baseDir });
  } catch (error) {
    b = error;
  }
  try {
    a = await mine(tree, structuredClone(sheet), { baseDir });
  } catch (error) {
    a = error;
  }
  if (a instanceof Error || b instanceof Error) {
    compared++;
    if (!(a instanceof Error && b instanceof Error)) {
      differences++;
      console.log(`tree ${i}: ${a instanceof Error ? `this checkout throws ${a.message}` : `the baseline throws ${b.message}`}`);
    }
    continue;
  }
  if (!compare(`tree ${i}`, a, b) && differences > 20) break;
}

rmSync(work, { recursive: true, force: true });
console.log(`${compared} documents compared, ${differences} differ`);
process.exit(differences > 0 ? 1 : 0);
