// The result of a vote in words. "Unanimité" counts the votes cast: abstentions are stated beside it,
// never hidden (french-conventions.md).
import { adoptedBy, requiredFor, type MajorityRule } from '../model/majority.js';

interface VoteCount {
  pour: number;
  contre: number;
  abstentions: number;
  ne_prend_pas_part: number;
  noms?: { ne_prend_pas_part: string[] };
}

export interface VoteContext {
  /** The chair is a woman: "la voix de la présidente étant prépondérante". */
  chairFeminine: boolean;
  /** The chair has a deliberative vote: only then may a tie be settled by their casting vote. */
  chairVotes: boolean;
  /** The words of the result: « Adoptée » / « Rejetée », or « Avis favorable » / « Avis défavorable ». */
  words: { adoptee: string; rejetee: string };
  /** The body's majority, and the members present with a vote at this point. */
  majority: MajorityRule;
  present: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function voteSentence(vote: VoteCount | undefined, declared: 'adoptee' | 'rejetee' | undefined, context: VoteContext): string | undefined {
  const { words } = context;
  if (!vote) return declared ? `${words[declared]}.` : undefined;
  // Who did not take part is named on a line of its own when the names are given.
  const named = (vote.noms?.ne_prend_pas_part.length ?? 0) > 0;
  const notTaking =
    vote.ne_prend_pas_part > 0 && !named ? ` ${plural(vote.ne_prend_pas_part, 'membre ne prend pas part au vote', 'membres ne prennent pas part au vote')}.` : '';
  if (vote.pour === 0 && vote.contre === 0) {
    return `Non adoptée, faute de suffrage exprimé${vote.abstentions > 0 ? ` (${plural(vote.abstentions, 'abstention', 'abstentions')})` : ''}.${notTaking}`;
  }
  const byVote = adoptedBy(vote, context.majority, context.present);
  const adopted = declared && (byVote === undefined || context.majority === 'exprimes') ? declared === 'adoptee' : byVote === true;
  const verdict = adopted ? words.adoptee : words.rejetee;
  const unanimous = adopted ? vote.contre === 0 && vote.pour > 0 : vote.pour === 0 && vote.contre > 0;
  if (unanimous) {
    if (vote.abstentions === 0) return `${verdict} à l’unanimité.${notTaking}`;
    return `${verdict} à l’unanimité des suffrages exprimés (${plural(vote.abstentions, 'abstention', 'abstentions')}).${notTaking}`;
  }
  const parts = [plural(vote.pour, 'voix pour', 'voix pour'), plural(vote.contre, 'voix contre', 'voix contre')];
  const counts = vote.abstentions > 0 ? `${parts.join(', ')} et ${plural(vote.abstentions, 'abstention', 'abstentions')}` : parts.join(' et ');
  // A tie settled by the chair's casting vote (the result is then given: `resultat`); without it, a tie
  // is simply not a majority.
  const casting =
    context.majority === 'exprimes' && vote.pour === vote.contre && declared && context.chairVotes
      ? `, la voix ${context.chairFeminine ? 'de la présidente' : 'du président'} étant prépondérante`
      : '';
  // More for than against, yet not the majority of the members present: the sentence says why.
  const short = context.majority === 'presents' && !adopted && vote.pour > vote.contre ? `, faute de la majorité des membres présents (${requiredFor(context.present)} voix)` : '';
  return `${verdict} par ${counts}${casting}${short}.${notTaking}`;
}
