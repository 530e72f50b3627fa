// commander's usage errors in French, for users whose locale is French (the help is in help-fr.ts).
const PATTERNS: [RegExp, string][] = [
  [/^error: unknown option '(.+)'$/m, 'erreur : option inconnue « $1 »'],
  [/^error: unknown command '(.+)'$/m, 'erreur : commande inconnue « $1 »'],
  [/^error: missing required argument '(.+)'$/m, 'erreur : argument obligatoire manquant « $1 »'],
  [/^error: too many arguments for '(.+)'\..*$/m, 'erreur : trop d’arguments pour « $1 »'],
  [/^error: too many arguments.*$/m, 'erreur : trop d’arguments'],
  [/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\.$/m, 'erreur : « $2 » n’est pas une valeur possible de l’option $1 ; valeurs possibles : $3.'],
  [/^error: option '(.+)' argument missing$/m, 'erreur : l’option $1 attend une valeur'],
  [/^error: command-argument value '(.+)' is invalid for argument '(.+)'\. Allowed choices are (.+)\.$/m, 'erreur : « $1 » n’est pas une valeur possible de l’argument $2 ; valeurs possibles : $3.'],
  [/^\(Did you mean (.+)\?\)$/m, '(vouliez-vous dire $1 ?)'],
];

export function frenchUsage(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
