// Names as the house style writes them: surname in capitals, accents and particles kept.
import { describe, expect, it } from 'vitest';
import { displayName, groupNames, surname } from '../src/model/names.js';

describe('surnames', () => {
  it.each([
    ['Massé', 'MASSÉ'],
    ['CASTELNOT', 'CASTELNOT'],
    ['de La Tour', 'de LA TOUR'],
    ['de Beaulieu', 'de BEAULIEU'],
    ["d'Arc", 'd’ARC'],
    ['D’Estaing', 'd’ESTAING'],
    ["de la Tour d'Auvergne", 'de LA TOUR D’AUVERGNE'],
    ['Van Gogh', 'Van GOGH'],
    ['dos Santos', 'dos SANTOS'],
    ['Bebin Brossard', 'BEBIN BROSSARD'],
    ['Joseph-Dubernard', 'JOSEPH-DUBERNARD'],
  ])('%s → %s', (input, expected) => {
    expect(surname(input)).toBe(expected);
  });
});

describe('names in the minutes', () => {
  const a = { civilite: 'Mme' as const, prenom: 'Nathalie', nom: 'Brionnet' };
  const b = { civilite: 'Mme' as const, prenom: 'Nathalie', nom: 'Massé' };
  const c = { civilite: 'M.' as const, prenom: 'Frédéric', nom: 'Pierre' };
  it('full, short, with an appellation, and grouped', () => {
    expect(displayName(a, 'full')).toBe('Mme Nathalie BRIONNET');
    expect(displayName({ ...a, appellation: 'la Préfète' }, 'short')).toBe('Mme la Préfète');
    expect(groupNames([a, b])).toBe('Mmes BRIONNET et MASSÉ');
    expect(groupNames([c, { ...c, nom: 'Rose' }])).toBe('MM. PIERRE et ROSE');
    expect(groupNames([a, c])).toBe('Mme BRIONNET et M. PIERRE');
  });
});
