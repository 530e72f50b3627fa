// Vote results in words: unanimity with abstentions stated, counts, casting vote, no vote cast.
import { describe, expect, it } from 'vitest';
import { voteSentence } from '../src/compose/votes.js';

const vote = (pour: number, contre = 0, abstentions = 0, ne_prend_pas_part = 0) => ({ pour, contre, abstentions, ne_prend_pas_part });
const words = { adoptee: 'Adoptée', rejetee: 'Rejetée' };
const chair = { chairFeminine: false, chairVotes: true, words, majority: 'exprimes', present: 30 } as const;

describe('vote sentences', () => {
  it.each([
    [vote(25), undefined, 'Adoptée à l’unanimité.'],
    [vote(20, 0, 5), undefined, 'Adoptée à l’unanimité des suffrages exprimés (5 abstentions).'],
    [vote(20, 5), undefined, 'Adoptée par 20 voix pour et 5 voix contre.'],
    [vote(10, 12, 1), undefined, 'Rejetée par 10 voix pour, 12 voix contre et 1 abstention.'],
    [vote(7, 7), 'adoptee', 'Adoptée par 7 voix pour et 7 voix contre, la voix du président étant prépondérante.'],
    [vote(0, 0, 14), undefined, 'Non adoptée, faute de suffrage exprimé (14 abstentions).'],
    [vote(12, 12), undefined, 'Rejetée par 12 voix pour et 12 voix contre.'],
    [vote(23, 0, 0, 2), undefined, 'Adoptée à l’unanimité. 2 membres ne prennent pas part au vote.'],
    [vote(24, 0, 0, 1), undefined, 'Adoptée à l’unanimité. 1 membre ne prend pas part au vote.'],
  ] as const)('%j %s → %s', (v, declared, expected) => {
    expect(voteSentence(v, declared, chair)).toBe(expected);
  });

  it('does not count those not taking part when they are named on their own line', () => {
    expect(voteSentence({ ...vote(24, 0, 0, 1), noms: { ne_prend_pas_part: ['garcia'] } }, undefined, chair)).toBe('Adoptée à l’unanimité.');
  });

  it('the casting vote agrees with the chair', () => {
    expect(voteSentence(vote(3, 3), 'adoptee', { ...chair, chairFeminine: true })).toBe('Adoptée par 3 voix pour et 3 voix contre, la voix de la présidente étant prépondérante.');
  });

  it('a chair without a deliberative vote settles no tie', () => {
    expect(voteSentence(vote(3, 3), 'adoptee', { ...chair, chairVotes: false })).toBe('Adoptée par 3 voix pour et 3 voix contre.');
  });

  it('a consultative body words its result as an opinion', () => {
    const opinion = { ...chair, words: { adoptee: 'Avis favorable', rejetee: 'Avis défavorable' } };
    expect(voteSentence(vote(6, 1, 1), undefined, opinion)).toBe('Avis favorable par 6 voix pour, 1 voix contre et 1 abstention.');
    expect(voteSentence(vote(0, 5), undefined, opinion)).toBe('Avis défavorable à l’unanimité.');
    expect(voteSentence(undefined, 'adoptee', opinion)).toBe('Avis favorable.');
  });

  it('under the majority of the members present, abstentions count against (CSE, C. trav. L. 2315-32)', () => {
    const cse = { ...chair, majority: 'presents', present: 5 } as const;
    expect(voteSentence(vote(2, 1, 2), undefined, cse)).toBe('Rejetée par 2 voix pour, 1 voix contre et 2 abstentions, faute de la majorité des membres présents (3 voix).');
    expect(voteSentence(vote(3, 0, 2), undefined, cse)).toBe('Adoptée à l’unanimité des suffrages exprimés (2 abstentions).');
  });
});
