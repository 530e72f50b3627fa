// The meeting format: Zod schemas for the three kinds of file (organisation, composition, meeting).
// They are the single source of truth: the JSON Schema shipped in schema/ is generated from them, and
// docs/format.md documents them. Keys are French (the format is written by French clerks); descriptions
// are in French too because editors show them on hover.
import { z } from 'zod';
import { HOUSE_STYLES } from './house-style-names.js';

// Messages of custom checks are keys ("@date-format") turned into words, in the user's language, by
// src/validate/schema-messages.ts.

// ─── Scalars ──────────────────────────────────────────────────────────────────────────────────────────

/** A text that says something: an empty or blank value gets the format's own message, not Zod's. */
export const text = () => z.string().regex(/\S/, { message: '@text-empty' });

export const ID_PATTERN = /^[a-z][a-z0-9_]*(?:-[a-z0-9_]+)*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, { message: '@id-format' })
  .meta({ description: 'Identifiant stable d’une personne ou d’une catégorie (minuscules, chiffres, _ ou -).' });

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '@date-format', abort: true })
  .refine((s) => isRealDate(s), { message: '@date-invalid' })
  .meta({ description: 'Date au format AAAA-MM-JJ.', format: 'date', examples: ['2021-05-06'] });

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const Time = z
  .string()
  .regex(/^([01]?\d|2[0-3])(:[0-5]\d|h([0-5]\d)?)$/, { message: '@time-format' })
  .meta({ description: 'Heure : 14h30, 14:30 ou 9h.', examples: ['14h30'] });

/**
 * Rich text: Markdown inline syntax (**gras**, *italique*) and mentions of people by id (@dupont),
 * which render as "M. DUPONT" from the roster.
 */
export const RichText = text()
  .meta({ description: 'Texte : **gras**, *italique*, et @identifiant pour nommer une personne (rendu « M. NOM »).' });

// ─── People ───────────────────────────────────────────────────────────────────────────────────────────

/** Civilities and titles, abbreviated as the file may write them; the page writes them by house style. */
export const CIVILITES = ['M.', 'Mme', 'Dr', 'Me', 'Pr', 'Monsieur', 'Madame', 'Docteur', 'Maître', 'Professeur'] as const;
export const Civilite = z
  .enum(CIVILITES)
  .meta({
    description:
      'Civilité ou titre : « M. », « Mme », « Dr », « Me », « Pr » (ou en toutes lettres : Monsieur, Madame, Docteur, Maître, Professeur). Facultative. Le style de la maison choisit la forme imprimée.',
  });

export const Genre = z
  .enum(['f', 'm'])
  .meta({ description: 'Genre grammatical pour les accords (« représentée », « la représentante ») : f ou m. Déduit de « M. » / « Mme » s’il est omis.' });

const personFields = {
  civilite: Civilite.optional(),
  genre: Genre.optional(),
  prenom: text().optional().meta({ description: 'Prénom, tel qu’il s’écrit (Jean-Pierre, Anne-Laure), ou ses initiales (« P. Y. »). Facultatif.' }),
  nom: text()
    .optional()
    .meta({ description: 'Nom de famille, écrit une fois tel quel. Le style de la maison le met en capitales ou non (MASSÉ). Omis pour un siège désigné par son seul rôle (« representant_de »).' }),
  representant_de: text()
    .optional()
    .meta({
      description:
        'Siège sans nom : la personne est désignée par son rôle et son organisme. « l’UDAF » donne « Mme la représentante de l’UDAF » (selon le genre), « le représentant de l’UDAF » sans genre connu.',
    }),
  represente: text()
    .optional()
    .meta({ description: 'Autorité pour laquelle la personne siège : « le Préfet de région » donne « …, représentant le Préfet de région ».' }),
  fonction: text().optional().meta({ description: 'Fonction, en minuscule initiale sauf nom propre : « directeur du secrétariat général commun ».' }),
  categorie: Id.optional().meta({ description: 'Groupe de la liste de présence (clé de « categories ») : catégorie, commune, organisme membre, collège. Absent pour un invité.' }),
  appellation: text().optional().meta({ description: 'Désignation usuelle dans le texte à la place du nom, par ex. « la Préfète » : @castelnot devient « Mme la Préfète ».' }),
  voix: z.enum(['deliberative', 'consultative']).optional().meta({ description: 'Voix délibérative (par défaut) ou consultative (ne compte pas dans les votants ; en exercice selon la règle « consultatifs_en_exercice »).' }),
  suppleant: z
    .boolean()
    .optional()
    .meta({ description: 'true : membre suppléant. Il n’est pas compté en exercice ; il siège pour un titulaire quand la séance le dit (« remplace »).' }),
  cotisation_a_jour: z
    .boolean()
    .optional()
    .meta({ description: 'Association : false pour un membre qui n’est pas à jour de sa cotisation (il ne compte pas dans la base du quorum « cotisants »).' }),
};

export const Person = z
  .strictObject(personFields)
  .refine((p) => p.nom !== undefined || p.representant_de !== undefined, { message: '@person-name-missing', path: ['nom'] })
  .meta({ description: 'Une personne, déclarée une fois et désignée partout par son identifiant.' });
export type Person = z.infer<typeof Person>;

export const People = z.record(Id, Person).meta({ description: 'Personnes, par identifiant.' });

// ─── Labels ───────────────────────────────────────────────────────────────────────────────────────────

export const Labels = z
  .strictObject({
    presidence: z.string().meta({ description: '« Présidence » : ligne de la présidence (modèle compte-rendu).' }),
    secretaire: z.string().meta({ description: '« Secrétaire de séance » ; au pluriel avec plusieurs secrétaires.' }),
    participants: z.string().meta({ description: 'Titre de la liste des présents (« Participants », « Étaient présents »).' }),
    excuses: z.string().meta({ description: 'Titre de la liste des excusés (« Excusés(es) »).' }),
    absents: z.string().meta({ description: 'Titre de la liste des absents (« Absents(es) »).' }),
    invites: z.string().meta({ description: 'Titre de la liste des invités (« Assistaient également à la réunion »).' }),
    presentation: z.string().meta({ description: '« Présentation par » devant les présentateurs d’un point.' }),
    rapporteur: z.string().meta({ description: '« Rapporteur : » devant le rapporteur d’un point ou d’une délibération (et, dans le procès-verbal, devant qui présente un point) ; « Présenté par » pour une association.' }),
    diaporama: z.string().meta({ description: '« Diaporama » devant les pages présentées.' }),
    sans_question: z.string().meta({ description: 'Phrase « aucune question » par défaut.' }),
    conclusion: z.string().meta({ description: 'Intertitre de la clôture (« Conclusion ») ; "" pour aucun.' }),
    levee: z.string().meta({ description: 'Formule de levée de séance par défaut.' }),
    neant: z.string().meta({ description: 'Texte d’une liste de présents vide (« Néant »).' }),
    pouvoir: z.string().meta({ description: '« donne pouvoir à » entre celui qui donne pouvoir et celui qui le reçoit.' }),
    engagements: z.string().meta({ description: 'Titre du relevé des engagements.' }),
    adoptee: z.string().meta({ description: '« Adoptée » : le résultat d’un vote qui adopte.' }),
    rejetee: z.string().meta({ description: '« Rejetée » : le résultat d’un vote qui rejette.' }),
    avis_favorable: z.string().meta({ description: '« Avis favorable » : le résultat d’un vote qui donne un avis (délibération avec avis: true, ou style.avis).' }),
    avis_defavorable: z.string().meta({ description: '« Avis défavorable ».' }),
    arrivees: z.string().meta({ description: 'Titre de la liste des membres arrivés en cours de séance (bloc « arrivees ») : « Ont complété le quorum après l’appel nominatif ».' }),
    procurations: z.string().meta({ description: 'Titre de la liste des pouvoirs, quand l’en-tête la montre à part (bloc « procurations ») : « Procurations », « Pouvoirs ».' }),
    pouvoir_pluriel: z
      .string()
      .meta({ description: '« donnent pouvoir à » : plusieurs pouvoirs au même détenteur en une phrase (style.pouvoirs.regrouper). Par défaut, le libellé « pouvoir » au pluriel.' }),
    pouvoir_parentheses: z.string().meta({ description: '« pouvoir à » dans « M. X (pouvoir à Mme DURAND) » (style.pouvoirs.forme: parentheses).' }),
    ordre_du_jour: z.string().meta({ description: 'Titre du rappel de l’ordre du jour (bloc « ordre_du_jour ») : « Ordre du jour », « Rappel de l’ordre du jour » ; "" pour aucun.' }),
    duree: z.string().meta({ description: '« Durée de la séance » devant la durée (bloc « duree »).' }),
  })
  .partial()
  .meta({ description: 'Libellés du document (« Participants », « Excusés(es) », …) : remplacent ceux du modèle.' });
export type Labels = z.infer<typeof Labels>;

// ─── House style (how people and lists are written; read by the templates) ─────────────────────────────

export const PeopleStyle = z
  .strictObject({
    civilite: z
      .enum(['abregee', 'complete', 'aucune'])
      .optional()
      .meta({ description: 'Civilité imprimée : abrégée (M., Mme, Dr, Me, Pr : par défaut), complète (Monsieur, Madame, Docteur, Maître, Professeur) ou aucune.' }),
    ordre: z.enum(['prenom_nom', 'nom_prenom']).optional().meta({ description: 'Ordre du nom : « Anne DURAND » (prenom_nom, par défaut) ou « DURAND Anne » (nom_prenom).' }),
    capitales: z
      .enum(['nom', 'aucune', 'tout'])
      .optional()
      .meta({ description: 'Capitales : le nom de famille (par défaut), aucune (tel qu’écrit), ou tout le nom (« ANNE DURAND »).' }),
    prenom: z.enum(['complet', 'initiale', 'aucun']).optional().meta({ description: 'Prénom : complet (par défaut), initiale (« P. DURAND ») ou aucun.' }),
  })
  .meta({ description: 'Comment les personnes sont nommées dans les listes de présence et les signatures.' });
export type PeopleStyle = z.infer<typeof PeopleStyle>;

/** List marks: ✓, –, •, "1.", "1)", "a)", "i.". */
export const LIST_MARKS = ['coches', 'tirets', 'puces', 'numeros', 'numeros_parenthese', 'lettres', 'romains'] as const;
export const ListMarks = z
  .enum(LIST_MARKS)
  .meta({ description: 'Marque des éléments : coches ✓, tirets –, puces •, numeros « 1. », numeros_parenthese « 1) », lettres « a) », romains « i. ».' });

/** Numbering of one level of the agenda: the numeral (I, i, 1, A, a) and what follows it. */
export const NUMBERINGS = ['I –', 'I -', 'I.', 'I', '1.', '1 -', '1 –', '1/', '1)', '1', 'A -', 'A –', 'A.', 'A)', 'a)', 'a.', 'a -', 'i.', 'i)', 'aucune'] as const;

/** Sentences a body words its own way, with {placeholders} computed from the meeting (docs/format.md 4.7). */
export const Phrases = z
  .strictObject({
    titre: text()
      .optional()
      .meta({ description: 'Titre du document quand la séance n’en donne pas (document.titre) : « Procès-verbal de la réunion {du_instance} du {date} », « Procès-verbal de {instance} ordinaire du {date_courte} ».' }),
    secretariat: text()
      .optional()
      .meta({ description: 'Phrase du secrétaire de séance (bloc secretariat_phrase) : « {secretaires} {designation}. » par défaut ; « {secretaires} {designation}, conformément à l’article L. 2121-15 du CGCT. »' }),
    effectifs_point: text()
      .optional()
      .meta({ description: 'Ligne des effectifs d’une délibération, quand quelqu’un est arrivé ou parti avant elle : « Présents : {presents} – Représentés : {representes} – Votants : {votants} » par défaut ({en_exercice}, {excuses}, {absents} aussi, en chiffres).' }),
    ligne_date: text().optional().meta({ description: 'Ligne de date : « {lieu}, le {date_document} » par défaut ; « Draguignan le {date_document} ».' }),
    formule: text()
      .optional()
      .meta({ description: 'Phrase d’ouverture (bloc formule) : « L’an {annee_lettres}, le {jour_lettres} {mois}, à {heure_lettres}, {instance} s’est {reuni} … ».' }),
    effectifs: text()
      .optional()
      .meta({ description: 'Ligne des effectifs (bloc effectifs) : « En exercice : {en_exercice} – Présents : {presents} – Votants : {votants} » ; « {presents_lettres} administrateurs sont présents ».' }),
    quorum: text().optional().meta({ description: 'Phrase du quorum atteint (bloc quorum) : « Le quorum étant atteint, {instance} peut valablement délibérer. »' }),
    quorum_non_atteint: text().optional().meta({ description: 'Phrase du quorum non atteint (bloc quorum).' }),
    approbation: text().optional().meta({ description: 'Mention d’approbation (bloc approbation) : « Validé en séance du {date_approbation} » par défaut.' }),
    presidence: text()
      .optional()
      .meta({ description: 'Phrase de la présidence (bloc presidence_phrase) : « Sous la présidence {de_presidence}, {presidence_fonction}. » par défaut ; « La séance est présidée par {presidence}. »' }),
    duree: text().optional().meta({ description: 'Ligne de la durée (bloc duree) : « Durée de la séance : {duree} » par défaut ; « La séance a duré {duree}. »' }),
  })
  .meta({ description: 'Phrases de l’instance, avec des {repères} remplacés par les données de la séance.' });
export type Phrases = z.infer<typeof Phrases>;

/** The blocks a template's head may show, in any order (templates/compte-rendu/partials/head.hbs). */
export const HEAD_BLOCKS = [
  'approbation',
  'date',
  'titre',
  'preambule',
  'formule',
  'presidence',
  'secretariat',
  'secretariat_phrase',
  'officiers',
  'effectifs',
  'presents',
  'arrivees',
  'excuses',
  'procurations',
  'absents',
  'invites',
  'autres_listes',
  'quorum',
  'presidence_phrase',
  'ordre_du_jour',
  'duree',
] as const;
export type HeadBlock = (typeof HEAD_BLOCKS)[number];

/** A free line of the head, between any two blocks: a text with {placeholders}. */
export const HeadText = z
  .strictObject({
    texte: RichText.meta({ description: 'Le texte, avec des {repères} : « Date de la convocation : {convocation} ».' }),
  })
  .meta({ description: 'Une ligne de texte libre dans l’en-tête, à sa place parmi les blocs : { texte: "…" }.' });

export const HeadEntry = z
  .union([z.enum(HEAD_BLOCKS), HeadText])
  .meta({ description: 'Un bloc de l’en-tête (son nom) ou une ligne de texte libre ({ texte: "…" }).' });
export type HeadEntry = z.infer<typeof HeadEntry>;

export const LIST_FORMS = ['lignes', 'en_ligne', 'collectif', 'colonnes'] as const;

/** How one attendance list is printed; every key falls back on the style's own (listes, regrouper). */
export const ListStyle = z
  .strictObject({
    forme: z
      .enum(LIST_FORMS)
      .optional()
      .meta({ description: 'Forme de cette liste : lignes, en_ligne, collectif (comme « style.listes »), ou colonnes (tableau nom | organisme ou fonction).' }),
    vide: text()
      .optional()
      .meta({ description: 'Texte imprimé sous le titre quand la liste est vide : « Néant », « Aucune procuration reçue. » (par défaut, une liste vide n’est pas imprimée, sauf les présents : libellé « neant »).' }),
    regrouper: z.boolean().optional().meta({ description: 'Regrouper cette liste par catégorie (true) ou non (false) ; par défaut « style.regrouper ».' }),
    fonctions: z.boolean().optional().meta({ description: 'false : les noms seuls, sans leur fonction (par défaut, la fonction suit le nom).' }),
    avec_representes: z
      .boolean()
      .optional()
      .meta({ description: 'Liste des présents : true pour y mettre aussi les excusés représentés ou qui ont donné pouvoir, à leur place (« Étaient présents ou représentés ») ; ils ne sont plus dans les excusés.' }),
    avec_pouvoirs: z
      .boolean()
      .optional()
      .meta({ description: 'Liste des excusés : false pour n’y pas mettre ceux qui ont donné pouvoir (listés à part par le bloc « procurations »).' }),
  })
  .meta({ id: 'StyleListe', description: 'Comment une liste de présence s’imprime.' });
export type ListStyle = z.infer<typeof ListStyle>;

export const ATTENDANCE_LISTS = ['presents', 'arrivees', 'excuses', 'procurations', 'absents', 'invites', 'autres_listes'] as const;

export const AttendanceStyle = z
  .strictObject({
    presents: ListStyle.optional().meta({ description: 'La liste des présents.' }),
    arrivees: ListStyle.optional().meta({ description: 'La liste des arrivés en cours de séance (bloc « arrivees »).' }),
    excuses: ListStyle.optional().meta({ description: 'La liste des excusés.' }),
    procurations: ListStyle.optional().meta({ description: 'La liste des pouvoirs (bloc « procurations »).' }),
    absents: ListStyle.optional().meta({ description: 'La liste des absents.' }),
    invites: ListStyle.optional().meta({ description: 'La liste des invités.' }),
    autres_listes: ListStyle.optional().meta({ description: 'Les autres listes (« autres_listes » de la séance).' }),
  } satisfies Record<(typeof ATTENDANCE_LISTS)[number], unknown>)
  .meta({ description: 'Style de chaque liste de présence : presents, arrivees, excuses, procurations, absents, invites, autres_listes.' });
export type AttendanceStyle = z.infer<typeof AttendanceStyle>;

/** How the names of a proxy are written: as in the lists, civility and surname, or initials. */
export const PROXY_NAMES = ['complet', 'court', 'initiale'] as const;

export const ProxyStyle = z
  .strictObject({
    forme: z
      .enum(['phrase', 'parentheses', 'court'])
      .optional()
      .meta({ description: 'Forme d’un pouvoir : « X donne pouvoir à Y » (phrase, par défaut ; libellé « pouvoir »), « X (pouvoir à Y) » (parentheses), « X à Y » (court).' }),
    regrouper: z
      .boolean()
      .optional()
      .meta({ description: 'true : plusieurs pouvoirs de suite au même détenteur en une phrase, « A et B donnent pouvoir à C ».' }),
    detenteur: z
      .enum(PROXY_NAMES)
      .optional()
      .meta({ description: 'Nom du détenteur : complet, avec le prénom (par défaut), court, civilité et nom (« pouvoir à Mme DURAND »), ou initiale du prénom (« à P. Y. LEBAIL »).' }),
    donneur: z
      .enum(PROXY_NAMES)
      .optional()
      .meta({ description: 'Bloc « procurations » : nom de qui donne pouvoir, complet (par défaut), court ou initiale (« F. DANEL à P. Y. LEBAIL ») ; dans les excusés, le nom s’écrit comme la liste.' }),
  })
  .meta({ description: 'Comment les pouvoirs s’écrivent, dans les excusés et dans le bloc « procurations ».' });
export type ProxyStyle = z.infer<typeof ProxyStyle>;

export const Style = z
  .strictObject({
    base: z
      .enum(HOUSE_STYLES)
      .optional()
      .meta({
        description:
          'Style intégré sur lequel s’appuyer (modèle, en-tête, phrases, libellés d’un type d’instance) : prefecture, conseil-municipal, conseil-communautaire, conseil-administration, assemblee-generale, cse, commission-consultative. Les autres clés du style le complètent.',
      }),
    modele: text()
      .optional()
      .meta({
        description:
          'Le modèle de document : compte-rendu, proces-verbal, ou le chemin d’un dossier de modèle (relatif au fichier qui le déclare). Par défaut : celui du style intégré, sinon compte-rendu ; l’option --template de clu render l’emporte.',
      }),
    personnes: PeopleStyle.optional(),
    phrases: Phrases.optional(),
    numerotation: z
      .array(z.enum(NUMBERINGS))
      .min(1)
      .optional()
      .meta({
        description:
          'Numérotation des points, niveau par niveau : « I – », « I. », « I - », « 1. », « 1 - », « 1/ », « 1) », « A - », « a) », « i. », « aucune »… Le dernier vaut pour les niveaux plus profonds. Par défaut : celle du modèle.',
      }),
    entete: z
      .array(HeadEntry)
      .optional()
      .meta({
        description:
          'Les blocs de l’en-tête, dans l’ordre : approbation, date, titre, preambule, formule, presidence, presidence_phrase, secretariat, secretariat_phrase, officiers, effectifs, presents, arrivees, excuses, procurations, absents, invites, autres_listes, quorum, ordre_du_jour, duree, et des lignes de texte libre { texte: "…" }. Un bloc omis n’est pas imprimé. Par défaut : l’ordre du modèle.',
      }),
    presidence_parmi_presents: z
      .boolean()
      .optional()
      .meta({ description: 'true : la présidence figure aussi dans la liste des présents (par défaut : selon le modèle ; le procès-verbal la cite, le compte rendu non).' }),
    avis: z
      .boolean()
      .optional()
      .meta({ description: 'true : les votes de l’instance donnent des avis (« Avis favorable », « Avis défavorable ») ; une délibération peut dire le contraire (avis: false). Par défaut : false (« Adoptée », « Rejetée »).' }),
    listes: z
      .enum(['lignes', 'en_ligne', 'collectif'])
      .optional()
      .meta({
        description:
          'Listes de présence : une personne par ligne (lignes, par défaut), à la suite séparées par des virgules (en_ligne), ou à la suite avec les civilités collectives « Mmes DURAND, FERRY, MM. ALLAIN » (collectif).',
      }),
    regrouper: z
      .boolean()
      .optional()
      .meta({ description: 'false : une seule liste par état de présence, sans les intertitres des catégories (par défaut : regroupé par catégorie quand il y en a).' }),
    presences: AttendanceStyle.optional(),
    pouvoirs: ProxyStyle.optional(),
    puces: ListMarks.optional().meta({ description: 'Marque des listes qui ne disent pas la leur : coches ✓ (par défaut), tirets, puces, numeros, numeros_parenthese, lettres ou romains.' }),
    numerotation_continue: z
      .boolean()
      .optional()
      .meta({ description: 'true : les points d’un niveau sont numérotés à la suite d’une partie à l’autre (des thèmes sans numéro au-dessus de points 1, 2, 3…).' }),
  })
  .meta({ description: 'Style de la maison : ce que le modèle lit pour écrire la page (organisation, composition, puis séance).' });
export type Style = z.infer<typeof Style>;

// ─── Organisation (shared by all the meetings of an institution) ───────────────────────────────────────

export const Logo = z.strictObject({
  fichier: text().meta({ description: 'Chemin d’une image PNG ou JPEG, relatif au fichier qui la déclare.' }),
  largeur: z.number().positive().max(300).default(60).meta({ description: 'Largeur en points (1 cm = 28,35 pt).' }),
  alt: text().default('Marianne').meta({ description: 'Texte alternatif (accessibilité).' }),
});

export const Organisation = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Schéma JSON du fichier, pour l’éditeur (facultatif ; la ligne « # yaml-language-server » fait de même).' }),
    marque: z
      .strictObject({
        institution: z.array(text()).min(1).meta({ description: 'Lignes du bloc-marque, en capitales : [PRÉFET, DE LA VIENNE].' }),
        devise: z.boolean().default(true).meta({ description: 'Afficher « Liberté / Égalité / Fraternité ».' }),
        logo: Logo.optional().meta({ description: 'Logo fourni par l’utilisateur (jamais livré avec clu).' }),
      })
      .optional()
      .meta({ description: 'Bloc-marque de l’État. Une collectivité met son propre nom ici, sans devise.' }),
    services: z.array(text()).default([]).meta({ description: 'Hiérarchie du service émetteur, du plus large au plus précis.' }),
    contact: z
      .strictObject({
        libelle: z.string().default('Affaire suivie par').meta({ description: 'Formule du bloc : « Affaire suivie par », « Dossier suivi par » (clu ajoute « : »).' }),
        nom: text().optional().meta({ description: 'Nom tel qu’il s’affiche : « Nathalie MASSÉ ». Sans nom, la ligne « Affaire suivie par : » n’est pas imprimée.' }),
        fonction: z.string().optional().meta({ description: 'Fonction de la personne à contacter.' }),
        telephone: z.string().optional().meta({ description: 'Téléphone, entre guillemets : "05 49 55 69 16" (affiché après « Tél : »).' }),
        courriel: z.string().optional().meta({ description: 'Adresse électronique (affichée après « Mél : »).' }),
        lignes: z
          .array(
            z
              .strictObject({
                libelle: text().meta({ description: 'Le libellé : « Fax », « Courriel », « Dossier suivi par » (clu ajoute « : »).' }),
                valeur: text().meta({ description: 'La valeur : "05 49 55 69 00", « accueil@mairie.fr ».' }),
              })
              .meta({ description: 'Une ligne « libellé : valeur » du bloc contact.' }),
          )
          .default([])
          .meta({ description: 'Lignes libres du bloc contact, après les autres : [{ libelle: Fax, valeur: "05 49 55 69 00" }].' }),
      })
      .optional()
      .meta({ description: 'Bloc « Affaire suivie par : ».' }),
    adresse: z.array(text()).default([]).meta({ description: 'Adresse postale, une ligne par élément (en-tête d’une collectivité).' }),
    lieu: text().optional().meta({ description: 'Lieu d’émission du document par défaut (« Poitiers »).' }),
    libelles: Labels.optional(),
    style: Style.optional(),
  })
  .meta({ title: 'clu : organisation', description: 'L’institution qui émet le compte rendu.' });
export type Organisation = z.infer<typeof Organisation>;

// ─── Composition (the body and its members, shared by its meetings) ─────────────────────────────────

export const Quorum = z
  .strictObject({
    fraction: z.number().gt(0).max(1).default(0.5).meta({ description: 'Part de la base requise (0.5 = la moitié, 0.25 = le quart).' }),
    strict: z.boolean().default(true).meta({ description: 'true : plus de la fraction (majorité) ; false : au moins la fraction.' }),
    pouvoirs: z.boolean().default(false).meta({ description: 'Les membres représentés ou ayant donné pouvoir comptent-ils pour le quorum ?' }),
    base: z
      .enum(['en_exercice', 'cotisants'])
      .default('en_exercice')
      .meta({ description: 'Base de la fraction : les membres en exercice (par défaut) ou, pour une association, les membres à jour de leur cotisation.' }),
  })
  .meta({ description: 'Règle de quorum de l’instance. Par défaut selon le type : conseils, majorité des membres en exercice ; commission, la moitié des membres présents ou représentés ; autres, aucune.' });
export type Quorum = z.infer<typeof Quorum>;

export const INSTANCE_TYPES = [
  'comite',
  'conseil_municipal',
  'conseil_communautaire',
  'comite_syndical',
  'conseil_departemental',
  'conseil_administration',
  'assemblee_generale',
  'commission',
  'autre',
] as const;

export const Instance = z.strictObject({
  nom: text().meta({ description: 'Nom de l’instance : « Comité Local des Usagers », « Conseil municipal ».' }),
  article: z.enum(['le', 'la', 'l’', "l'", 'les']).default('le').meta({ description: 'Article du nom, pour « du Comité », « de la Commission », « de l’Assemblée ».' }),
  feminin: z.boolean().optional().meta({ description: 'Nom féminin (accords : « s’est réunie ») ; déduit de l’article sauf avec « l’ ».' }),
  sigle: z.string().optional().meta({ description: 'Sigle de l’instance (« CLU »).' }),
  type: z.enum(INSTANCE_TYPES).default('comite').meta({ description: 'Type d’instance : il donne les règles par défaut (quorum, pouvoirs).' }),
  quorum: z
    .union([Quorum, z.literal(false)])
    .optional()
    .meta({ description: 'Règle de quorum, ou false pour aucune. Omise : la règle par défaut du type d’instance.' }),
  pouvoirs_max: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'Nombre de pouvoirs qu’un même membre peut détenir : 1 par défaut (CGCT L2121-20) ; 2 sous les lois d’exception de 2020-2022 ; plus selon certains statuts ; 0 quand l’instance n’admet pas de pouvoir (CSE : un suppléant remplace le titulaire absent).' }),
  majorite: z
    .enum(['exprimes', 'presents'])
    .optional()
    .meta({
      description:
        'Majorité qui adopte : des suffrages exprimés (exprimes, par défaut : plus de voix pour que contre) ou des membres présents (presents : plus de la moitié des membres présents ayant voix délibérative votent pour ; CSE, C. trav. L. 2315-32).',
    }),
  consultatifs_en_exercice: z
    .boolean()
    .default(false)
    .meta({ description: 'true : les membres à voix consultative comptent parmi les membres en exercice (ligne des effectifs et base du quorum).' }),
});
export type Instance = z.infer<typeof Instance>;

export const Composition = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Schéma JSON du fichier, pour l’éditeur (facultatif ; la ligne « # yaml-language-server » fait de même).' }),
    instance: Instance.meta({ description: 'L’instance : nom, article, type et règles (quorum, pouvoirs).' }),
    categories: z.record(Id, text()).default({}).meta({ description: 'Catégories de membres, par identifiant, dans l’ordre d’affichage.' }),
    membres: People.meta({ description: 'Les membres de l’instance, par identifiant.' }),
    libelles: Labels.optional(),
    style: Style.optional(),
  })
  .meta({ title: 'clu : composition', description: 'Une instance et ses membres, partagés par ses séances.' });
export type Composition = z.infer<typeof Composition>;

// ─── Meeting content ──────────────────────────────────────────────────────────────────────────────────

/** Slides: 5, "8-10" (pages 8 à 10), or [6, 7] (pages 6 et 7). */
export const Slides = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^\d+\s*-\s*\d+$/, { message: '@slides-format' }),
    z.array(z.number().int().positive()).min(1),
  ])
  .meta({ description: 'Pages du diaporama : 5, "8-10" (pages 8 à 10) ou [6, 7] (pages 6 et 7).' });

export const Presentation = z.strictObject({
  par: z.union([Id, z.array(Id).min(1)]).meta({ description: 'Qui présente : un identifiant ou une liste.' }),
  diaporama: Slides.optional(),
});

const speaker = { par: Id.optional().meta({ description: 'Qui parle, si ce n’est pas la première personne nommée (@…) dans le texte.' }) };

export const Vote = z
  .strictObject({
    pour: z.number().int().min(0).meta({ description: 'Voix pour.' }),
    contre: z.number().int().min(0).default(0).meta({ description: 'Voix contre.' }),
    abstentions: z.number().int().min(0).default(0).meta({ description: 'Abstentions.' }),
    ne_prend_pas_part: z.number().int().min(0).default(0).meta({ description: 'Membres qui ne prennent pas part au vote.' }),
    noms: z
      .strictObject({
        contre: z.array(Id).default([]).meta({ description: 'Qui a voté contre.' }),
        abstentions: z.array(Id).default([]).meta({ description: 'Qui s’est abstenu.' }),
        ne_prend_pas_part: z.array(Id).default([]).meta({ description: 'Qui n’a pas pris part au vote.' }),
      })
      .optional()
      .meta({ description: 'Scrutin public : qui a voté contre, qui s’est abstenu, qui n’a pas pris part au vote (identifiants).' }),
  })
  .meta({ description: 'Décompte des voix.' });

export type ListItem = string | { texte: string; liste: ListItem[]; puces?: (typeof LIST_MARKS)[number] };

/** A list item: a text, or a text with a list under it (nested lists). */
export const ListItem: z.ZodType<ListItem> = z.lazy(() =>
  z
    .union([
      RichText,
      z.strictObject({
        texte: RichText.meta({ description: 'Le texte de l’élément.' }),
        liste: z.array(ListItem).min(1).meta({ description: 'La sous-liste, sous cet élément.' }),
        puces: ListMarks.optional().meta({
          description: 'Marque de la sous-liste : par défaut lettres « a) » sous une liste numérotée, tirets sinon.',
        }),
      }),
    ])
    .meta({ id: 'ElementDeListe', description: 'Un élément de liste : un texte, ou { texte, liste, puces } pour une sous-liste.' }),
);

const listBlock = z
  .strictObject({
    liste: z.array(ListItem).min(1).meta({ description: 'Les éléments de la liste : des textes, ou { texte, liste } pour une sous-liste.' }),
    puces: ListMarks.optional().meta({
      description:
        'Marque des éléments : coches ✓, tirets –, puces •, numeros « 1. », numeros_parenthese « 1) », lettres « a) », romains « i. » ; par défaut celle du style (style.puces), sinon coches.',
    }),
  })
  .meta({ description: 'Une liste (coches ✓ par défaut), éventuellement imbriquée.' });

/** A picture of the content: a PNG or JPEG file, with a caption and an alternative text. */
export const Picture = z
  .strictObject({
    image: text().meta({ description: 'Chemin d’une image PNG ou JPEG, relatif au fichier de la séance.' }),
    legende: RichText.optional().meta({ description: 'Légende, sous l’image (sert aussi de texte alternatif si « alt » manque).' }),
    alt: text().optional().meta({ description: 'Texte alternatif (accessibilité) : ce que montre l’image. Obligatoire sans légende.' }),
    largeur: z.number().positive().max(500).default(400).meta({ description: 'Largeur en points (1 cm = 28,35 pt), au plus celle de la colonne de texte.' }),
  })
  .refine((p) => p.alt !== undefined || p.legende !== undefined, { message: '@picture-alt-missing', path: ['alt'] })
  .meta({ description: 'Une image (PNG ou JPEG) avec sa légende : une diapositive, un plan, une photo.' });

export const SimpleTable = z
  .strictObject({
    tableau: z
      .array(z.array(RichText).min(2).max(4))
      .min(1)
      .meta({ description: 'Les lignes du tableau, chacune une liste de 2 à 4 cellules (la première ligne est l’en-tête, sauf « entete: false »).' }),
    entete: z.boolean().default(true).meta({ description: 'true (par défaut) : la première ligne est une ligne d’en-tête, répétée en haut de chaque page.' }),
    legende: RichText.optional().meta({ description: 'Titre du tableau, au-dessus.' }),
    largeurs: z.array(z.number().positive()).optional().meta({ description: 'Largeurs relatives des colonnes, par ex. [3, 1] ; égales par défaut.' }),
  })
  .refine((t) => t.tableau.every((row) => row.length === t.tableau[0]!.length), { message: '@table-ragged', path: ['tableau'] })
  .meta({ description: 'Un tableau simple de 2 à 4 colonnes.' });

/** The content items that are not deliberations (a deliberation's own text is made of these). */
const simpleBlocks = [
  RichText.meta({ description: 'Un paragraphe.' }),
  z.strictObject({ intertitre: RichText }).meta({ description: 'Un intertitre à l’intérieur d’une partie.' }),
  listBlock,
  z
    .strictObject({
      encadre: z.array(z.union([RichText, listBlock])).min(1).meta({ description: 'Le contenu de l’encadré : paragraphes et listes.' }),
      titre: RichText.optional().meta({ description: 'Titre de l’encadré, par ex. « À retenir ».' }),
    })
    .meta({ description: 'Un encadré (« À retenir ») : un titre facultatif, des paragraphes et des listes.' }),
  z.strictObject({ filet: z.literal(true).meta({ description: 'true : un trait horizontal.' }) }).meta({ description: 'Un trait horizontal (filet) qui sépare deux passages.' }),
  SimpleTable,
  Picture,
  z.strictObject({ question: RichText, ...speaker }).meta({ description: 'Une question d’un membre : « @dupont demande si … ».' }),
  z.strictObject({ remarque: RichText, ...speaker }).meta({ description: 'Une remarque : « @dupont fait remarquer que … ».' }),
  z.strictObject({ reponse: RichText, ...speaker }).meta({ description: 'Une réponse : « @martin indique que … ».' }),
  z
    .strictObject({ sans_question: z.union([z.literal(true), RichText]).meta({ description: 'true pour la phrase par défaut, ou la phrase à écrire.' }) })
    .meta({ description: 'Aucune question : true pour la phrase par défaut, ou la phrase à écrire.' }),
  z
    .strictObject({
      engagement: RichText,
      responsable: Id.optional(),
      echeance: z
        .union([IsoDate, z.string().regex(/^\d{4}(-\d{2})?$/, { message: '@deadline-format' })])
        .optional()
        .meta({ description: 'Échéance : une date (2021-05-27), un mois (2021-09) ou une année (2022).' }),
    })
    .meta({ description: 'Un engagement pris en séance (écrit dans le texte, et relevé à part).' }),
] as const;

export const Deliberation = z.strictObject({
  numero: z.string().optional().meta({ description: 'Numéro de la délibération, par ex. "2024-031" (entre guillemets).' }),
  titre: RichText,
  rapporteur: Id.optional(),
  texte: z
    .array(z.union(simpleBlocks))
    .default([])
    .meta({ description: 'Le texte de la délibération et les débats : paragraphes, listes, questions, réponses…' }),
  vote: Vote.optional(),
  resultat: z.enum(['adoptee', 'rejetee']).optional().meta({ description: 'Déduit du vote s’il est omis.' }),
  avis: z
    .boolean()
    .optional()
    .meta({ description: 'true : le vote donne un avis (« Avis favorable par 4 voix pour… ») et non une décision (« Adoptée… ») ; par défaut : style.avis.' }),
});

export const Block = z
  .union([...simpleBlocks, z.strictObject({ deliberation: Deliberation.meta({ description: 'Numéro, titre, rapporteur, texte, vote et résultat.' }) }).meta({ description: 'Une délibération et son vote.' })])
  .meta({ description: 'Un élément de contenu : paragraphe, intertitre, liste, question, remarque, réponse, engagement, délibération.' });
export type Block = z.infer<typeof Block>;

export interface AgendaItem {
  titre: string;
  presentation?: z.infer<typeof Presentation>;
  rapporteur?: string | string[];
  contenu?: Block[];
  points?: AgendaItem[];
  sans_question?: boolean | string;
}

export const AgendaItem: z.ZodType<AgendaItem> = z.lazy(() =>
  z
    .strictObject({
      titre: RichText.meta({ description: 'Intitulé du point (sans numéro : clu numérote I, II… puis a), b)…).' }),
      presentation: Presentation.optional().meta({ description: 'Qui présente le point, et les pages du diaporama.' }),
      rapporteur: z
        .union([Id, z.array(Id).min(1)])
        .optional()
        .meta({ description: 'Rapporteur(s) du point : « Rapporteur : Mme DURAND ».' }),
      contenu: z.array(Block).optional().meta({ description: 'Le contenu du point : paragraphes, listes, questions, délibérations…' }),
      points: z.array(AgendaItem).optional().meta({ description: 'Sous-parties.' }),
      sans_question: z
        .union([z.boolean(), RichText])
        .optional()
        .meta({
          description:
            'Avec « sans_question_automatique » : false pour ne pas écrire la phrase « aucune question » sous ce point, ou la phrase à écrire à la place.',
        }),
    })
    .meta({ id: 'Point', description: 'Un point de l’ordre du jour.' }),
);

/** A point of the agenda by its position: 4 (the fourth item), "4.2" (its second sub-item). */
export const PointRef = z
  .union([z.number().int().positive(), z.string().regex(/^\d+(\.\d+)*$/, { message: '@point-format' })])
  .meta({ description: 'Un point de l’ordre du jour par sa position : 4 (le quatrième point), "4.2" (son deuxième sous-point).' });

/** When someone arrived or left: a time, a point of the agenda, or both. */
export const Moment = z
  .union([
    z.literal(true).meta({ description: 'true : en cours de séance, sans heure ni point connus.' }),
    Time,
    PointRef,
    z.strictObject({
      heure: Time.optional().meta({ description: 'Heure imprimée (« arrivé à 19 h 49 »).' }),
      point: PointRef.optional().meta({ description: 'Point de l’ordre du jour à partir duquel cela vaut (décomptes des votes).' }),
    }),
  ])
  .meta({ description: 'Moment : une heure (19h49), un point de l’ordre du jour (4, "4.2"), { heure, point }, ou true (en cours de séance, sans plus).' });
export type Moment = z.infer<typeof Moment>;

const noteField = {
  note: text()
    .optional()
    .meta({ description: 'Précision propre à cette séance, imprimée après le nom : « (remplaçant Madame X) ». Ne passe pas aux autres séances.' }),
};

/** A person present: an id, or an id with what happened during the meeting. */
export const PresentEntry = z
  .union([
    Id,
    z.strictObject({
      id: Id,
      arrivee: Moment.optional().meta({ description: 'Arrivée en cours de séance : heure et/ou point à partir duquel la personne est comptée.' }),
      depart: Moment.optional().meta({ description: 'Départ en cours de séance : heure et/ou point à partir duquel elle n’est plus comptée.' }),
      pouvoir_a: Id.optional().meta({ description: 'En partant, a donné pouvoir à une personne présente (compté comme représenté après son départ).' }),
      remplace: Id.optional().meta({ description: 'Suppléant : siège pour ce membre titulaire (qui est alors compté présent par son suppléant).' }),
      ...noteField,
    }),
  ])
  .meta({ description: 'Un présent : un identifiant, ou { id, arrivee, depart, pouvoir_a, remplace, note }.' });
export type PresentEntry = z.infer<typeof PresentEntry>;

export const Excused = z
  .union([
    Id,
    z.strictObject({
      id: Id,
      represente_par: Id.optional().meta({ description: 'Représenté(e) par une personne présente.' }),
      pouvoir_a: Id.optional().meta({ description: 'A donné pouvoir (procuration) à une personne présente.' }),
      ...noteField,
    }),
  ])
  .meta({ description: 'Un excusé : un identifiant, ou { id, represente_par } / { id, pouvoir_a }, avec une note éventuelle. Un invité peut aussi être excusé.' });

const SimpleEntry = z
  .union([Id, z.strictObject({ id: Id, ...noteField })])
  .meta({ description: 'Un identifiant, ou { id, note }.' });

export const OtherList = z
  .strictObject({
    titre: text().meta({ description: 'Intitulé de la liste : « Assistent à la réunion », « Assistaient également à la séance ».' }),
    personnes: z.array(PresentEntry).min(1).meta({ description: 'Les personnes de cette liste (non membres, déclarées dans « personnes »).' }),
  })
  .meta({ description: 'Une liste de personnes présentes sans voix délibérative, avec son propre intitulé.' });

export const Attendance = z
  .strictObject({
    presents: z.array(PresentEntry).default([]).meta({ description: 'Membres présents, dans l’ordre d’affichage : identifiants, ou { id, arrivee, depart, remplace, note }.' }),
    excuses: z.array(Excused).default([]).meta({ description: 'Excusés : un identifiant, ou { id, represente_par } / { id, pouvoir_a }. Membres, ou invités qui se sont excusés.' }),
    absents: z.array(SimpleEntry).default([]).meta({ description: 'Membres absents (non excusés).' }),
    invites: z.array(PresentEntry).default([]).meta({ description: 'Personnes présentes qui ne sont pas membres (déclarées dans « personnes »).' }),
    autres_listes: z
      .array(OtherList)
      .default([])
      .meta({ description: 'Autres listes de non-membres présents, chacune avec son intitulé (« Assistent à la réunion »), après les invités.' }),
  })
  .meta({ description: 'Qui était là. Un membre de la composition non cité est compté absent (avertissement).' });

export const OFFICER_ROLES = ['vice_presidence', 'secretaire_adjoint', 'secretaire_auxiliaire', 'tresorier', 'rapporteur', 'autre'] as const;

export const Officer = z
  .strictObject({
    role: z.enum(OFFICER_ROLES).meta({ description: 'Rôle : vice_presidence, secretaire_adjoint, secretaire_auxiliaire, tresorier, rapporteur, ou autre (avec « libelle »).' }),
    personnes: z.union([Id, z.array(Id).min(1)]).meta({ description: 'Qui tient ce rôle : un identifiant ou une liste.' }),
    libelle: text().optional().meta({ description: 'Libellé imprimé, s’il ne convient pas (accordé par défaut : « Vice-présidente », « Secrétaires adjoints »).' }),
  })
  .refine((o) => o.role !== 'autre' || o.libelle !== undefined, { message: '@officer-label-missing', path: ['libelle'] })
  .meta({ description: 'Un rôle de séance au-delà de la présidence et du secrétariat.' });

export const Signatory = z.strictObject({
  personne: Id,
  qualite: z
    .union([text(), z.array(text()).min(1)])
    .optional()
    .meta({
      description:
        'Ligne au-dessus du nom, par ex. « La préfète, » ; une liste pour plusieurs lignes : ["Pour le préfet et par délégation,", "Le secrétaire général,"]. Par défaut, pour la présidence, « Le président, » / « La présidente, ».',
    }),
});

export const Annex = z.strictObject({
  titre: RichText,
  entete: z.array(text()).default([]).meta({ description: 'Lignes au-dessus du titre de l’annexe.' }),
  auteur: Id.optional().meta({ description: 'Qui a écrit l’annexe (un témoignage, par exemple).' }),
  contenu: z.array(Block).default([]).meta({ description: 'Le contenu de l’annexe.' }),
});

export const Meeting = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Schéma JSON du fichier, pour l’éditeur (facultatif ; la ligne « # yaml-language-server » fait de même).' }),
    organisation: z.union([text(), Organisation]).optional().meta({ description: 'Chemin d’un fichier organisation (partagé), ou son contenu.' }),
    composition: z.union([text(), Composition]).meta({ description: 'Chemin d’un fichier composition (partagé), ou son contenu.' }),
    document: z
      .strictObject({
        lieu: text().optional().meta({ description: 'Lieu d’émission (sinon celui de l’organisation).' }),
        date: IsoDate.meta({ description: 'Date du document (souvent après la séance).' }),
        titre: z
          .union([text(), z.array(text()).min(1)])
          .optional()
          .meta({ description: 'Titre, si le titre calculé ne convient pas ; une liste pour un titre sur plusieurs lignes.' }),
        sous_titre: text()
          .optional()
          .meta({ description: 'Ligne sous le titre, avec des {repères} : « Réunion du {date_courte} de {heure} à {fin} ».' }),
        auteur: text().optional().meta({ description: 'Auteur (propriétés du fichier).' }),
        approbation: IsoDate.optional().meta({ description: 'Date de la séance qui a approuvé ce compte rendu (bloc approbation : « Validé en séance du 15 septembre 2008 »).' }),
        reference: text()
          .optional()
          .meta({ description: 'Numéro du document (« 188/D130 ») : repère {reference}, par exemple dans la ligne de date : « Draguignan, le {date_document} – n° {reference} ».' }),
      })
      .meta({ description: 'Le document lui-même : lieu et date d’émission.' }),
    seance: z
      .strictObject({
        date: IsoDate.meta({ description: 'Date de la séance (le jour de la semaine est calculé).' }),
        debut: Time,
        fin: Time.optional(),
        lieu: text().optional().meta({ description: 'Lieu de la séance : « Préfecture de la Vienne, salle Jean Moulin ».' }),
        modalite: z
          .enum(['presentiel', 'audioconference', 'visioconference', 'mixte'])
          .default('presentiel')
          .meta({ description: 'Forme de la réunion : presentiel, audioconference, visioconference ou mixte.' }),
        presidence: Id.meta({ description: 'Qui préside.' }),
        convocation: IsoDate.optional().meta({ description: 'Date de la convocation (procès-verbal : « dûment convoqué le … »).' }),
        affichage: IsoDate.optional().meta({ description: 'Date d’affichage de la convocation ou du compte rendu : repère {affichage}.' }),
        secretaires: z.array(Id).default([]).meta({ description: 'Secrétaire(s) de séance.' }),
        officiers: z
          .array(Officer)
          .default([])
          .meta({ description: 'Autres rôles de séance : vice-président(e)s, secrétaire adjoint(e), secrétaire auxiliaire, trésorier, rapporteurs.' }),
        seconde_convocation: z
          .boolean()
          .default(false)
          .meta({ description: 'true : séance sur seconde convocation, qui délibère sans condition de quorum.' }),
      })
      .meta({ description: 'La séance : date, heures, lieu, présidence.' }),
    personnes: People.default({}).meta({ description: 'Personnes propres à cette séance (invités, remplaçants), en plus des membres.' }),
    presences: Attendance,
    preambule: z
      .array(Block)
      .default([])
      .meta({ description: 'Texte libre de l’en-tête (bloc « preambule »), avant les listes de présence par défaut : formule légale, date de convocation, rappel de l’ordre du jour.' }),
    ouverture: z.array(Block).default([]).meta({ description: 'Paragraphes d’ouverture, avant l’ordre du jour.' }),
    points: z.array(AgendaItem).default([]).meta({ description: 'L’ordre du jour, point par point.' }),
    cloture: z
      .strictObject({
        titre: z.string().optional().meta({ description: 'Intertitre de la clôture ; par défaut le libellé « conclusion » ; "" pour aucun.' }),
        formule: RichText.optional().meta({ description: 'Début de la phrase de levée de séance ; « à 15h50. » est ajouté depuis seance.fin.' }),
        contenu: z.array(Block).default([]).meta({ description: 'Paragraphes après la formule de levée.' }),
      })
      .optional()
      .meta({ description: 'La clôture : intertitre, formule de levée (« … à 15h50. ») et paragraphes.' }),
    signataires: z.array(Signatory).optional().meta({ description: 'Signataires. Omis : la présidence signe. [] : aucune signature.' }),
    releve_engagements: z
      .boolean()
      .default(false)
      .meta({ description: 'true : ajouter, avant les signatures, le tableau des engagements pris (engagement, responsable, échéance).' }),
    sans_question_automatique: z
      .boolean()
      .default(false)
      .meta({
        description:
          'true : sous chaque point sans question ni remarque (et sans sous-point), écrire la phrase « aucune question » (libellé sans_question), sauf si le point dit sans_question: false.',
      }),
    annexes: z.array(Annex).default([]).meta({ description: 'Annexes, après les signatures.' }),
    libelles: Labels.optional(),
    style: Style.optional(),
  })
  .meta({ title: 'clu : séance', description: 'Le compte rendu d’une séance.' });
export type Meeting = z.infer<typeof Meeting>;
export type MeetingInput = z.input<typeof Meeting>;
