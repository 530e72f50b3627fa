// Who signs the minutes, and under which quality: the chair by default, nobody with `signataires: []`.
import { agree, displayName } from '../../model/names.js';
import type { ContextEnv } from './env.js';
import type { ContextSignatory } from './types.js';
import { lines } from './words.js';

export function signatories(env: ContextEnv): ContextSignatory[] {
  const { meeting } = env.r;
  const chairId = meeting.seance.presidence;
  const signing = meeting.signataires ? meeting.signataires.map((s) => ({ id: s.personne, qualite: s.qualite })) : [{ id: chairId, qualite: undefined }];
  return signing.map(({ id, qualite }) => {
    const p = env.person(id);
    return {
      // Only the chair gets a default quality line; another signatory without one signs under the name alone.
      qualite: qualite === undefined ? (p && id === chairId ? `${agree(p, 'Le président', 'La présidente')},` : '') : lines(qualite).join('\n'),
      qualite_lignes: qualite === undefined ? [] : lines(qualite),
      nom: p ? displayName(p, 'signature', env.r.style.personnes) : id,
    };
  });
}
