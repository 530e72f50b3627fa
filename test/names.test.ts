// Names as the house style writes them: surname in capitals, accents and particles kept.
import { describe, expect, it } from 'vitest';
import { agree, collectiveNames, DEFAULT_NAME_STYLE, displayName, genderOf, groupNames, surname, type NameStyle } from '../src/model/names.js';

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

describe('people as bodies write them', () => {
  const style = (over: Partial<NameStyle>): NameStyle => ({ ...DEFAULT_NAME_STYLE, ...over });
  it('civility optional, abbreviated, in full or none; titles Dr, Me, Pr', () => {
    expect(displayName({ prenom: 'Anne', nom: 'Terrot Dontenwill' }, 'full')).toBe('Anne TERROT DONTENWILL');
    expect(displayName({ civilite: 'Madame', prenom: 'Anne', nom: 'Durand' }, 'full')).toBe('Mme Anne DURAND');
    expect(displayName({ civilite: 'Mme', prenom: 'Anne', nom: 'Durand' }, 'full', style({ civilite: 'complete' }))).toBe('Madame Anne DURAND');
    expect(displayName({ civilite: 'Dr', nom: 'Legendre' }, 'full', style({ civilite: 'complete' }))).toBe('Docteur LEGENDRE');
    expect(displayName({ civilite: 'Me', nom: 'Laurent' }, 'short')).toBe('Me LAURENT');
    expect(displayName({ civilite: 'Pr', prenom: 'Jean', nom: 'Roux' }, 'full', style({ civilite: 'aucune' }))).toBe('Jean ROUX');
  });
  it('first name optional or as initials; order and capitals are style', () => {
    expect(displayName({ nom: 'Lebail', prenom: 'P. Y.' }, 'full', style({ capitales: 'aucune' }))).toBe('P. Y. Lebail');
    expect(displayName({ civilite: 'M.', prenom: 'Pierre-Yves', nom: 'Calvez' }, 'full', style({ prenom: 'initiale', civilite: 'aucune' }))).toBe('P.-Y. CALVEZ');
    expect(displayName({ civilite: 'M.', prenom: 'Jean-Louis', nom: 'Carpentier' }, 'full', style({ ordre: 'nom_prenom', civilite: 'aucune' }))).toBe('CARPENTIER Jean-Louis');
    expect(displayName({ prenom: 'Richard', nom: 'Strambio' }, 'full', style({ capitales: 'tout' }))).toBe('RICHARD STRAMBIO');
    expect(displayName({ civilite: 'M.', nom: 'Briard' }, 'full')).toBe('M. BRIARD');
  });
  it('seats named by their role only, in both genders and without one', () => {
    expect(displayName({ civilite: 'M.', representant_de: 'l’Union fédérale des consommateurs' }, 'full')).toBe('M. le représentant de l’Union fédérale des consommateurs');
    expect(displayName({ civilite: 'Mme', representant_de: "l'UDAF" }, 'full')).toBe('Mme la représentante de l’UDAF');
    expect(displayName({ representant_de: 'le Conseil régional' }, 'short')).toBe('le représentant du Conseil régional');
    expect(displayName({ genre: 'f', representant_de: 'les Amis du musée' }, 'full')).toBe('la représentante des Amis du musée');
  });
  it('gender from genre or civility; inclusive agreement when nothing says', () => {
    expect(agree({ civilite: 'Dr', genre: 'f' }, 'représenté', 'représentée')).toBe('représentée');
    expect(agree({ civilite: 'Madame' }, 'excusé', 'excusée')).toBe('excusée');
    expect(agree({ civilite: 'Me' }, 'excusé', 'excusée')).toBe('excusé(e)');
    expect(agree({}, 'Le président', 'La présidente')).toBe('Le président');
    expect(genderOf({ civilite: 'Monsieur' })).toBe('m');
  });
  it('collective civilities over a run of names, in order', () => {
    const people = [
      { civilite: 'Mme' as const, nom: 'Durand' },
      { civilite: 'Mme' as const, nom: 'Ferry' },
      { civilite: 'M.' as const, nom: 'Allain' },
      { civilite: 'M.' as const, nom: 'Briard' },
      { civilite: 'Mme' as const, nom: 'Lejard' },
    ];
    expect(collectiveNames(people)).toBe('Mmes DURAND, FERRY, MM. ALLAIN, BRIARD, Mme LEJARD');
    expect(collectiveNames(people.slice(2, 4), style({ civilite: 'complete' }))).toBe('Messieurs ALLAIN, BRIARD');
    expect(groupNames([{ civilite: 'Dr', nom: 'A' }, { civilite: 'Dr', nom: 'B' }])).toBe('Drs A et B');
  });
});
