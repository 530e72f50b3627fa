// Meeting files made to be slow to validate: the reference meeting with one id listed thousands of times,
// a list of a million items, thousands of points, named voters, mentions, duplicate keys, aliases…, each
// grown to a given size in bytes. The benchmark times them (validation must stay linear or n·log n in the
// size of the input); test/bounded-validation.test.ts validates them and checks the diagnostics.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The kinds of file: each the reference meeting with one part repeated until the file has `bytes`. */
export const HOSTILE_SHAPES = [
  'repeated-present',
  'repeated-everywhere',
  'million-items',
  'flow-present',
  'many-points',
  'named-voters',
  'mentions',
  'unknown-ids',
  'duplicate-keys',
  'many-people',
  'missing-keys',
  'aliases',
];

/** Repeats `unit(i)` until `room` bytes are used (at least once). */
function fill(room, unit) {
  const parts = [];
  let used = 0;
  for (let i = 0; used < room || i === 0; i++) {
    const part = unit(i);
    parts.push(part);
    used += Buffer.byteLength(part);
  }
  return parts.join('');
}

/**
 * Writes `<dir>/<shape>-<bytes>.yaml` beside copies of the reference's composition and organisation (and
 * a `.git` folder, so that the includes stay in the project); returns its path and where its first
 * repeated item is (line, 1-based), for the tests.
 */
export function hostileMeeting(examplesDir, dir, shape, bytes) {
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  for (const file of ['clu-vienne.composition.yaml', 'prefecture-vienne.organisation.yaml']) {
    copyFileSync(path.join(examplesDir, file), path.join(dir, file));
  }
  const reference = readFileSync(path.join(examplesDir, 'clu-vienne-2021-05-06.yaml'), 'utf8');
  const lines = reference.split('\n');
  const at = (text) => {
    const index = lines.indexOf(text);
    if (index < 0) throw new Error(`the reference meeting has no line "${text}"`);
    return index;
  };
  /** The reference with `block` inserted after the line `after` (its line number, 1-based, is returned too). */
  const insert = (after, block) => {
    if (after === 'personnes:') {
      // The reference declares no guests: the block goes before the agenda.
      const index = at('points:');
      return { text: [...lines.slice(0, index), 'personnes:', block.replace(/\n$/, ''), ...lines.slice(index)].join('\n'), line: index + 2 };
    }
    const index = at(after) + 1;
    return { text: [...lines.slice(0, index), block.replace(/\n$/, ''), ...lines.slice(index)].join('\n'), line: index + 1 };
  };
  const room = Math.max(0, bytes - Buffer.byteLength(reference) - 64);
  let made;
  switch (shape) {
    case 'repeated-present':
      // "rose" is already present: every repeat is the same "listed twice".
      made = insert('  presents:', fill(room, () => '    - rose\n'));
      break;
    case 'repeated-everywhere':
      // The same ids in every list: "listed twice" and "listed as both present and excused".
      made = insert('  presents:', fill(room, (i) => ['    - rose\n', '    - pierre\n', '    - { id: roux }\n'][i % 3]));
      made.text = made.text.replace('  excuses:\n', `  excuses:\n${fill(room / 4, () => '    - rose\n    - courtois\n')}`);
      made.text = made.text.replace('  absents:\n', `  absents:\n${fill(room / 4, () => '    - pierre\n    - benteyn\n')}`);
      break;
    case 'million-items': {
      // A list of a million items on one line (3 MB, within the size cap), valid; fewer when `bytes` is smaller.
      const count = Math.max(1, Math.min(1_000_000, Math.floor(room / 3)));
      made = insert('points:', `  - titre: Liste\n    contenu:\n      - liste: [${Array.from({ length: count }, () => 'x').join(', ')}]\n`);
      break;
    }
    case 'flow-present': {
      // The present list on one line, one id repeated a million times in it.
      const block = /\n {2}presents:\n( {4}[^\n]*\n)+/.exec(reference);
      if (!block) throw new Error('the reference meeting has no "presents:" block');
      const ids = block[0].split('\n').map((l) => /^ {4}- ([a-z_-]+)/.exec(l)?.[1]).filter(Boolean);
      const head = `\n  presents: [${ids.join(', ')}, `;
      made = { text: reference.replace(block[0], `${head}${fill(room, () => 'rose, ')}rose]\n`), line: reference.slice(0, block.index).split('\n').length + 1 };
      break;
    }
    case 'many-points':
      // Thousands of points, each with a vote (and one arrival at a point: counts per deliberation).
      made = insert('points:', fill(room, (i) => `  - titre: Point ${i}\n    contenu:\n      - deliberation: { titre: Vote ${i}, vote: { pour: 1 } }\n`));
      made.text = made.text.replace('    - rose\n', '    - { id: rose, arrivee: 2 }\n');
      break;
    case 'named-voters':
      // One named vote listing the same voter thousands of times.
      made = insert('points:', `  - titre: Vote\n    contenu:\n      - deliberation:\n          titre: Vote\n          vote:\n            pour: 1\n            contre: 1\n            noms:\n              contre:\n${fill(room, () => '                - rose\n')}`);
      break;
    case 'mentions':
      // A text naming thousands of people who did not come, and thousands of unknown ones.
      made = insert('points:', `  - titre: Mentions\n    contenu:\n      - "${fill(room, (i) => (i % 2 ? '@benteyn et ' : `@inconnu${i % 1000} et `))}fin."\n`);
      break;
    case 'unknown-ids':
      // Thousands of distinct ids nobody declared (each with a "did you mean").
      made = insert('  presents:', fill(room, (i) => `    - inconnu_${i}\n`));
      break;
    case 'duplicate-keys':
      // The same key thousands of times in one block.
      made = insert('personnes:', fill(room, () => '  doublon: { nom: Doublon }\n'));
      break;
    case 'many-people':
      // Thousands of guests declared in the meeting, one of them misspelt as an unknown key.
      made = insert('personnes:', fill(room, (i) => `  invite_${i}: { nom: Invité ${i}, fonctoin: x }\n`));
      break;
    case 'missing-keys':
      // Thousands of excused entries without an id.
      made = insert('  excuses:', fill(room, () => '    - { represente_par: rose }\n'));
      break;
    case 'aliases': {
      // A long anchored list, and aliases to it (within the alias limit).
      const list = fill(room / 2, () => 'rose, ');
      made = insert('points:', `  - titre: &titre-ancre-${'a'.repeat(1000)} Alias\n    contenu:\n      - liste: &liste [${list}x]\n      - liste: *liste\n      - liste: *liste\n`);
      break;
    }
    default:
      throw new Error(`unknown shape ${shape}`);
  }
  const file = path.join(dir, `${shape}-${bytes}.yaml`);
  writeFileSync(file, made.text);
  return { file, line: made.line };
}
