// A hand-built document tree that uses every node type, every list marker and the French characters
// writers get wrong (« », ’, œ, É, €, U+00A0, U+202F, ✓). Shared by the writer tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Block, DocumentTree, Inline } from '../../src/document/tree.js';

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

export const t = (value: string): Inline => ({ type: 'text', value });
export const b = (...children: Inline[]): Inline => ({ type: 'strong', children });
export const i = (...children: Inline[]): Inline => ({ type: 'emphasis', children });
export const sup = (...children: Inline[]): Inline => ({ type: 'superscript', children });
export const br: Inline = { type: 'lineBreak' };
export const p = (style: Extract<Block, { type: 'paragraph' }>['style'], ...children: Inline[]): Block => ({
  type: 'paragraph',
  style,
  children,
});

/** The meeting's document date: 14 June 2021 (the minutes are dated after the meeting). */
export const DOCUMENT_DATE = new Date(Date.UTC(2021, 5, 14, 9, 30, 0));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A small valid RGB PNG (a blue rectangle), width × height pixels. */
export function pngBytes(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [0x00, 0x00, 0x91]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A temporary directory holding logo.png (80 × 40 px); use it as the writer's baseDir. */
export function fixtureDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-writer-'));
  writeFileSync(path.join(dir, 'logo.png'), pngBytes(80, 40));
  return dir;
}

/** The metadata of the kitchen-sink trees (this one and the PDF writer's, test/support/pdf-fixtures.ts). */
export function kitchenSinkMeta(): DocumentTree['meta'] {
  return {
    title: 'Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021',
    author: 'Préfecture de la Vienne',
    subject: 'Comité Local des Usagers',
    keywords: ['CLU', 'compte rendu'],
    lang: 'fr-FR',
    date: DOCUMENT_DATE,
  };
}

export function kitchenSinkTree(): DocumentTree {
  return {
    meta: kitchenSinkMeta(),
    blocks: [
      {
        type: 'division',
        role: 'letterhead',
        children: [
          { type: 'image', path: 'logo.png', width: 60, alt: 'Marianne' },
          p('marque', t('PRÉFET'), br, t('DE LA VIENNE')),
          p('devise', t('Liberté'), br, t('Égalité'), br, t('Fraternité')),
          p('service', t('Secrétariat Général Commun')),
          p('contact', t(`Affaire suivie par${NBSP}:`), br, t(`Tél${NBSP}: 05${NBSP}49${NBSP}55${NBSP}70${NBSP}00`)),
        ],
      },
      p('dateline', t('Poitiers, le 14 juin 2021')),
      { type: 'title', children: [t('Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021 à 14'), t(`${NBSP}h${NBSP}30`)] },
      p('label', t(`Présidence${NBSP}:`)),
      p('attendee', t(`Mme${NBSP}Chantal CASTELNOT, Préfète de la Vienne.`)),
      { type: 'heading', level: 1, children: [t('I – Accueil des usagers')] },
      p('presentation', t(`Présentation par Mme${NBSP}SAUVAIRE (Diaporama page${NBSP}5)`)),
      {
        type: 'heading',
        level: 2,
        children: [t('a) Bilan au '), t('1'), sup(t('er')), t(' janvier 2022')],
      },
      p(
        'body',
        t('Le '),
        b(t('budget'), t(' '), i(t('très'), t(' contraint'))),
        t(` atteint 109${NNBSP}016${NBSP}€ soit 12${NBSP}%${NNBSP}; l’œuvre « Toit du Monde » est citée.`),
      ),
      {
        type: 'list',
        marker: 'check',
        items: [[t('Accueil '), b(t('sur rendez-vous'))], [t('Accueil téléphonique ✓')]],
      },
      { type: 'heading', level: 3, children: [t('Sous-point détaillé')] },
      {
        type: 'list',
        marker: 'number',
        items: [[t('Premier point')], [t('Deuxième point')]],
      },
      {
        type: 'list',
        marker: 'number',
        items: [[t('Autre liste, premier')]],
      },
      { type: 'list', marker: 'dash', items: [[t('Un tiret')]] },
      {
        type: 'table',
        columns: [2, 1],
        rows: [
          [
            { header: true, children: [t('Service')] },
            { header: true, children: [t('Visites')] },
          ],
          [{ children: [t('Étrangers')] }, { children: [t(`970${NNBSP}394`)] }],
        ],
      },
      p('exchange', t(`M.${NBSP}PREMPAIN demande si l’accueil est ouvert${NNBSP}?`)),
      p('noQuestion', t('Aucune observation ou question n’est formulée.')),
      p('closing', t('L’ordre du jour étant épuisé, la séance est levée à 15'), t(`${NBSP}h${NBSP}50.`)),
      {
        type: 'signatures',
        signatories: [{ qualite: [t('La préfète,')], name: [t('Chantal CASTELNOT')] }],
      },
      {
        type: 'division',
        role: 'annex',
        children: [
          p('annexHeader', t('Annexe')),
          { type: 'heading', level: 1, children: [t('Témoignage de Pimms Médiation')] },
          p('body', t('« Très bon accueil »')),
        ],
      },
    ],
  };
}
