// The result of a vote in words. "Unanimité" counts the votes cast: abstentions are stated beside it,
// never hidden (french-conventions.md).

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
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function voteSentence(vote: VoteCount | undefined, declared: 'adoptee' | 'rejetee' | undefined, context: VoteContext): string | undefined {
  if (!vote) return declared === 'adoptee' ? 'Adoptée.' : declared === 'rejetee' ? 'Rejetée.' : undefined;
  // Who did not take part is named on a line of its own when the names are given.
  const named = (vote.noms?.ne_prend_pas_part.length ?? 0) > 0;
  const notTaking =
    vote.ne_prend_pas_part > 0 && !named ? ` ${plural(vote.ne_prend_pas_part, 'membre ne prend pas part au vote', 'membres ne prennent pas part au vote')}.` : '';
  if (vote.pour === 0 && vote.contre === 0) {
    return `Non adoptée, faute de suffrage exprimé${vote.abstentions > 0 ? ` (${plural(vote.abstentions, 'abstention', 'abstentions')})` : ''}.${notTaking}`;
  }
  const adopted = declared ? declared === 'adoptee' : vote.pour > vote.contre;
  const verdict = adopted ? 'Adoptée' : 'Rejetée';
  const unanimous = adopted ? vote.contre === 0 && vote.pour > 0 : vote.pour === 0 && vote.contre > 0;
  if (unanimous) {
    if (vote.abstentions === 0) return `${verdict} à l’unanimité.${notTaking}`;
    return `${verdict} à l’unanimité des suffrages exprimés (${plural(vote.abstentions, 'abstention', 'abstentions')}).${notTaking}`;
  }
  const parts = [plural(vote.pour, 'voix pour', 'voix pour'), plural(vote.contre, 'voix contre', 'voix contre')];
  const counts = vote.abstentions > 0 ? `${parts.join(', ')} et ${plural(vote.abstentions, 'abstention', 'abstentions')}` : parts.join(' et ');
  // A tie settled by the chair's casting vote (the result is then given: `resultat`); without it, a tie
  // is simply not a majority.
  const casting = vote.pour === vote.contre && declared ? `, la voix ${context.chairFeminine ? 'de la présidente' : 'du président'} étant prépondérante` : '';
  return `${verdict} par ${counts}${casting}.${notTaking}`;
}
