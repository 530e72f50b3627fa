// Rich text: Markdown inline emphasis and @mentions to the template markup; everything else is text.
import { describe, expect, it } from 'vitest';
import { richTextToMarkup } from '../src/compose/rich-text.js';
import { findMentions } from '../src/model/mentions.js';

const names: Record<string, string> = { prempain: 'M. PREMPAIN', masse_nathalie: 'Mme MASSÉ', 'jean-luc': 'M. AUBERT' };
const nameOf = (id: string) => names[id];

describe('rich text', () => {
  it('renders **bold**, *italic* and mentions, and escapes everything else', () => {
    expect(richTextToMarkup('@prempain demande si **tout** va *bien*.', nameOf)).toBe('M. PREMPAIN demande si <b>tout</b> va <i>bien</i>.');
    expect(richTextToMarkup('Budget <b>pas du gras</b> & "guillemets"', nameOf)).toBe('Budget &lt;b&gt;pas du gras&lt;/b&gt; &amp; &quot;guillemets&quot;');
    expect(richTextToMarkup('Présenté par @masse_nathalie et @jean-luc.', nameOf)).toBe('Présenté par Mme MASSÉ et M. AUBERT.');
  });

  it('turns ^[…] into a footnote, with emphasis and mentions inside, and leaves \\^[ and ^[] as typed', () => {
    expect(richTextToMarkup('Le budget^[Envoyé par @prempain le **2 mai** [annexe].] est adopté.', nameOf)).toBe(
      'Le budget<note>Envoyé par M. PREMPAIN le <b>2 mai</b> [annexe].</note> est adopté.',
    );
    expect(richTextToMarkup('a\\^[b] c^[] x^2 [y]', nameOf)).toBe('a^[b] c^[] x^2 [y]');
    // A note holds no note of its own.
    expect(richTextToMarkup('a^[b ^[c] d]', nameOf)).toBe('a<note>b ^[c] d</note>');
  });

  it('leaves e-mail addresses, escaped \\@ and unknown ids as typed', () => {
    expect(richTextToMarkup('Écrire à pref-courrier@vienne.gouv.fr', nameOf)).toBe('Écrire à pref-courrier@vienne.gouv.fr');
    expect(richTextToMarkup('Suivez \\@prempain sur les réseaux', nameOf)).toBe('Suivez @prempain sur les réseaux');
    expect(richTextToMarkup('@inconnu parle', nameOf)).toBe('@inconnu parle');
    expect(findMentions('Suivez \\@prempain, écrire à a@prempain.fr, @prempain.')).toEqual([{ id: 'prempain', index: 43, length: 9 }]);
  });

  it('does not turn links, headings or HTML into markup', () => {
    expect(richTextToMarkup('[lien](http://x) # titre `code`', nameOf)).toBe('[lien](http://x) # titre &#x60;code&#x60;');
  });
});
