// Default wording of the document's fixed parts, as in the reference compte rendu. Every label can be
// replaced by the organisation, the composition or the meeting (`libelles:`), in that order of priority.
import type { Labels } from './schema.js';

export const DEFAULT_LABELS: Required<Labels> = {
  presidence: 'Présidence',
  secretaire: 'Secrétaire de séance',
  participants: 'Participants',
  excuses: 'Excusés(es)',
  absents: 'Absents(es)',
  invites: 'Assistaient également à la réunion',
  presentation: 'Présentation par',
  diaporama: 'Diaporama',
  sans_question: 'Aucune observation ou question n’est formulée.',
  conclusion: 'Conclusion',
  levee: 'L’ordre du jour étant épuisé, la séance est levée',
  neant: 'Néant',
  pouvoir: 'donne pouvoir à',
  rapporteur: 'Rapporteur :',
  engagements: 'Relevé des engagements',
  adoptee: 'Adoptée',
  rejetee: 'Rejetée',
  avis_favorable: 'Avis favorable',
  avis_defavorable: 'Avis défavorable',
  procurations: 'Procurations',
  arrivees: 'Arrivés en cours de séance',
  pouvoir_pluriel: '',
  pouvoir_parentheses: 'pouvoir à',
  ordre_du_jour: 'Ordre du jour',
  duree: 'Durée de la séance',
};
