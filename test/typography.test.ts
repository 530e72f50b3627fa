import path from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type Block, type Inline, inlineText } from '../src/document/tree.js';
import { dateToUtc, frenchDate, frenchTime, frenchWeekday, parseIsoDate } from '../src/typography/dates.js';
import { frenchText } from '../src/typography/french.js';
import { letterNumeral, parseRomanNumeral, romanNumeral } from '../src/typography/numbering.js';
import { ordinalParts } from '../src/typography/ordinals.js';
import { applyTypography } from '../src/typography/tree.js';

const REFERENCE = path.join(import.meta.dirname, 'fixtures', 'reference', 'clu-vienne-2021-05-06.txt');

/** The text with every difference frenchText may make erased (see the skeleton property below). */
function skeleton(s: string): string {
  return s
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/ /g, '')
    .replace(/’/g, "'")
    .replace(/[«»]/g, '"')
    .replace(/…/g, '...');
}

describe('frenchText: colon', () => {
  it.each([
    ['Tél : 05', 'Tél\u00A0: 05'],
    ['Tél: 05', 'Tél\u00A0: 05'],
    ['Présidence :', 'Présidence\u00A0:'],
    ['Participants :\nM. X', 'Participants\u00A0:\nM.\u00A0X'],
    ['Lien : Accueil > Services', 'Lien\u00A0: Accueil > Services'],
    ['(DDETS) : x', '(DDETS)\u00A0: x'],
  ])('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it.each(['14:30', 'à 14:30 en salle', 'https://www.vienne.gouv.fr', 'C:\\Users\\clu', 'a:b', 'ratio 2:1'])(
    'leaves %j alone',
    (input) => {
      expect(frenchText(input)).toBe(input);
    },
  );
});

describe('frenchText: ; ! ?', () => {
  it.each([
    ['fonction ;', 'fonction\u202F;'],
    ['fonction;', 'fonction\u202F;'],
    ['fonction ; suite', 'fonction\u202F; suite'],
    ['Vraiment ?', 'Vraiment\u202F?'],
    ['Vraiment?', 'Vraiment\u202F?'],
    ['Vraiment\u00A0!', 'Vraiment\u202F!'],
    ['quoi?!', 'quoi\u202F?!'],
    ['quoi ?!', 'quoi\u202F?!'],
    ['(OFII) ;', '(OFII)\u202F;'],
    ['satisfaction...);', 'satisfaction…)\u202F;'],
    ['I – Le Comité Local des Usagers : quels sont ses objectifs ?', 'I – Le Comité Local des Usagers\u00A0: quels sont ses objectifs\u202F?'],
  ])('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it('does not double an existing space', () => {
    expect(frenchText('a \u202F ;')).toBe('a\u202F;');
  });

  it('does not insert a space inside a token such as "a?b"', () => {
    expect(frenchText('a?b;c')).toBe('a?b;c');
  });
});

describe('frenchText: stray spaces before a comma or a period', () => {
  it.each([
    ['M. Eric ROSE , directeur', 'M.\u00A0Eric ROSE, directeur'],
    ['M. Thierry GHEERAERT , directeur', 'M.\u00A0Thierry GHEERAERT, directeur'],
    ['de sécurité ,\nMme X', 'de sécurité,\nMme\u00A0X'],
    ['passant de 3 demandes en 2019 à 26 en 2020 .', 'passant de 3 demandes en 2019 à 26 en 2020.'],
    ['« Instagram » ,', '«\u00A0Instagram\u00A0»,'],
  ])('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it('keeps decimals and spaced dots', () => {
    expect(frenchText('3,7 passages')).toBe('3,7 passages');
    expect(frenchText('etc . . .')).toBe('etc. . .');
  });
});

describe('frenchText: quotes', () => {
  it.each([
    ['le "Toit du Monde"', 'le «\u00A0Toit du Monde\u00A0»'],
    ['le "Toit du Monde".', 'le «\u00A0Toit du Monde\u00A0».'],
    ['"oui" et "non"', '«\u00A0oui\u00A0» et «\u00A0non\u00A0»'],
    ['dit "quoi?"', 'dit «\u00A0quoi\u202F?\u00A0»'],
    ['association le « Toit du Monde » ;', 'association le «\u00A0Toit du Monde\u00A0»\u202F;'],
    ['«Renseignements droit du travail prendre rdv en ligne ».', '«\u00A0Renseignements droit du travail prendre rdv en ligne\u00A0».'],
    ['«\u202Fx\u202F»', '«\u00A0x\u00A0»'],
  ])('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it('handles an apostrophe inside guillemets', () => {
    expect(frenchText('association « Min\'de Rien » ;')).toBe('association «\u00A0Min’de Rien\u00A0»\u202F;');
  });
});

describe('frenchText: apostrophes and ellipsis', () => {
  it.each([
    ["l'ordre du jour", 'l’ordre du jour'],
    ["aujourd'hui", 'aujourd’hui'],
    ["qu'en 2019", 'qu’en 2019'],
    ["l'Etat, d'état, L'ANEF", 'l’Etat, d’état, L’ANEF'],
    ["le PIMM'S", 'le PIMM’S'],
    ['etc...', 'etc…'],
    ['un parking...donc', 'un parking…donc'],
    ['en ligne ...)', 'en ligne …)'],
  ])('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it("leaves quote-like ' alone", () => {
    expect(frenchText("'simple'")).toBe("'simple'");
    expect(frenchText("5' de marche")).toBe("5' de marche");
  });
});

describe('frenchText: numbers', () => {
  it.each([
    ['109016 appels', '109\u202F016 appels'],
    ['109 016 appels', '109\u202F016 appels'],
    ['109\u00A0016 appels', '109\u202F016 appels'],
    ['1234567', '1\u202F234\u202F567'],
    ['2 068 abonnés', '2\u202F068 abonnés'],
    ['1 120 France Services', '1\u202F120 France Services'],
    ['passant de 34 212 à 64 685 appels', 'passant de 34\u202F212 à 64\u202F685 appels'],
    ['12345,67', '12\u202F345,67'],
    ['1 234,5', '1\u202F234,5'],
  ])('groups %j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it.each([
    'en 2021',
    'depuis 2006',
    'le 6 mai 2021',
    '2021-05-06',
    '06/05/2021',
    '3,7 passages',
    '0,12345',
    '3,14159',
    '012345',
    '86000 Poitiers',
    '86021 POITIERS CEDEX',
    '4 Rue Daumier – 30900 – Nîmes',
    '30900, Nîmes',
    'SIRET 12345678901234',
    'article 12345',
    'délibération 2021-034',
    'version 1.23456',
    'réf. AB12345',
    '12345 678',
  ])('leaves %j alone', (input) => {
    expect(frenchText(input)).toBe(input);
  });

  it.each([
    ['Tél : 05 49 55 69 16', 'Tél\u00A0: 05\u00A049\u00A055\u00A069\u00A016'],
    ['+33 5 49 55 69 16', '+33\u00A05\u00A049\u00A055\u00A069\u00A016'],
    ['0 800 123 456', '0\u00A0800\u00A0123\u00A0456'],
    ['0549556916', '0549556916'],
    ['05.49.55.69.16', '05.49.55.69.16'],
  ])('phone numbers keep their pairs, unbreakable: %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it.each([
    ['32 %', '32\u00A0%'],
    ['103,43%', '103,43\u00A0%'],
    ['4,71 % (contre 4,21% en 2019) :', '4,71\u00A0% (contre 4,21\u00A0% en 2019)\u00A0:'],
    ['25 €', '25\u00A0€'],
    ['25€', '25\u00A0€'],
    ['30 000 €', '30\u202F000\u00A0€'],
    ['2 ‰', '2\u00A0‰'],
    ["l'Etat donne 30 000 euros", 'l’Etat donne 30\u202F000 euros'],
  ])('percent and currency: %j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });
});

describe('frenchText: civilities and hours', () => {
  it.each([
    ['M. PREMPAIN', 'M.\u00A0PREMPAIN'],
    ['Mme SAUVAIRE', 'Mme\u00A0SAUVAIRE'],
    ['MM. ROSE et PIERRE', 'MM.\u00A0ROSE et PIERRE'],
    ['Mmes BRIONNET et MASSÉ', 'Mmes\u00A0BRIONNET et MASSÉ'],
    ['Mlle X', 'Mlle\u00A0X'],
    ['Mme Chantal CASTELNOT', 'Mme\u00A0Chantal CASTELNOT'],
    ['Mme Élise', 'Mme\u00A0Élise'],
  ])('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it('needs a name or a title after the civility, and a word boundary before it', () => {
    expect(frenchText('Mme la Préfète')).toBe('Mme\u00A0la Préfète');
    expect(frenchText('M. dit que')).toBe('M. dit que');
    expect(frenchText('PM. X')).toBe('PM. X');
    expect(frenchText('Mmex Y')).toBe('Mmex Y');
  });

  it.each([
    ['à 14 h 30', 'à 14\u00A0h\u00A030'],
    ['à 20 h', 'à 20\u00A0h'],
    ['de 9 h à 12 h', 'de 9\u00A0h à 12\u00A0h'],
  ])('spaced hours: %j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it.each(['14h30', 'de 7h45 à 19h00', '24h par semaine', 'à 15h50.'])('compact hours stay: %j', (input) => {
    expect(frenchText(input)).toBe(input);
  });
});

describe('frenchText: URLs and e-mail addresses', () => {
  it.each([
    'www.vienne.gouv.fr',
    'nathalie.masse@vienne.gouv.fr',
    'pref-courrier@vienne.gouv.fr',
    'https://x.y/a?b=c!',
    "https://x.y/l'a;b",
    'https://example.org/p?q=123456&r=a:b',
    'nouvelle-aquitaine.dreets.gouv.fr',
    'mailto:x@y.fr',
    'C:\\Program Files',
  ])('leaves %j alone', (url) => {
    expect(frenchText(url)).toBe(url);
  });

  it.each([
    ['Mél : nathalie.masse@vienne.gouv.fr', 'Mél\u00A0: nathalie.masse@vienne.gouv.fr'],
    ['sur le site internet de la préfecture : www.vienne.gouv.fr', 'sur le site internet de la préfecture\u00A0: www.vienne.gouv.fr'],
    ['en écrivant à pref-courrier@vienne.gouv.fr, une réponse', 'en écrivant à pref-courrier@vienne.gouv.fr, une réponse'],
    ['Voir www.vienne.gouv.fr.', 'Voir www.vienne.gouv.fr.'],
    ['Voir www.vienne.gouv.fr !', 'Voir www.vienne.gouv.fr\u202F!'],
    ['(https://x.fr/a) ;', '(https://x.fr/a)\u202F;'],
    ['Voir https://x.fr/a?b=1 : fin', 'Voir https://x.fr/a?b=1\u00A0: fin'],
  ])('typesets around it: %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it('keeps a private-use character of the input as it is', () => {
    expect(frenchText('a\uE000b : c')).toBe('a\uE000b\u00A0: c');
  });
});

describe('frenchText: sentences of the reference document', () => {
  it.each([
    [
      "La préfecture a reçu 109 016 appels en 2020 soit 32 % de plus qu'en 2019.",
      'La préfecture a reçu 109\u202F016 appels en 2020 soit 32\u00A0% de plus qu’en 2019.',
    ],
    ['Tél : 05 49 55 69 16', 'Tél\u00A0: 05\u00A049\u00A055\u00A069\u00A016'],
    ['M. Nicolas CHASSAING, association le « Toit du Monde » ;', 'M.\u00A0Nicolas CHASSAING, association le «\u00A0Toit du Monde\u00A0»\u202F;'],
    ["Lien : Accueil > Services de l'Etat > …", 'Lien\u00A0: Accueil > Services de l’Etat > …'],
    [
      "Concernant les réseaux sociaux, le taux d'engagement est de 4,71 % (contre 4,21% en 2019) : les post-information",
      'Concernant les réseaux sociaux, le taux d’engagement est de 4,71\u00A0% (contre 4,21\u00A0% en 2019)\u00A0: les post-information',
    ],
    ["car ils ont jusqu'au 1^{er} juillet 2021 pour le faire.", 'car ils ont jusqu’au 1^{er} juillet 2021 pour le faire.'],
    [
      'A Poitiers, on dénombre 970 394 titres délivrés en 2020, le délai moyen national est de 17 jours',
      'A Poitiers, on dénombre 970\u202F394 titres délivrés en 2020, le délai moyen national est de 17 jours',
    ],
    [
      '8,45 % : 453 279 connexions en 2019, soit une augmentation de 103,43%.',
      '8,45\u00A0%\u00A0: 453\u202F279 connexions en 2019, soit une augmentation de 103,43\u00A0%.',
    ],
    [
      'Mme BRIONNET précise que la préfecture dispose d\'un compte « Instagram » avec 2 068 abonnés',
      'Mme\u00A0BRIONNET précise que la préfecture dispose d’un compte «\u00A0Instagram\u00A0» avec 2\u202F068 abonnés',
    ],
    [
      'Au 1^{er} janvier 2021 : 1 120 France Services et 180 nouveaux établissements au 1^{er} avril.',
      'Au 1^{er} janvier 2021\u00A0: 1\u202F120 France Services et 180 nouveaux établissements au 1^{er} avril.',
    ],
    ['la séance est levée à 15h50.', 'la séance est levée à 15h50.'],
    ['Poitiers, le 14 juin 2021', 'Poitiers, le 14 juin 2021'],
  ])('%j', (input, expected) => {
    expect(frenchText(input)).toBe(expected);
  });

  it('typesets the whole reference idempotently, changing only spaces and marks', () => {
    const reference = readFileSync(REFERENCE, 'utf8');
    const once = frenchText(reference);
    expect(frenchText(once)).toBe(once);
    expect(skeleton(once)).toBe(skeleton(reference));
    expect(once).not.toMatch(/ [:;!?%€]/);
    expect(once).not.toMatch(/[«] | [»]/);
    expect(once).not.toContain("'");
    expect(once).toContain('109\u202F016');
    expect(once).toContain('970\u202F394');
    expect(once).toContain('pref-courrier@vienne.gouv.fr');
    expect(once).toContain('nouvelle-aquitaine.dreets.gouv.fr');
  });
});

describe('frenchText: properties', () => {
  const pieces = fc.constantFrom(
    ...['a', 'É', 'l', 'M', 'Mme', 'M.', 'MM.', 'x', '0', '1', '5', '9', '2021', '109', '016', 'h', 'er', 'e'],
    ...[' ', ' ', '\u00A0', '\u202F', '\n', '\t'],
    ...[':', ';', '!', '?', '.', ',', '...', '…', '"', "'", '’', '«', '»', '%', '€', '(', ')', '-', '/', '@'],
    ...['www.', 'https://', '.fr', 'C:\\', '\uE000', '^{er}'],
  );
  const frenchish = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
  const anything = fc.oneof(frenchish, fc.string(), fc.string({ unit: 'binary' }));

  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(anything, (text) => {
        const once = frenchText(text);
        expect(frenchText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['www.a?;', 'a .:', 'a .»', '...a.fr/0 800016', "a'www.:", 'a::', 'a:»', '"a?"', '««', '"" ""', 'etc . . .'])(
    'is idempotent on %j (counterexamples found while fuzzing)',
    (text) => {
      const once = frenchText(text);
      expect(frenchText(once)).toBe(once);
      expect(skeleton(once)).toBe(skeleton(text));
    },
  );

  it('returns a text with more URLs than placeholders unchanged', () => {
    const text = 'a.fr : '.repeat(6401);
    expect(frenchText(text)).toBe(text);
    expect(frenchText('a.fr : '.repeat(10))).toBe('a.fr\u00A0: '.repeat(10));
  });

  it('only changes spaces, quote marks, apostrophes and ellipses', () => {
    fc.assert(
      fc.property(anything, (text) => {
        expect(skeleton(frenchText(text))).toBe(skeleton(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ordinalParts', () => {
  const plain = (text: string) => ({ text, superscript: false });
  const sup = (text: string) => ({ text, superscript: true });

  it.each([
    ['1er', [plain('1'), sup('er')]],
    ['le 1er janvier', [plain('le 1'), sup('er'), plain(' janvier')]],
    ['le 1^{er} juillet 2021', [plain('le 1'), sup('er'), plain(' juillet 2021')]],
    ['la 1re fois', [plain('la 1'), sup('re'), plain(' fois')]],
    ['la 1ère fois', [plain('la 1'), sup('re'), plain(' fois')]],
    ['le 2e point', [plain('le 2'), sup('e'), plain(' point')]],
    ['le 2ème point', [plain('le 2'), sup('e'), plain(' point')]],
    ['les 1ers et les 2es', [plain('les 1'), sup('ers'), plain(' et les 2'), sup('es')]],
    ['les 1res', [plain('les 1'), sup('res')]],
    ['le XXIe siècle', [plain('le XXI'), sup('e'), plain(' siècle')]],
    ['le XX^{e} siècle', [plain('le XX'), sup('e'), plain(' siècle')]],
    ['la Ve République', [plain('la V'), sup('e'), plain(' République')]],
    ['François Ier', [plain('François I'), sup('er')]],
    ['au 1er.', [plain('au 1'), sup('er'), plain('.')]],
    ['10e, 11e', [plain('10'), sup('e'), plain(', 11'), sup('e')]],
  ])('%j', (input, expected) => {
    expect(ordinalParts(input)).toEqual(expected);
  });

  it.each([
    'Le Ce De Me Les Des Ces Mes',
    '2emplois',
    '1erreur',
    'un 1e',
    'le 2er',
    'XXer',
    'IIII e',
    'VXe',
    '3,2e',
    'x1er',
    '1e5',
    'sans ordinal',
  ])('leaves %j as plain text', (input) => {
    expect(ordinalParts(input)).toEqual([plain(input)]);
  });

  it('gives no segment for the empty string', () => {
    expect(ordinalParts('')).toEqual([]);
  });
});

describe('applyTypography', () => {
  const t = (value: string): Inline => ({ type: 'text', value });
  const para = (...children: Inline[]): Block => ({ type: 'paragraph', style: 'body', children });

  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object') {
      for (const child of Object.values(value)) deepFreeze(child);
      Object.freeze(value);
    }
    return value;
  }

  it('typesets text nodes and raises ordinals', () => {
    const [block] = applyTypography([para(t("Depuis le 1er juillet 2021 : l'ANEF"))]);
    expect(block).toEqual(
      para(
        t('Depuis le 1'),
        { type: 'superscript', children: [t('er')] },
        t(' juillet 2021\u00A0: l’ANEF'),
      ),
    );
  });

  it('closes a straight quote opened in another text node', () => {
    const [block] = applyTypography([
      para(t('le "'), { type: 'strong', children: [t('Toit du Monde')] }, t('" ;')),
    ]);
    expect(block).toEqual(
      para(t('le «\u00A0'), { type: 'strong', children: [t('Toit du Monde')] }, t('\u00A0»\u202F;')),
    );
  });

  it('sees a space at the end of one node and a colon at the start of the next', () => {
    const [block] = applyTypography([para({ type: 'strong', children: [t('Présidence ')] }, t(': Mme CASTELNOT'))]);
    expect(block).toEqual(
      para({ type: 'strong', children: [t('Présidence\u00A0')] }, t(': Mme\u00A0CASTELNOT')),
    );
  });

  it('inserts a missing space before a colon in the node of the colon', () => {
    const [block] = applyTypography([para({ type: 'strong', children: [t('Présidence')] }, t(': Mme X'))]);
    expect(block).toEqual(para({ type: 'strong', children: [t('Présidence')] }, t('\u00A0: Mme\u00A0X')));
  });

  it('drops a text node emptied by the removal of a stray space', () => {
    const [block] = applyTypography([para({ type: 'strong', children: [t('ROSE')] }, t(' '), t(', directeur'))]);
    expect(block).toEqual(para({ type: 'strong', children: [t('ROSE')] }, t(', directeur')));
  });

  it('does not carry spaces across a line break', () => {
    const [block] = applyTypography([para(t('Affaire suivie par :'), { type: 'lineBreak' }, t('Tél : 05 49 55 69 16'))]);
    expect(block).toEqual(
      para(
        t('Affaire suivie par\u00A0:'),
        { type: 'lineBreak' },
        t('Tél\u00A0: 05\u00A049\u00A055\u00A069\u00A016'),
      ),
    );
  });

  it('leaves existing superscripts whole and does not split ordinals inside them', () => {
    const [block] = applyTypography([para(t('le XX'), { type: 'superscript', children: [t('e')] }, t(' siècle'))]);
    expect(block).toEqual(para(t('le XX'), { type: 'superscript', children: [t('e')] }, t(' siècle')));
  });

  it('raises ordinals inside emphasis', () => {
    const [block] = applyTypography([para({ type: 'emphasis', children: [t('la 1ère fois')] })]);
    expect(block).toEqual(
      para({ type: 'emphasis', children: [t('la 1'), { type: 'superscript', children: [t('re')] }, t(' fois')] }),
    );
  });

  it('handles every block type, recursively, without mutating its input', () => {
    const blocks: Block[] = deepFreeze([
      { type: 'title', children: [t('Compte rendu du jeudi 6 mai 2021 à 14h30')] },
      { type: 'heading', level: 1, children: [t("I – Le Comité : quels sont ses objectifs ?")] },
      { type: 'list', marker: 'check', items: [[t('des résultats (enquête...);')], [t("tout autre sujet.")]] },
      {
        type: 'table',
        columns: [1, 2],
        rows: [[{ header: true, children: [t('Nom :')] }, { children: [t('109016')] }]],
      },
      { type: 'image', path: "logo's.png", width: 100, alt: "l'alt : x" },
      {
        type: 'signatures',
        signatories: [{ qualite: [t('La préfète,')], name: [t("Chantal CASTELNOT d'Ici")] }],
      },
      {
        type: 'division',
        role: 'annex',
        children: [{ type: 'division', role: 'section', children: [para(t('« Merci »'))] }],
      },
      { type: 'pageBreak' },
    ]);
    const before = JSON.stringify(blocks);
    const result = applyTypography(blocks);
    expect(JSON.stringify(blocks)).toBe(before);
    expect(result).toEqual([
      { type: 'title', children: [t('Compte rendu du jeudi 6 mai 2021 à 14h30')] },
      { type: 'heading', level: 1, children: [t('I – Le Comité\u00A0: quels sont ses objectifs\u202F?')] },
      { type: 'list', marker: 'check', items: [[t('des résultats (enquête…)\u202F;')], [t('tout autre sujet.')]] },
      {
        type: 'table',
        columns: [1, 2],
        rows: [[{ header: true, children: [t('Nom\u00A0:')] }, { children: [t('109\u202F016')] }]],
      },
      { type: 'image', path: "logo's.png", width: 100, alt: "l'alt : x" },
      {
        type: 'signatures',
        signatories: [{ qualite: [t('La préfète,')], name: [t('Chantal CASTELNOT d’Ici')] }],
      },
      {
        type: 'division',
        role: 'annex',
        children: [{ type: 'division', role: 'section', children: [para(t('«\u00A0Merci\u00A0»'))] }],
      },
      { type: 'pageBreak' },
    ]);
    expect(result[0]).not.toBe(blocks[0]);
    expect(result[4]).not.toBe(blocks[4]);
  });

  it('gives, for any split of a text into nodes, the same text as frenchText', () => {
    const piece = fc.constantFrom('M.', ' ', 'ROSE', ' ,', ':', ' :', '"', 'x', '109', '016', "l'", '...', '?', '!', '«', '»', '%', '€', '\u00A0', 'é');
    const nodes = fc.array(fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: 6 });
    fc.assert(
      fc.property(nodes, (values) => {
        const [block] = applyTypography([para(...values.map((value) => ({ type: 'strong' as const, children: [t(value)] })))]);
        const children = block?.type === 'paragraph' ? block.children : [];
        expect(inlineText(children)).toBe(frenchText(values.join('')));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dates', () => {
  it('parses strict ISO dates', () => {
    expect(parseIsoDate('2021-05-06')).toEqual({ year: 2021, month: 5, day: 6 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(['2021-02-30', '2021-02-29', '1900-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00', '2021-5-6', '21-05-06', '2021-05-06T00:00', ' 2021-05-06', '2021/05/06', ''])(
    'rejects %j',
    (input) => {
      expect(parseIsoDate(input)).toBeNull();
    },
  );

  it('formats French dates in UTC (2021-05-06 is a Thursday whatever the time zone)', () => {
    expect(frenchDate('2021-05-06', { weekday: true })).toBe('jeudi 6 mai 2021');
    expect(frenchDate('2021-05-06')).toBe('6 mai 2021');
    expect(frenchDate('2021-06-14')).toBe('14 juin 2021');
    expect(frenchWeekday('2021-05-06')).toBe('jeudi');
    expect(frenchWeekday('2021-05-01')).toBe('samedi');
  });

  it('does not depend on the process time zone', async (ctx) => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        // Node applies a TZ change at run time; if this one does not, the check below proves nothing.
        if (new Date(Date.UTC(2021, 4, 6)).getTimezoneOffset() === 0) ctx.skip();
        vi.resetModules();
        const fresh = await import('../src/typography/dates.js');
        expect(fresh.frenchDate('2021-05-06', { weekday: true })).toBe('jeudi 6 mai 2021');
        expect(fresh.frenchDate('2022-01-01', { weekday: true })).toBe('samedi 1er janvier 2022');
        expect(fresh.frenchDate('2021-05-06')).toBe('6 mai 2021');
        expect(fresh.frenchWeekday('2021-05-06')).toBe('jeudi');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('writes the first of the month "1er"', () => {
    expect(frenchDate('2022-01-01')).toBe('1er janvier 2022');
    expect(frenchDate('2021-07-01', { weekday: true })).toBe('jeudi 1er juillet 2021');
    expect(frenchDate('2021-07-11')).toBe('11 juillet 2021');
    expect(frenchDate('2021-07-21')).toBe('21 juillet 2021');
  });

  it('gives midnight UTC', () => {
    expect(dateToUtc('2021-05-06').toISOString()).toBe('2021-05-06T00:00:00.000Z');
    expect(dateToUtc('0050-03-01').getUTCFullYear()).toBe(50);
  });

  it('throws on invalid dates', () => {
    expect(() => frenchDate('2021-02-30')).toThrow(RangeError);
    expect(() => frenchWeekday('demain')).toThrow(RangeError);
    expect(() => dateToUtc('2021-13-01')).toThrow(RangeError);
  });

  it.each([
    ['14:30', 'compact', '14h30'],
    ['14h30', 'compact', '14h30'],
    ['14h', 'compact', '14h'],
    ['15h00', 'compact', '15h00'],
    ['09:05', 'compact', '9h05'],
    ['14 h 30', 'compact', '14h30'],
    ['14:30', 'spaced', '14\u00A0h\u00A030'],
    ['14h30', 'spaced', '14\u00A0h\u00A030'],
    ['14h', 'spaced', '14\u00A0h'],
    ['0h00', 'spaced', '0\u00A0h\u00A000'],
  ] as const)('frenchTime(%j, %s) → %j', (input, style, expected) => {
    expect(frenchTime(input, style)).toBe(expected);
  });

  it('formats compactly by default and rejects invalid times', () => {
    expect(frenchTime('20:45')).toBe('20h45');
    for (const bad of ['24:00', '14:60', '14', '14:3', 'quatorze heures', '14:30:00', '']) {
      expect(() => frenchTime(bad)).toThrow(RangeError);
    }
  });
});

describe('numbering', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [4, 'IV'],
    [6, 'VI'],
    [9, 'IX'],
    [14, 'XIV'],
    [40, 'XL'],
    [90, 'XC'],
    [400, 'CD'],
    [1994, 'MCMXCIV'],
    [2021, 'MMXXI'],
    [3999, 'MMMCMXCIX'],
  ])('romanNumeral(%i) = %s', (n, roman) => {
    expect(romanNumeral(n)).toBe(roman);
    expect(parseRomanNumeral(roman)).toBe(n);
  });

  it('rejects numbers Roman numerals cannot write', () => {
    for (const bad of [0, -1, 4000, 1.5, Number.NaN]) expect(() => romanNumeral(bad)).toThrow(RangeError);
  });

  it('parses only canonical numerals', () => {
    for (const bad of ['', 'IIII', 'VX', 'IC', 'iv', 'XIIX', 'MMMM']) expect(parseRomanNumeral(bad)).toBeNull();
  });

  it('round-trips every numeral', () => {
    for (let n = 1; n <= 3999; n++) expect(parseRomanNumeral(romanNumeral(n))).toBe(n);
  });

  it.each([
    [1, 'a'],
    [2, 'b'],
    [26, 'z'],
    [27, 'aa'],
    [28, 'ab'],
    [52, 'az'],
    [53, 'ba'],
    [702, 'zz'],
    [703, 'aaa'],
  ])('letterNumeral(%i) = %s', (n, letters) => {
    expect(letterNumeral(n)).toBe(letters);
  });

  it('rejects non-positive or fractional letter numbers', () => {
    for (const bad of [0, -3, 2.5]) expect(() => letterNumeral(bad)).toThrow(RangeError);
  });
});

describe('no-break spaces after civilities and n°', () => {
  it('holds "M." with a title or a particle, and "n°" with its number', () => {
    expect(frenchText('M. le Maire et Mme de LA TOUR')).toBe('M.\u00A0le Maire et Mme\u00A0de LA TOUR');
    expect(frenchText('M. d’ARTAGNAN')).toBe('M.\u00A0d’ARTAGNAN');
    expect(frenchText('Délibération n° 2024-030')).toBe('Délibération n°\u00A02024-030');
    expect(frenchText('n° 12345')).toBe('n°\u00A012345'); // held together, never grouped as thousands
    expect(frenchText('Il habite au 5 M. rue')).toBe('Il habite au 5 M. rue');
  });
});
