// Every diagnostic code, its default severity, and its text in English and French. The one place where
// diagnostics become words. Placeholders are {name}.

export type Locale = 'en' | 'fr';
export type MessageParams = Record<string, string | number>;

interface Entry {
  severity: 'error' | 'warning';
  en: [message: string, hint?: string];
  fr: [message: string, hint?: string];
}

const catalog = {
  // Reading the file
  'file-empty': {
    severity: 'error',
    en: ['the file is empty', 'describe the meeting in it: see docs/format.md or examples/'],
    fr: ['le fichier est vide', 'décrivez la séance : voir docs/format.md ou examples/'],
  },
  'file-binary': {
    severity: 'error',
    en: ['this is not a text file (it contains NUL bytes)', 'give the YAML file of the meeting, not a DOCX or PDF'],
    fr: ['ce n’est pas un fichier texte (il contient des octets nuls)', 'donnez le fichier YAML de la séance, pas un DOCX ou un PDF'],
  },
  'file-encoding': {
    severity: 'error',
    en: ['the file is not valid UTF-8 (byte {byte} at offset {offset})', 're-save it as UTF-8 (in most editors: “Save with encoding… → UTF-8”)'],
    fr: ['le fichier n’est pas en UTF-8 valide (octet {byte} à la position {offset})', 'réenregistrez-le en UTF-8 (« Enregistrer avec l’encodage… → UTF-8 »)'],
  },
  'file-too-large': {
    severity: 'error',
    en: ['the file is too large ({size}; the limit is {limit})', 'a meeting file is a few dozen kilobytes: is this the right file?'],
    fr: ['le fichier est trop gros ({size} ; la limite est {limit})', 'un fichier de séance fait quelques dizaines de kilo-octets : est-ce le bon fichier ?'],
  },
  // YAML
  // Worded by src/load/yaml-errors.ts from the parser's error code.
  'yaml-syntax': {
    severity: 'error',
    en: ['{detail}', '{hint}'],
    fr: ['{detail}', '{hint}'],
  },
  'yaml-duplicate-key': {
    severity: 'error',
    en: ['the key “{key}” appears twice in the same block', 'keep one of them: the second would silently replace the first'],
    fr: ['la clé « {key} » apparaît deux fois dans le même bloc', 'gardez-en une seule : la seconde remplacerait la première sans prévenir'],
  },
  'yaml-unknown-tag': {
    severity: 'error',
    en: ['unknown YAML tag {tag}', 'remove the tag: clu reads plain YAML values only'],
    fr: ['étiquette YAML inconnue {tag}', 'retirez l’étiquette : clu ne lit que des valeurs YAML simples'],
  },
  'yaml-reserved-key': {
    severity: 'error',
    en: ['“{key}” cannot be used as a key or an id', 'choose another name (JavaScript reserves this one)'],
    fr: ['« {key} » ne peut pas servir de clé ni d’identifiant', 'choisissez un autre nom (JavaScript réserve celui-ci)'],
  },
  'yaml-multi-document': {
    severity: 'error',
    en: ['the file holds several YAML documents (“---”)', 'put one meeting per file; remove the “---” line'],
    fr: ['le fichier contient plusieurs documents YAML (« --- »)', 'une séance par fichier : retirez la ligne « --- »'],
  },
  'yaml-alias-limit': {
    severity: 'error',
    en: ['too many YAML aliases (more than {limit})', 'write the values out instead of repeating *aliases'],
    fr: ['trop d’alias YAML (plus de {limit})', 'écrivez les valeurs au lieu de répéter des *alias'],
  },
  'yaml-too-deep': {
    severity: 'error',
    en: ['the YAML is nested too deeply (more than {limit} levels)', 'a meeting never needs this depth: check the indentation'],
    fr: ['le YAML est trop imbriqué (plus de {limit} niveaux)', 'une séance n’en a jamais besoin : vérifiez l’indentation'],
  },
  // Schema
  'schema-missing': {
    severity: 'error',
    en: ['“{key}” is required here', 'add “{key}:” ({expected})'],
    fr: ['« {key} » est obligatoire ici', 'ajoutez « {key}: » ({expected})'],
  },
  'schema-unknown-key': {
    severity: 'error',
    en: ['unknown key “{key}”{suggestion}', 'allowed here: {allowed}'],
    fr: ['clé inconnue « {key} »{suggestion}', 'clés possibles ici : {allowed}'],
  },
  'schema-type': {
    severity: 'error',
    en: ['{expected} expected here, found {found}', '{hint}'],
    fr: ['il faut ici {expected} ; trouvé : {found}', '{hint}'],
  },
  'schema-value': {
    severity: 'error',
    en: ['invalid value {found}{suggestion}', 'allowed values: {allowed}'],
    fr: ['valeur invalide {found}{suggestion}', 'valeurs possibles : {allowed}'],
  },
  'schema-invalid': {
    severity: 'error',
    en: ['{detail}'],
    fr: ['{detail}'],
  },
  'text-with-colon': {
    severity: 'error',
    en: ['this text contains “: ”, so YAML read it as “key: value”', 'put the whole text in double quotes: - "{text}"'],
    fr: ['ce texte contient « : », que YAML a lu comme « clé: valeur »', 'mettez tout le texte entre guillemets droits : - "{text}"'],
  },
  'schema-block': {
    severity: 'error',
    en: ['this content item is not recognised{suggestion}', 'a paragraph is plain text; otherwise use one of: {allowed}'],
    fr: ['cet élément de contenu n’est pas reconnu{suggestion}', 'un paragraphe s’écrit en texte simple ; sinon utilisez : {allowed}'],
  },
  'include-not-found': {
    severity: 'error',
    en: ['cannot read the {kind} file “{path}”: {reason}', 'the path is relative to this file'],
    fr: ['impossible de lire le fichier {kind} « {path} » : {reason}', 'le chemin est relatif à ce fichier'],
  },
  'include-not-yaml': {
    severity: 'error',
    en: ['the {kind} file “{path}” is not a YAML file', 'give a .yaml or .yml file; clu reads nothing else, so that no other file is ever quoted'],
    fr: ['le fichier {kind} « {path} » n’est pas un fichier YAML', 'donnez un fichier .yaml ou .yml : clu ne lit rien d’autre, pour ne jamais citer un autre fichier'],
  },
  'include-outside-project': {
    severity: 'error',
    en: ['the {kind} file “{path}” is outside the project ({root})', 'move it into the project, or name the project folder with --root'],
    fr: ['le fichier {kind} « {path} » est hors du projet ({root})', 'placez-le dans le projet, ou indiquez le dossier du projet avec --root'],
  },
  // Cross-checks
  'logo-not-found': {
    severity: 'error',
    en: ['the logo image “{path}” cannot be used: {reason}', 'the path is relative to the organisation file; PNG or JPEG'],
    fr: ['l’image du logo « {path} » est illisible : {reason}', 'le chemin est relatif au fichier organisation ; PNG ou JPEG'],
  },
  'template-not-found': {
    severity: 'error',
    en: ['no template “{name}”{suggestion}', 'a built-in template ({builtins}) or a template folder (with a document.hbs or a template.json), relative to this file'],
    fr: ['aucun modèle « {name} »{suggestion}', 'un modèle intégré ({builtins}) ou un dossier de modèle (avec un document.hbs ou un template.json), relatif à ce fichier'],
  },
  'template-outside-project': {
    severity: 'error',
    en: ['the template folder “{name}” is outside the project ({root})', 'move the template into the project, or name the project folder with --root; nothing of it was read'],
    fr: ['le dossier de modèle « {name} » est hors du projet ({root})', 'placez le modèle dans le projet, ou indiquez le dossier du projet avec --root ; rien n’en a été lu'],
  },
  'template-unusable': {
    severity: 'error',
    en: ['the template “{name}” cannot be used: {reason}', 'a template’s files (document.hbs, partials, template.json, style.json, fonts) are regular files inside the project'],
    fr: ['le modèle « {name} » est inutilisable : {reason}', 'les fichiers d’un modèle (document.hbs, partials, template.json, style.json, polices) sont des fichiers ordinaires dans le projet'],
  },
  'image-not-found': {
    severity: 'error',
    en: ['the image “{path}” cannot be used: {reason}', 'the path is relative to the meeting file; a whole PNG or JPEG file inside the project'],
    fr: ['l’image « {path} » est inutilisable : {reason}', 'le chemin est relatif au fichier de la séance ; un fichier PNG ou JPEG complet, dans le projet'],
  },
  'text-too-long': {
    severity: 'error',
    en: ['this text is {length} characters long; the limit is {limit}', 'split it into paragraphs, or check that a whole file was not pasted here'],
    fr: ['ce texte fait {length} caractères ; la limite est {limit}', 'découpez-le en paragraphes, ou vérifiez qu’un fichier entier n’a pas été collé ici'],
  },
  'unprintable-characters': {
    severity: 'warning',
    en: ['the PDF font cannot draw {characters}: they would be missing from the PDF', 'the DOCX keeps them; to print them in the PDF, give a font that has them in the template’s style.json (fonts)'],
    fr: ['la police du PDF ne sait pas dessiner {characters} : ils manqueraient dans le PDF', 'le DOCX les garde ; pour les imprimer dans le PDF, indiquez dans le style.json du modèle (fonts) une police qui les contient'],
  },
  'quorum-not-reached': {
    severity: 'warning',
    en: ['the quorum is not reached{at} ({counted} counted, {required} required), yet votes are recorded', 'rule: {rule}; check the attendance, the rule (instance.quorum), or seance.seconde_convocation'],
    fr: ['le quorum n’est pas atteint{at} ({counted} comptés, {required} requis), mais des votes sont enregistrés', 'règle : {rule} ; vérifiez les présences, la règle (instance.quorum) ou seance.seconde_convocation'],
  },
  'unknown-id': {
    severity: 'error',
    en: ['“{id}” is not a declared person{suggestion}', 'declare it under “membres” (composition) or “personnes” (meeting)'],
    fr: ['« {id} » n’est pas une personne déclarée{suggestion}', 'déclarez-la dans « membres » (composition) ou « personnes » (séance)'],
  },
  'unknown-category': {
    severity: 'error',
    en: ['category “{id}” is not declared{suggestion}', 'declared categories: {allowed}'],
    fr: ['la catégorie « {id} » n’est pas déclarée{suggestion}', 'catégories déclarées : {allowed}'],
  },
  'duplicate-person': {
    severity: 'error',
    en: ['“{id}” is already declared in the composition', 'use another id, or remove this declaration'],
    fr: ['« {id} » est déjà déclaré dans la composition', 'choisissez un autre identifiant, ou retirez cette déclaration'],
  },
  'attendance-conflict': {
    severity: 'error',
    en: ['{name} is listed both as {first} and as {second}', 'a person has one attendance state: keep one'],
    fr: ['{name} figure à la fois parmi les {first} et parmi les {second}', 'une personne n’a qu’un état de présence : gardez-en un'],
  },
  'attendance-missing': {
    severity: 'warning',
    en: ['member {name} is not listed in “presences”', 'add them to “presents”, “excuses” or “absents”'],
    fr: ['{name} ne figure pas dans « presences »', 'ajoutez-{le} aux « presents », « excuses » ou « absents »'],
  },
  'guest-is-member': {
    severity: 'error',
    en: ['{name} is a member: list them under “presents”, not “invites”'],
    fr: ['{name} est membre : mettez-le dans « presents », pas dans « invites »'],
  },
  'unknown-placeholder': {
    severity: 'error',
    en: ['unknown placeholder {{name}}{suggestion}', 'placeholders of style.phrases: {allowed}'],
    fr: ['repère inconnu {{name}}{suggestion}', 'repères de style.phrases : {allowed}'],
  },
  'officer-not-present': {
    severity: 'error',
    en: ['{name} holds a role of the session but was not present', 'list them among those present, or give the role to someone who was'],
    fr: ['{name} tient un rôle de la séance mais n’était pas présent{e}', 'ajoutez-{le} aux présents, ou confiez le rôle à une personne présente'],
  },
  'point-not-found': {
    severity: 'error',
    en: ['there is no point {point} in the agenda', 'points are counted from 1 in the order of “points”: 4 is the fourth, "4.2" its second sub-item ({count} points here)'],
    fr: ['il n’y a pas de point {point} dans l’ordre du jour', 'les points se comptent à partir de 1 dans l’ordre de « points » : 4 est le quatrième, "4.2" son deuxième sous-point ({count} points ici)'],
  },
  'departure-before-arrival': {
    severity: 'error',
    en: ['{name} leaves before arriving ({departure} before {arrival})', 'check the times or points of “arrivee” and “depart”'],
    fr: ['{name} part avant d’arriver ({departure} avant {arrival})', 'vérifiez les heures ou points de « arrivee » et « depart »'],
  },
  'moment-outside-session': {
    severity: 'warning',
    en: ['{time} is outside the session ({start}–{end})', 'check the time, or seance.debut and seance.fin'],
    fr: ['{time} est en dehors de la séance ({start}–{end})', 'vérifiez l’heure, ou seance.debut et seance.fin'],
  },
  'moment-without-point': {
    severity: 'warning',
    en: ['this moment has no point of the agenda: clu cannot tell at which votes {name} was there, and counts them at every vote', 'add the point, e.g. { heure: 19h49, point: 4 }, so that each deliberation counts the right people'],
    fr: ['ce moment n’a pas de point de l’ordre du jour : clu ne peut pas savoir à quels votes {name} était là, et compte cette personne à tous', 'ajoutez le point, par ex. { heure: 19h49, point: 4 }, pour que chaque délibération compte les bonnes personnes'],
  },
  'substitute-invalid': {
    severity: 'error',
    en: ['{name} cannot be replaced here: {reason}', 'a substitute sits for a titular member who is not present; each titular has one substitute'],
    fr: ['{name} ne peut pas être remplacé{e} ici : {reason}', 'un suppléant siège pour un membre titulaire qui n’est pas présent ; un seul suppléant par titulaire'],
  },
  'proxy-on-leave-without-departure': {
    severity: 'error',
    en: ['{name} gives a proxy on leaving, but “depart” is missing', 'add depart: (the point from which the proxy applies), or move the proxy to “excuses”'],
    fr: ['{name} donne pouvoir en partant, mais « depart » manque', 'ajoutez depart: (le point à partir duquel le pouvoir vaut), ou mettez le pouvoir dans « excuses »'],
  },
  'not-a-member': {
    severity: 'error',
    en: ['{name} is not a member of the body', '{hint}'],
    fr: ['{name} n’est pas membre de l’instance', '{hint}'],
  },
  'represented-and-proxy': {
    severity: 'error',
    en: ['{name} cannot be both represented and giving a proxy', 'keep “represente_par” or “pouvoir_a”'],
    fr: ['{name} ne peut pas être à la fois représenté et donner pouvoir', 'gardez « represente_par » ou « pouvoir_a »'],
  },
  'representative-not-present': {
    severity: 'error',
    en: ['{holder}, who represents {name}, is not present', 'a representative must be among the people present'],
    fr: ['{holder}, qui représente {name}, n’est pas présent{e}', 'un représentant doit figurer parmi les présents'],
  },
  'proxy-holder-not-present': {
    severity: 'error',
    en: ['{holder}, who holds the proxy of {name}, is not present', 'a proxy given to an absent person does not count'],
    fr: ['{holder}, qui détient le pouvoir de {name}, n’est pas présent{e}', 'un pouvoir donné à un absent ne compte pas'],
  },
  'listed-twice': {
    severity: 'error',
    en: ['{name} is listed twice in {list}', 'keep one'],
    fr: ['{name} figure deux fois dans {list}', 'n’en gardez qu’une'],
  },
  'proxy-holder-not-member': {
    severity: 'error',
    en: ['{holder} is not a member: a proxy can only be given to another member', 'give the proxy to a member who is present, or write “represente_par” for a representative'],
    fr: ['{holder} n’est pas membre : un pouvoir ne se donne qu’à un autre membre', 'donnez le pouvoir à un membre présent, ou écrivez « represente_par » pour un représentant'],
  },
  'proxy-holder-multiple': {
    severity: 'error',
    en: ['{holder} already holds {count} ({others}); the body allows {limit}', 'rule: {rule}; give this proxy to someone else, or set instance.pouvoirs_max if the statutes allow more'],
    fr: ['{holder} détient déjà {count} ({others}) ; l’instance en permet {limit}', 'règle : {rule} ; donnez ce pouvoir à quelqu’un d’autre, ou réglez instance.pouvoirs_max si les statuts en permettent davantage'],
  },
  'self-reference': {
    severity: 'error',
    en: ['{name} cannot represent themselves or hold their own proxy'],
    fr: ['{name} ne peut pas se représenter ni détenir son propre pouvoir'],
  },
  'chair-not-present': {
    severity: 'error',
    en: ['the chair, {name}, is not among the people present', 'add them to “presents”'],
    fr: ['la présidence, {name}, ne figure pas parmi les présents', 'ajoutez-la aux « presents »'],
  },
  'secretary-not-present': {
    severity: 'error',
    en: ['the secretary, {name}, is not present'],
    fr: ['{name}, secrétaire de séance, n’est pas présent{e}'],
  },
  'speaker-not-present': {
    severity: 'error',
    en: ['{name} speaks here but was not present', 'check the id, or the attendance'],
    fr: ['{name} prend la parole ici mais n’était pas présent{e}', 'vérifiez l’identifiant, ou les présences'],
  },
  'speaker-unknown': {
    severity: 'error',
    en: ['who is speaking? The text names nobody', 'start with “@id …” or add “par: id”'],
    fr: ['qui parle ? Le texte ne nomme personne', 'commencez par « @identifiant … » ou ajoutez « par: identifiant »'],
  },
  'presenter-not-present': {
    severity: 'error',
    en: ['{name} presents this item but was not present'],
    fr: ['{name} présente ce point mais n’était pas présent{e}'],
  },
  'mention-not-present': {
    severity: 'warning',
    en: ['{name} is named here but was not present', 'check the id: was another person meant?'],
    fr: ['{name} est nommé{e} ici mais n’était pas présent{e}', 'vérifiez l’identifiant : s’agit-il d’une autre personne ?'],
  },
  'mention-capitalised': {
    severity: 'warning',
    en: ['“@{typed}” is not a mention (ids are lower case): did you mean “@{id}”?', 'write @{id} to name {name}, or \\@{typed} to keep the text as typed'],
    fr: ['« @{typed} » n’est pas une mention (les identifiants sont en minuscules) : vouliez-vous dire « @{id} » ?', 'écrivez @{id} pour nommer {name}, ou \\@{typed} pour garder le texte tel quel'],
  },
  'signatory-not-present': {
    severity: 'error',
    en: ['the signatory {name} was not present'],
    fr: ['{name}, signataire, n’était pas présent{e}'],
  },
  'document-before-meeting': {
    severity: 'error',
    en: ['the document is dated {document}, before the meeting ({meeting})', 'document.date is the date the minutes are issued, on or after seance.date'],
    fr: ['le document est daté du {document}, avant la séance ({meeting})', 'document.date est la date d’émission du compte rendu, le jour de la séance ou après'],
  },
  'end-before-start': {
    severity: 'error',
    en: ['the meeting ends ({end}) before it starts ({start})'],
    fr: ['la séance se termine ({end}) avant de commencer ({start})'],
  },
  'slide-range-backwards': {
    severity: 'error',
    en: ['the slide range {range} runs backwards', 'write the first page first: "{fixed}"'],
    fr: ['la plage de pages {range} est à l’envers', 'écrivez la première page d’abord : "{fixed}"'],
  },
  'empty-section': {
    severity: 'warning',
    en: ['the item “{title}” has no content', 'add “contenu”, “points” or a “presentation”'],
    fr: ['le point « {title} » n’a aucun contenu', 'ajoutez « contenu », « points » ou une « presentation »'],
  },
  'empty-annex': {
    severity: 'warning',
    en: ['the annex “{title}” has no content', 'add its “contenu”, or remove the annex'],
    fr: ['l’annexe « {title} » n’a aucun contenu', 'ajoutez son « contenu », ou retirez l’annexe'],
  },
  'vote-exceeds-voters': {
    severity: 'error',
    en: ['{cast} votes counted, but only {voters} members could vote{at} (present or represented)', 'check the figures of this vote, or the arrivals and departures'],
    fr: ['{cast} voix décomptées, mais seulement {voters} votants possibles{at} (présents ou représentés)', 'vérifiez les chiffres de ce vote, ou les arrivées et départs'],
  },
  'vote-names-mismatch': {
    severity: 'error',
    en: ['{count} name(s) listed for “{key}”, but the vote counts {expected}', 'list one id per vote, or correct the figure'],
    fr: ['{count} nom(s) pour « {key} », mais le vote en compte {expected}', 'un identifiant par voix, ou corrigez le chiffre'],
  },
  'voter-not-counted': {
    severity: 'error',
    en: ['{name} votes here but was neither present nor represented{at}', 'check the id, or the attendance (arrival, departure)'],
    fr: ['{name} vote ici mais n’était ni présent{e} ni représenté{e}{at}', 'vérifiez l’identifiant, ou les présences (arrivée, départ)'],
  },
  'placeholder-without-value': {
    severity: 'warning',
    en: ['the sentence “{phrase}” uses {{name}}, but this meeting has no {field}: it would print nothing there', 'fill in {field}, or take {{name}} out of the sentence (style.phrases.{phrase})'],
    fr: ['la phrase « {phrase} » utilise {{name}}, mais cette séance n’a pas de {field} : rien ne s’imprimerait à sa place', 'renseignez {field}, ou retirez {{name}} de la phrase (style.phrases.{phrase})'],
  },
  'casting-vote-without-vote': {
    severity: 'error',
    en: ['a tie is adopted here, but the chair, {name}, has no deliberative vote to settle it', 'a tie is not a majority: write resultat: rejetee, or check the vote'],
    fr: ['un partage des voix est ici adopté, mais la présidence, {name}, n’a pas de voix délibérative pour le départager', 'un partage des voix n’est pas une majorité : écrivez resultat: rejetee, ou vérifiez le vote'],
  },
  'proxies-not-allowed': {
    severity: 'error',
    en: ['this body admits no proxy (instance.pouvoirs_max = 0)', 'an absent titular member is replaced by a substitute: list the substitute among those present with remplace'],
    fr: ['cette instance n’admet pas de pouvoir (instance.pouvoirs_max = 0)', 'un titulaire absent est remplacé par son suppléant : inscrivez le suppléant parmi les présents avec remplace'],
  },
  'vote-result-mismatch': {
    severity: 'warning',
    en: ['the result says “{result}” but the vote gives {pour} for and {contre} against'],
    fr: ['le résultat indique « {result} » mais le vote donne {pour} pour et {contre} contre'],
  },
  // Written by the Reporter (src/validate/diagnostic.ts) past MAX_DIAGNOSTICS_PER_CODE of one code in a file.
  'more-diagnostics': {
    severity: 'error',
    en: ['… and {count} {what} “{code}” in this file ({shown})', 'fix what is shown first (often one cause, repeated: a pasted list), then validate again'],
    fr: ['… et {count} {what} « {code} » dans ce fichier ({shown})', 'corrigez d’abord ce qui est affiché (souvent une même cause répétée : une liste collée), puis validez à nouveau'],
  },
} satisfies Record<string, Entry>;

export type MessageCode = keyof typeof catalog;
export const MESSAGE_CODES = Object.keys(catalog) as MessageCode[];

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
}

export function defaultSeverity(code: MessageCode): 'error' | 'warning' {
  return (catalog[code] as Entry).severity;
}

export function message(
  locale: Locale,
  code: MessageCode,
  params: MessageParams,
): { severity: 'error' | 'warning'; message: string; hint?: string } {
  const entry: Entry = catalog[code];
  const [text, hint] = entry[locale];
  const filledHint = hint ? fill(hint, params) : undefined;
  return { severity: entry.severity, message: fill(text, params), ...(filledHint ? { hint: filledHint } : {}) };
}

/** French when the user's locale says so (LC_ALL, then LC_MESSAGES, then LANG), English otherwise. */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.-]|$)/i.test(value) ? 'fr' : 'en';
}
