// `clu --help` in French, for users whose locale is French: the descriptions of the commands, their
// arguments and options, the help texts after them, and commander's own words (Usage, Options, default…).
// The English help is written in main.ts; this module replaces each text by its French version, keyed by
// command path and option flag, so that the two are kept side by side by the test that compares them.
import type { EventEmitter } from 'node:events';
import type { Argument, Command, Help, Option } from 'commander';
import { HOUSE_STYLES } from '../model/house-style-names.js';
import { FORMAT_IDS } from '../writers/registry.js';

interface CommandHelp {
  description: string;
  arguments?: Record<string, string>;
  /** By the option's long flag (or short flag when it has no long one). */
  options?: Record<string, string>;
  after?: string;
}

const HELP_OPTION = 'afficher l’aide de la commande';

/** Keyed by the command's path: '' for clu itself, 'template export' for a subcommand. */
export const FRENCH_HELP: Record<string, CommandHelp> = {
  '': {
    description: 'Comptes rendus officiels de réunion : vérifie un fichier YAML et produit le DOCX et le PDF.',
    options: { '--version': 'afficher le numéro de version' },
    after: `
Exemples :
  clu validate examples/clu-vienne-2021-05-06.yaml     vérifier un fichier de séance
  clu render examples/clu-vienne-2021-05-06.yaml       écrire le .docx et le .pdf à côté
  clu roster examples/clu-vienne-2021-05-06.yaml       liste de présence et décomptes
  clu schema --write .vscode/schemas                   JSON Schema pour la complétion dans l’éditeur

Codes de sortie : 0 tout va bien, 1 problèmes dans les fichiers, 2 clu n’a pas pu travailler
(mauvaise utilisation, fichier illisible). Messages en français avec LANG=fr_FR.UTF-8.
Le format : docs/format.md ; en intégration continue : docs/ci.md.`,
  },
  validate: {
    description: 'vérifier des fichiers de séance et signaler chaque problème à fichier:ligne:colonne',
    arguments: { files: 'fichiers YAML de séance (un dossier pour tous ses fichiers YAML, - pour l’entrée standard)' },
    options: {
      '--format': 'format de sortie',
      '--strict': 'traiter les avertissements comme des erreurs (code 1)',
      '--quiet': 'n’afficher que ce qui fait échouer (ni avertissements, ni bilan quand tout va bien)',
      '--root': 'dossier du projet dont rien de ce que lit une séance (inclusions, logo, images, modèles) ne doit sortir (par défaut : le dossier le plus proche au-dessus de chaque séance qui contient .git ou un marqueur .clu, sinon le dossier de la séance)',
    },
    after: `
Un dossier vaut pour ses fichiers YAML (sous-dossiers compris) ; - lit une séance sur l’entrée standard.
Le texte va sur la sortie d’erreur ; --format json (versionné, docs/format.md), github (annotations
GitHub Actions) et gitlab (rapport Code Quality de GitLab) vont sur la sortie standard. Recettes : docs/ci.md.
Exemple en intégration continue :  clu validate --strict --format github seances/`,
  },
  render: {
    description: 'écrire le compte rendu en DOCX et en PDF (et en Markdown pour relecture)',
    arguments: { files: 'fichiers YAML de séance (un dossier pour tous ses fichiers YAML, - pour l’entrée standard)' },
    options: {
      '--format': `formats séparés par des virgules : ${FORMAT_IDS.join(', ')}`,
      '--output': 'dossier de sortie (par défaut : à côté de chaque fichier)',
      '--template': 'dossier de modèle, ou un modèle intégré : compte-rendu, proces-verbal',
      '--pdfa': 'produire un PDF/A-2 (archivage) au lieu d’un PDF/UA',
      '--root': 'dossier du projet dont rien de ce que lit une séance (inclusions, logo, images, modèles) ne doit sortir (par défaut : le dossier le plus proche au-dessus de chaque séance qui contient .git ou un marqueur .clu, sinon le dossier de la séance)',
      '--quiet': 'n’afficher que les erreurs (ni avertissements, ni notes)',
    },
    after: `
Chaque fichier est d’abord vérifié : si l’un a des erreurs, rien n’est écrit (code 1).
Un dossier vaut pour ses fichiers YAML (sous-dossiers compris) ; les fichiers de composition et
d’organisation partagés sont vérifiés puis ignorés, avec une ligne qui le dit ; - lit une séance sur
l’entrée standard (écrite sous le nom seance-DATE).
Les sorties sont écrites toutes ensemble ou pas du tout ; les chemins écrits s’affichent sur la sortie
standard. Les fichiers inclus (composition, organisation, logo, images, modèles) doivent être dans le projet : voir --root.
Exemples :
  clu render examples/clu-vienne-2021-05-06.yaml
  clu render --format pdf --pdfa -o sortie/ seances/
  clu render --template proces-verbal examples/conseil-municipal/conseil-2024-03-28.yaml`,
  },
  new: {
    description: 'écrire un fichier de séance commenté pour commencer, dans un style intégré',
    arguments: { file: 'le fichier à écrire (par défaut : seance-DATE.yaml ; jamais écrasé)' },
    options: {
      '--style': `style de la maison : ${HOUSE_STYLES.join(', ')}`,
      '--date': 'la date de la séance (par défaut : aujourd’hui) ; les autres dates suivent',
      '--list': 'lister les styles intégrés et ce que chacun écrit',
    },
    after: `
Exemples :
  clu new --list
  clu new --style conseil-municipal
  clu new --style assemblee-generale --date 2026-04-11 ag-2026.yaml`,
  },
  template: {
    description: 'travailler avec les modèles de document',
  },
  'template export': {
    description: 'copier un modèle intégré dans un dossier pour l’adapter (puis : style.modele: DOSSIER dans les fichiers, ou clu render --template DOSSIER)',
    arguments: { dir: 'dossier de destination (inexistant ou vide)' },
    options: { '--name': 'modèle intégré à copier' },
  },
  roster: {
    description: 'listes de présence, décomptes et quorum ; tableau de plusieurs séances ; feuilles d’émargement',
    arguments: { files: 'fichiers YAML de séance (ou, avec --sheet, un fichier de composition) ; un dossier, ou - pour l’entrée standard' },
    options: {
      '--format': 'format de sortie : table, csv, json, md (par défaut : table ; csv avec --excel, --bom ou --separator)',
      '--excel': 'CSV pour un tableur français (Excel, LibreOffice) : séparateur « ; », virgule décimale, BOM UTF-8',
      '--separator': 'séparateur des champs CSV : « , » (par défaut), « ; », tab ou « | » ; « ; » écrit aussi des virgules décimales',
      '--bom': 'commencer le CSV par une marque d’ordre d’octets UTF-8 (pour qu’Excel lise bien les accents)',
      '--consecutive': 'signaler les membres absents sans excuse à N séances de suite ou plus (par défaut : 2)',
      '--sheet': 'écrire la feuille d’émargement en PDF et en DOCX',
      '--output': 'avec --sheet : dossier de sortie (par défaut : à côté de chaque fichier)',
      '--sheet-format': 'avec --sheet : formats séparés par des virgules : pdf, docx (par défaut : pdf,docx)',
      '--date': 'avec --sheet et un fichier de composition : la date de la séance (obligatoire alors)',
      '--heure': 'avec --sheet et un fichier de composition : l’heure de début, par ex. 14h30',
      '--lieu': 'avec --sheet et un fichier de composition : le lieu',
      '--guest-lines': 'avec --sheet : lignes vides pour les invités (par défaut : 6)',
      '--template': 'avec --sheet : prendre polices et styles de ce modèle (style.json)',
      '--root': 'dossier du projet dont rien de ce que lit une séance (inclusions, logo, images, modèles) ne doit sortir (par défaut : le dossier le plus proche au-dessus de chaque séance qui contient .git ou un marqueur .clu, sinon le dossier de la séance)',
      '--quiet': 'n’afficher que les erreurs (ni avertissements, ni notes)',
    },
    after: `
Une séance : chaque membre par catégorie avec son état (présent, excusé, représenté par, a donné
pouvoir à, absent), sa fonction et son rôle, les invités, puis les décomptes (en exercice, présents,
excusés dont représentés, absents, votants = présents + représentés, taux de présence) et le quorum
quand la composition définit instance.quorum. Plusieurs séances d’une même instance (qui partagent une
composition) : le tableau membres × séances (P présent, R représenté ou pouvoir, E excusé, A absent
sans excuse), le taux de présence de chacun, et les membres absents sans excuse à --consecutive
séances de suite. Les fichiers de composition et d’organisation parmi les arguments sont ignorés, avec
une ligne qui le dit. Les données vont sur la sortie standard (en couleur sur un terminal seulement,
jamais avec NO_COLOR) ; les diagnostics sur la sortie d’erreur. Le format JSON : docs/roster.md.

Codes de sortie : 0 tout va bien, 1 un fichier a des erreurs (affichées comme par clu validate),
2 impossible de travailler (mauvaise utilisation, séances qui ne partagent pas la même composition).

Exemples :
  clu roster examples/clu-vienne-2021-05-06.yaml
  clu roster --excel examples/clu-vienne-2021-05-06.yaml > presences.csv
  clu roster --format json examples/clu-vienne-*.yaml
  clu roster --format md examples/clu-vienne-2021-05-06.yaml
  clu roster --sheet -o sortie/ examples/clu-vienne-2022-05-12.yaml
  clu roster --sheet --date 2024-05-02 --heure 14h30 --lieu "Préfecture, salle Jean Moulin" examples/clu-vienne.composition.yaml`,
  },
  schema: {
    description: 'afficher le JSON Schema (draft-7) d’un type de fichier, pour la complétion et la vérification dans l’éditeur',
    arguments: { kind: 'type de fichier' },
    options: { '--write': 'écrire les trois schémas dans DOSSIER et afficher l’association pour .vscode/settings.json' },
    after: `
Exemples :
  clu schema > seance.schema.json
  clu schema --write .vscode/schemas      puis copier l’association affichée dans .vscode/settings.json`,
  },
  help: { description: 'afficher l’aide d’une commande' },
};

/** The key of a command in FRENCH_HELP: the names from below clu down to it. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function optionKey(option: Option): string {
  return option.long ?? option.short ?? option.flags;
}

/** commander's own words in French. */
const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options globales :',
};

/** The placeholders of arguments and option values (<files...>, [command]) in French. */
const PLACEHOLDERS: Record<string, string> = {
  files: 'fichiers',
  dir: 'dossier',
  kind: 'type',
  command: 'commande',
  char: 'caractère',
  place: 'lieu',
  time: 'heure',
  name: 'nom',
  'YYYY-MM-DD': 'AAAA-MM-JJ',
};

function frenchPlaceholders(text: string): string {
  return text.replace(/([<[])([\w-]+)(\.\.\.)?([>\]])/g, (all, open: string, name: string, dots: string | undefined, close: string) =>
    PLACEHOLDERS[name] ? `${open}${PLACEHOLDERS[name]}${dots ?? ''}${close}` : all,
  );
}

function frenchExtras(text: string): string {
  return text
    .replace(/ \(default: false\)$/, '')
    .replace(/\(choices: ([^)]*)\)$/, '(valeurs possibles : $1)')
    .replace(/\(default: ([^)]*)\)$/, '(par défaut : $1)')
    .replace(/\(valeurs possibles : (.*), default: (.*)\)$/, '(valeurs possibles : $1 ; par défaut : $2)')
    .replace(/\(choices: (.*), default: (.*)\)$/, '(valeurs possibles : $1 ; par défaut : $2)');
}

/** Replaces the English help of clu and its commands with the French one. */
export function applyFrenchHelp(program: Command): void {
  const help = {
    styleTitle: (title: string) => TITLES[title] ?? title,
    styleUsage: frenchPlaceholders,
    styleSubcommandTerm: frenchPlaceholders,
    styleOptionTerm: frenchPlaceholders,
    styleArgumentTerm: (term: string) => PLACEHOLDERS[term] ?? frenchPlaceholders(term),
    optionDescription(this: Help, option: Option) {
      return frenchExtras(Object.getPrototypeOf(this).optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return frenchExtras(Object.getPrototypeOf(this).argumentDescription.call(this, argument));
    },
  } as Partial<Help>;
  const visit = (command: Command) => {
    command.configureHelp(help);
    const french = FRENCH_HELP[commandPath(command)];
    command.helpOption('-h, --help', HELP_OPTION);
    if (command.commands.length > 0) command.helpCommand('help [commande]', FRENCH_HELP['help']!.description);
    if (french) {
      command.description(french.description);
      for (const argument of command.registeredArguments) {
        const text = french.arguments?.[argument.name()];
        if (text) argument.description = text;
      }
      for (const option of command.options) {
        const text = french.options?.[optionKey(option)];
        if (text) option.description = text;
      }
      if (french.after !== undefined) {
        (command as unknown as EventEmitter).removeAllListeners('afterHelp');
        command.addHelpText('after', french.after);
      }
    }
    command.commands.forEach(visit);
  };
  visit(program);
}
