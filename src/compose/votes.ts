// The result of a vote in words. "Unanimité" counts the votes cast: abstentions are stated beside it,
// never hidden (french-conventions.md).

interface VoteCount {
  pour: number;
  contre: number;
  abstentions: number;
  ne_prend_pas_part: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function voteSentence(vote: VoteCount | undefined, declared?: 'adoptee' | 'rejetee'): string | undefined {
  if (!vote) return declared === 'adoptee' ? 'Adoptée.' : declared === 'rejetee' ? 'Rejetée.' : undefined;
  const adopted = declared ? declared === 'adoptee' : vote.pour > vote.contre;
  const verdict = adopted ? 'Adoptée' : 'Rejetée';
  const notTaking = vote.ne_prend_pas_part > 0 ? ` ${plural(vote.ne_prend_pas_part, 'membre ne prend pas part au vote', 'membres ne prennent pas part au vote')}.` : '';
  const unanimous = adopted ? vote.contre === 0 && vote.pour > 0 : vote.pour === 0 && vote.contre > 0;
  if (unanimous) {
    if (vote.abstentions === 0) return `${verdict} à l’unanimité.${notTaking}`;
    return `${verdict} à l’unanimité des suffrages exprimés (${plural(vote.abstentions, 'abstention', 'abstentions')}).${notTaking}`;
  }
  const parts = [plural(vote.pour, 'voix pour', 'voix pour'), plural(vote.contre, 'voix contre', 'voix contre')];
  const counts = vote.abstentions > 0 ? `${parts.join(', ')} et ${plural(vote.abstentions, 'abstention', 'abstentions')}` : parts.join(' et ');
  return `${verdict} par ${counts}.${notTaking}`;
}
