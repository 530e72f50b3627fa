// commander's usage errors in French, for users whose locale is French (the help itself stays in English).
const PATTERNS: [RegExp, string][] = [
  [/^error: unknown option '(.+)'$/m, 'erreur : option inconnue « $1 »'],
  [/^error: unknown command '(.+)'$/m, 'erreur : commande inconnue « $1 »'],
  [/^error: missing required argument '(.+)'$/m, 'erreur : argument obligatoire manquant « $1 »'],
  [/^error: too many arguments.*$/m, 'erreur : trop d’arguments'],
  [/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\.$/m, 'erreur : « $2 » n’est pas une valeur possible de l’option $1 ; valeurs possibles : $3.'],
  [/^error: option '(.+)' argument missing$/m, 'erreur : l’option $1 attend une valeur'],
  [/^\(Did you mean (.+)\?\)$/m, '(vouliez-vous dire $1 ?)'],
];

export function frenchUsage(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
