// The template markup: every element of the whitelist becomes the right tree node; anything else is
// refused with a message naming the element.
import { describe, expect, it } from 'vitest';
import { parseMarkup, MarkupError } from '../src/compose/markup.js';

describe('template markup → document tree', () => {
  it('reads the content kinds: nested lists, notes, boxes, rules, captions, figures', () => {
    const text = (value: string) => ({ type: 'text', value });
    const blocks = parseMarkup(`
      <ul class="numberParen"><li>un<ul class="alpha"><li>a</li></ul></li><li>deux<note>Note <b>1</b></note></li></ul>
      <box><caption>À retenir</caption><p>Texte<note>Note 2</note></p><ul class="roman"><li>i</li></ul></box>
      <hr/>
      <table><caption>Tableau</caption><tr><th>A</th><th>B</th></tr></table>
      <figure><img src="d.png" width="300" alt=""/><figcaption>Diapositive <i>1</i></figcaption></figure>
      <figure><img src="e.png" width="200" alt="Plan"/></figure>
    `);
    expect(blocks).toEqual([
      {
        type: 'list',
        marker: 'numberParen',
        items: [[text('un')], [text('deux'), { type: 'footnote', number: 1, children: [text('Note '), { type: 'strong', children: [text('1')] }] }]],
        sublists: [{ type: 'list', marker: 'alpha', items: [[text('a')]] }, undefined],
      },
      {
        type: 'box',
        title: [text('À retenir')],
        children: [
          { type: 'paragraph', style: 'body', children: [text('Texte'), { type: 'footnote', number: 2, children: [text('Note 2')] }] },
          { type: 'list', marker: 'roman', items: [[text('i')]] },
        ],
      },
      { type: 'rule' },
      { type: 'table', columns: [1, 1], rows: [[{ children: [text('A')], header: true }, { children: [text('B')], header: true }]], caption: [text('Tableau')] },
      // Without an alternative text, a figure is described by its caption.
      { type: 'image', path: 'd.png', width: 300, alt: 'Diapositive 1', figure: true, caption: [text('Diapositive '), { type: 'emphasis', children: [text('1')] }] },
      { type: 'image', path: 'e.png', width: 200, alt: 'Plan', figure: true },
    ]);
    expect(() => parseMarkup('<box><table><tr><td>x</td></tr></table></box>')).toThrow(MarkupError);
    expect(() => parseMarkup('<figure><p>x</p></figure>')).toThrow(MarkupError);
  });

  it('turns every element into its node, whitespace collapsed as in HTML', () => {
    const blocks = parseMarkup(`
      <div class="letterhead">
        <img src="logo.png" width="50" alt="Marianne"/>
        <p class="marque">PRÉFET<br/>DE LA VIENNE</p>
      </div>
      <title>Compte   rendu</title>
      <h1>I – Titre</h1><h2>a) Sous-titre</h2><h3>1. Détail</h3><h4>Note</h4>
      <p>Texte <b>gras <i>et italique</i></b> le 1<sup>er</sup> mai.</p>
      <p class="question">Une question ?</p>
      <ul class="dash"><li>un</li><li><b>deux</b></li></ul>
      <table columns="2,1"><tr><th>Nom</th><th>Signature</th></tr><tr><td>M. X</td><td></td></tr></table>
      <signatures><signatory><qualite>La préfète,</qualite><name>Chantal CASTELNOT</name></signatory></signatures>
      <pagebreak/>
      <div class="annex"><p class="annexHeader">Annexe</p></div>
    `);
    expect(blocks).toEqual([
      {
        type: 'division',
        role: 'letterhead',
        children: [
          { type: 'image', path: 'logo.png', width: 50, alt: 'Marianne' },
          { type: 'paragraph', style: 'marque', children: [{ type: 'text', value: 'PRÉFET' }, { type: 'lineBreak' }, { type: 'text', value: 'DE LA VIENNE' }] },
        ],
      },
      { type: 'title', children: [{ type: 'text', value: 'Compte rendu' }] },
      { type: 'heading', level: 1, children: [{ type: 'text', value: 'I – Titre' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', value: 'a) Sous-titre' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', value: '1. Détail' }] },
      { type: 'heading', level: 4, children: [{ type: 'text', value: 'Note' }] },
      {
        type: 'paragraph',
        style: 'body',
        children: [
          { type: 'text', value: 'Texte ' },
          { type: 'strong', children: [{ type: 'text', value: 'gras ' }, { type: 'emphasis', children: [{ type: 'text', value: 'et italique' }] }] },
          { type: 'text', value: ' le 1' },
          { type: 'superscript', children: [{ type: 'text', value: 'er' }] },
          { type: 'text', value: ' mai.' },
        ],
      },
      { type: 'paragraph', style: 'question', children: [{ type: 'text', value: 'Une question ?' }] },
      { type: 'list', marker: 'dash', items: [[{ type: 'text', value: 'un' }], [{ type: 'strong', children: [{ type: 'text', value: 'deux' }] }]] },
      {
        type: 'table',
        columns: [2, 1],
        rows: [
          [
            { children: [{ type: 'text', value: 'Nom' }], header: true },
            { children: [{ type: 'text', value: 'Signature' }], header: true },
          ],
          [{ children: [{ type: 'text', value: 'M. X' }] }, { children: [] }],
        ],
      },
      { type: 'signatures', signatories: [{ qualite: [{ type: 'text', value: 'La préfète,' }], name: [{ type: 'text', value: 'Chantal CASTELNOT' }] }] },
      { type: 'pageBreak' },
      { type: 'division', role: 'annex', children: [{ type: 'paragraph', style: 'annexHeader', children: [{ type: 'text', value: 'Annexe' }] }] },
    ]);
  });

  it('decodes entities: text inserted by a template stays text', () => {
    expect(parseMarkup('<p>Conseil &amp; Bureau &lt;b&gt;pas du gras&lt;/b&gt; &#x27;q&#x27;</p>')).toEqual([
      { type: 'paragraph', style: 'body', children: [{ type: 'text', value: "Conseil & Bureau <b>pas du gras</b> 'q'" }] },
    ]);
  });

  it.each([
    ['<script>x</script>', /unknown element <script>/],
    ['<p class="fancy">x</p>', /unknown paragraph class “fancy”/],
    ['<ul class="stars"><li>x</li></ul>', /unknown list class “stars”/],
    ['<ul><p>x</p></ul>', /only <li> is allowed/],
    ['<p><a href="x">lien</a></p>', /<a> is not allowed inside a paragraph/],
    ['texte nu', /text outside a block element/],
    ['<img width="10"/>', /needs a src/],
    ['<div class="sidebar"></div>', /unknown div class “sidebar”/],
    ['<table><tr><p>x</p></tr></table>', /only <th> and <td>/],
  ])('refuses %s', (markup, message) => {
    expect(() => parseMarkup(markup)).toThrow(MarkupError);
    expect(() => parseMarkup(markup)).toThrow(message);
  });
});
