// Trees for the PDF writer tests and the sample renderer (test/support/render-sample.ts).
import type { Block, DocumentTree } from '../../src/document/tree.js';
import { DOCUMENT_DATE, NBSP, NNBSP, b, br, i, kitchenSinkMeta, p, sup, t } from './kitchen-sink.js';

/** A compte rendu in miniature: every node type, the reference's parts in order, the tricky characters. */
export function pdfKitchenSink(): DocumentTree {
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
          p(
            'service',
            t('Secrétariat Général Commun'),
            br,
            t('Pôle Gouvernance Budgétaire et Performance'),
            br,
            t('Bureau Conseil en Gestion et Management'),
          ),
          p(
            'contact',
            t(`Affaire suivie par${NBSP}:`),
            br,
            t('Nathalie MASSÉ'),
            br,
            t('Chargée de mission qualité'),
            br,
            t(`Tél${NBSP}: 05${NBSP}49${NBSP}55${NBSP}69${NBSP}16`),
            br,
            t(`Mél${NBSP}: nathalie.masse@vienne.gouv.fr`),
          ),
        ],
      },
      p('dateline', t('Poitiers, le 14 juin 2021')),
      {
        type: 'title',
        children: [t(`Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021 à 14${NBSP}h${NBSP}30`)],
      },
      p('body', b(t(`Présidence${NBSP}:`)), t(` Mme${NBSP}Chantal CASTELNOT, Préfète de la Vienne`)),
      {
        type: 'division',
        role: 'attendance',
        children: [
          p('label', t(`Participants${NBSP}:`)),
          p('category', t(`Représentants des services de l’Etat${NBSP}:`)),
          p('attendee', t(`M.${NBSP}Yannick PASTOUREAU, directeur du secrétariat général commun${NBSP};`)),
          p('attendee', t(`Mme${NBSP}Nathalie MASSÉ, chargée de mission qualité.`)),
        ],
      },
      p(
        'body',
        t('La séance est ouverte en audioconférence. La préfète rappelle l’ordre du jour et remercie les membres '),
        t('présents pour leur participation régulière aux travaux du comité, qui se réunit deux fois par an '),
        t('depuis sa création.'),
      ),
      {
        type: 'division',
        role: 'section',
        children: [
          { type: 'heading', level: 1, children: [t('I – Accueil des usagers')] },
          p('presentation', t(`Présentation par Mme${NBSP}SAUVAIRE (Diaporama page${NBSP}5)`)),
          { type: 'heading', level: 2, children: [t('a) Bilan au 1'), sup(t('er')), t(' janvier 2022')] },
          p(
            'body',
            t('Le '),
            b(t('budget')),
            t(' '),
            i(t('très contraint')),
            t(' de '),
            b(i(t('l’œuvre'))),
            t(` atteint 109${NNBSP}016${NBSP}€, soit 12${NBSP}%${NNBSP}; l’association « Toit du Monde » est citée `),
            t('au 1'),
            sup(t('er')),
            t(' rang.'),
          ),
          {
            type: 'list',
            marker: 'check',
            items: [
              [t('Accueil '), b(t('sur rendez-vous')), t(' en préfecture')],
              [t('Accueil téléphonique ✓ renforcé')],
            ],
          },
          { type: 'heading', level: 3, children: [t('Sous-point détaillé')] },
          { type: 'list', marker: 'number', items: [[t('Premier point')], [t('Deuxième point')]] },
          { type: 'heading', level: 4, children: [t('Détail de niveau quatre')] },
          { type: 'list', marker: 'dash', items: [[t('Un tiret')]] },
          { type: 'list', marker: 'bullet', items: [[t('Une puce')]] },
          {
            type: 'table',
            columns: [3, 1],
            rows: [
              [
                { header: true, children: [t('Service')] },
                { header: true, children: [t('Visites')] },
              ],
              [{ children: [t('Étrangers')] }, { children: [t(`970${NNBSP}394`)] }],
              [{ children: [t('Cartes grises')] }, { children: [t(`109${NNBSP}016`)] }],
            ],
          },
          p('exchange', t(`M.${NBSP}PREMPAIN demande si l’accueil est ouvert le samedi${NNBSP}?`)),
          p('noQuestion', t('Aucune observation ou question n’est formulée.')),
        ],
      },
      p('closing', t(`L’ordre du jour étant épuisé, la séance est levée à 15${NBSP}h${NBSP}50.`)),
      { type: 'signatures', signatories: [{ qualite: [t('La préfète,')], name: [t('Chantal CASTELNOT')] }] },
      {
        type: 'division',
        role: 'annex',
        children: [
          p('annexHeader', t('Annexe')),
          { type: 'heading', level: 1, children: [t('Témoignage de Pimms Médiation')] },
          p('body', t('Les usagers disent : '), b(t('« Très bon accueil »')), t('.')),
        ],
      },
    ],
  };
}

/** `count` numbered body paragraphs, each long enough to wrap. */
export function longTree(count: number): DocumentTree {
  const blocks: Block[] = [{ type: 'title', children: [t('Document long')] }];
  for (let n = 1; n <= count; n++) {
    blocks.push(
      p(
        'body',
        t(`Paragraphe ${n}. `),
        t('Le comité examine les indicateurs de qualité de l’accueil et les délais de traitement des demandes.'),
      ),
    );
  }
  return {
    meta: { title: 'Document long', lang: 'fr-FR', date: DOCUMENT_DATE },
    blocks,
  };
}

/** A sign-in sheet: one header row, then `count` rows whose second cell takes two lines. */
export function signInSheet(count: number): DocumentTree {
  const rows = Array.from({ length: count }, (_, n) => [
    { children: [t(`Personne ${n + 1}`)] },
    { children: [t('Service'), br, t('sur deux lignes')] },
    { children: [] },
  ]);
  return {
    meta: { title: 'Feuille d’émargement', lang: 'fr-FR', date: DOCUMENT_DATE },
    blocks: [
      p('body', t('Ligne 1')),
      {
        type: 'table',
        columns: [2, 3, 2],
        rows: [
          [
            { header: true, children: [t('Nom')] },
            { header: true, children: [t('Service')] },
            { header: true, children: [t('Signature')] },
          ],
          ...rows,
        ],
      },
    ],
  };
}
