import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentTree, Inline } from '../src/document/tree.js';
import { writeMarkdown } from '../src/writers/markdown.js';
import { DOCUMENT_DATE, NBSP, NNBSP, b, br, i, kitchenSinkTree, p, sup, t } from './support/kitchen-sink.js';

const tree = (...blocks: Block[]): DocumentTree => ({ meta: { title: 'x', lang: 'fr-FR', date: DOCUMENT_DATE }, blocks });

const md = new MarkdownIt('commonmark').enable('table');

/** The text a Markdown reader gets back from a one-paragraph document (line breaks as "\n"). */
function readBack(markdown: string): { blocks: string[]; text: string } {
  const tokens = md.parse(markdown, {});
  const blocks = tokens.filter((tok) => tok.nesting === 1).map((tok) => tok.type);
  const text = tokens
    .filter((tok) => tok.type === 'inline')
    .flatMap((tok) => tok.children ?? [])
    .map((child) => (child.type === 'text' ? child.content : child.type === 'hardbreak' || child.type === 'softbreak' ? '\n' : ''))
    .join('');
  return { blocks, text };
}

describe('writeMarkdown', () => {
  it('writes captions, box titles and footnotes that read back as one emphasis, one strong and GFM notes', () => {
    const caption = [t('Diapositive '), i(t('1')), { type: 'footnote' as const, number: 1, children: [t('Une '), b(t('note'))] }];
    const out = writeMarkdown(
      tree(
        { type: 'image', path: 'd.png', width: 100, alt: 'D', figure: true, caption },
        { type: 'box', title: [t('À '), b(t('retenir'))], children: [p('body', t('Texte'))] },
        { type: 'rule' },
      ),
    );
    expect(out).toBe('![D](d.png)\n\n*Diapositive 1[^1]*\n\n> **À retenir**\n>\n> Texte\n\n---\n\n[^1]: Une **note**\n');
  });

  it('writes a small document exactly', () => {
    const doc = tree(
      { type: 'division', role: 'letterhead', children: [p('marque', t('PRÉFET'), br, t('DE LA VIENNE')), p('service', t('Bureau'))] },
      p('dateline', t('Poitiers, le 14 juin 2021')),
      { type: 'title', children: [t('Compte rendu')] },
      { type: 'heading', level: 1, children: [t('I – Ouverture')] },
      p('body', t('Le '), t('1'), sup(t('er')), t(' point est '), b(t('adopté '), i(t('à l’unanimité'))), t('.')),
      { type: 'list', marker: 'check', items: [[t('Accueil')], [b(t('Gras')), t(' puis texte')]] },
      { type: 'list', marker: 'number', items: [[t('Un')], [t('Deux')]] },
      {
        type: 'table',
        columns: [1, 1],
        rows: [
          [
            { header: true, children: [t('Service')] },
            { header: true, children: [t('Total')] },
          ],
          [{ children: [t('A | B')] }, { children: [t(`1${NNBSP}000`)] }],
        ],
      },
      { type: 'image', path: 'logo.png', width: 50, alt: 'Marianne' },
      { type: 'signatures', signatories: [{ qualite: [t('La préfète,')], name: [t('Chantal CASTELNOT')] }] },
      { type: 'division', role: 'annex', children: [{ type: 'heading', level: 1, children: [t('Annexe')] }] },
    );
    expect(writeMarkdown(doc)).toBe(
      [
        'PRÉFET\\',
        'DE LA VIENNE\\',
        'Bureau',
        '',
        'Poitiers, le 14 juin 2021',
        '',
        '# Compte rendu',
        '',
        '## I – Ouverture',
        '',
        'Le 1<sup>er</sup> point est **adopté *à l’unanimité***.',
        '',
        '- ✓ Accueil',
        '- ✓ **Gras** puis texte',
        '',
        '1. Un',
        '2. Deux',
        '',
        '| Service | Total |',
        '| --- | --- |',
        `| A \\| B | 1${NNBSP}000 |`,
        '',
        '![Marianne](logo.png)',
        '',
        'La préfète,\\',
        'Chantal CASTELNOT',
        '',
        '---',
        '',
        '## Annexe',
        '',
      ].join('\n'),
    );
  });

  it('maps heading levels 1–4 to ## … #####, and escapes # in headings', () => {
    const out = writeMarkdown(
      tree(
        { type: 'heading', level: 1, children: [t('Un')] },
        { type: 'heading', level: 2, children: [t('Deux')] },
        { type: 'heading', level: 3, children: [t('Trois')] },
        { type: 'heading', level: 4, children: [t('Point #4')] },
      ),
    );
    expect(out).toBe('## Un\n\n### Deux\n\n#### Trois\n\n##### Point \\#4\n');
  });

  it('escapes Markdown syntax in text', () => {
    const out = writeMarkdown(tree(p('body', t('a*b_c [d] \\e <f> `g` ~h &amp; & i'))));
    expect(out).toBe('a\\*b\\_c \\[d\\] \\\\e \\<f> \\`g\\` \\~h \\&amp; & i\n');
  });

  it('escapes what would start a block at the beginning of a line', () => {
    const out = writeMarkdown(
      tree(p('body', t('# pas un titre'), br, t('- pas une liste'), br, t('2021. pas numéroté'), br, t('> pas une citation'), br, t('---'))),
    );
    expect(out).toBe('\\# pas un titre\\\n\\- pas une liste\\\n2021\\. pas numéroté\\\n\\> pas une citation\\\n\\---\n');
    expect(readBack(out)).toEqual({
      blocks: ['paragraph_open'],
      text: '# pas un titre\n- pas une liste\n2021. pas numéroté\n> pas une citation\n---',
    });
  });

  it('keeps French characters and spaces as they are', () => {
    const text = `« Toit du Monde »${NBSP}: l’œuvre, 12${NBSP}%${NNBSP}; 970${NNBSP}394${NBSP}€ ✓ É`;
    expect(writeMarkdown(tree(p('body', t(text))))).toBe(`${text}\n`);
  });

  it('moves spaces outside emphasis delimiters and flattens nested strong', () => {
    expect(writeMarkdown(tree(p('body', t('a'), b(t(' gras ')), t('b'), b(b(t('x'))))))).toBe('a **gras** b**x**\n');
  });

  it('keeps two adjacent lists of the same kind apart', () => {
    const out = writeMarkdown(
      tree(
        { type: 'list', marker: 'check', items: [[t('a')]] },
        { type: 'list', marker: 'dash', items: [[t('b')]] },
        { type: 'list', marker: 'number', items: [[t('c')]] },
      ),
    );
    expect(out).toBe('- ✓ a\n\n<!-- -->\n\n- b\n\n1. c\n');
    expect(md.parse(out, {}).filter((tok) => tok.type === 'bullet_list_open')).toHaveLength(2);
  });

  it('writes line breaks in table cells as <br>, and a table without header cells with an empty header', () => {
    const out = writeMarkdown(tree({ type: 'table', columns: [1, 1], rows: [[{ children: [t('a'), br, t('b')] }, { children: [] }]] }));
    expect(out).toBe('| | |\n| --- | --- |\n| a<br>b | |\n');
  });

  it('is deterministic and renders the kitchen sink with an annex break', () => {
    const one = writeMarkdown(kitchenSinkTree());
    expect(writeMarkdown(kitchenSinkTree())).toBe(one);
    expect(one).toContain('\n\n---\n\nAnnexe\n\n## Témoignage de Pimms Médiation\n');
    expect(one).toContain('### a) Bilan au 1<sup>er</sup> janvier 2022\n');
    expect(one).toContain('\n1. Premier point\n2. Deuxième point\n\n<!-- -->\n\n1. Autre liste, premier\n');
    expect(one.endsWith('\n') && !one.endsWith('\n\n')).toBe(true);
  });

  it('round-trips any single-line text through a CommonMark reader', () => {
    const alphabet = fc.constantFrom(
      ...'ab Z09#*_-+=>.)(![]\\`<>&;|~:"\'«»’œÉ€✓'.split(''),
      NBSP,
      NNBSP,
      '&amp;',
      '&#35;',
      '1. ',
      '- ',
      '***',
      '<b>',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 30 }), (pieces) => {
        const text = pieces.join('').trim();
        fc.pre(text !== '' && !/^[\s\u00A0\u202F]|[\s\u00A0\u202F]$/.test(text));
        const back = readBack(writeMarkdown(tree(p('body', t(text)))));
        expect(back.blocks).toEqual(['paragraph_open']);
        expect(back.text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips emphasis structure', () => {
    const inline: Inline[] = [t('Le '), b(t('budget '), i(t('2021'))), t(' et '), i(t('*étoile*'))];
    const tokens = md.parseInline(writeMarkdown(tree(p('body', ...inline))).trim(), {})[0]?.children ?? [];
    expect(tokens.map((tok) => tok.type)).toEqual([
      'text',
      'strong_open',
      'text',
      'em_open',
      'text',
      'em_close',
      'strong_close',
      'text',
      'em_open',
      'text',
      'em_close',
    ]);
  });
});
