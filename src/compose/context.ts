// The data a template sees (src/compose/context/types.ts): plain JSON computed from the resolved meeting.
// Names, agreement, dates in words, numbering, counts and sentences are computed by the modules of
// src/compose/context/ and the model's rules (attendance-lists, proxy-words, attendee-words), so a
// template only decides what is said and in what order. Prose stays as typed (rich text).
import type { ResolvedMeeting } from '../model/resolve.js';
import { fillPlaceholders } from '../model/phrases.js';
import type { TemplateDefaults } from './template.js';
import { attendanceContext } from './context/attendance.js';
import { commitmentRow, commitments } from './context/blocks.js';
import { meetingCounts } from './context/counts.js';
import { contentBlock } from './context/deliberation.js';
import { contextEnv, type ContextEnv } from './context/env.js';
import { documentContext, instanceContext, organisationContext, sessionContext } from './context/head.js';
import { phraseOf, placeholderValues } from './context/placeholders.js';
import { agendaPoints, agendaRecap } from './context/points.js';
import { signatories } from './context/signatories.js';
import type { ContextClosing, TemplateContext } from './context/types.js';

export type { AttendanceGroup, ContextBlock, ContextCounts, ContextDeliberation, ContextPoint, PersonLine, TemplateContext } from './context/types.js';
export { deliberationContext, deliberationPlaces } from './context/deliberation.js';
export { durationWords, officerLabel } from './context/words.js';
export { pluralProxyLabel } from '../model/proxy-words.js';

/** The closing: an empty title means no heading; no title means the label's ("Conclusion"). */
function closing(env: ContextEnv): ContextClosing | undefined {
  const { cloture } = env.r.meeting;
  if (!cloture) return undefined;
  const title = cloture.titre ?? env.r.labels.conclusion;
  return {
    ...(title !== '' ? { titre: title } : {}),
    // "… la séance est levée." + " à 15h50." must not give "levée. à 15h50.".
    formule: (cloture.formule ?? env.r.labels.levee).replace(/\s*\.\s*$/, ''),
    contenu: cloture.contenu.map((b) => contentBlock(env, b)),
  };
}

export function buildContext(r: ResolvedMeeting, defaults: TemplateDefaults = {}): TemplateContext {
  const env = contextEnv(r, defaults);
  const { meeting } = r;
  const values = placeholderValues(env);
  const phrase = phraseOf(env, values);
  const phrases: TemplateContext['phrases'] = Object.fromEntries(
    (['formule', 'effectifs', 'quorum', 'quorum_non_atteint'] as const).flatMap((key) => {
      const text = phrase(key);
      return text === undefined ? [] : [[key, text]];
    }),
  );
  const instance = instanceContext(env);
  // The compte rendu names the chair under "Présidence" only, the procès-verbal among those present too;
  // the house style (presidence_parmi_presents) decides for both when it says.
  const chairAmongPresent = r.style.presidence_parmi_presents ?? defaults.presidence_parmi_presents ?? false;
  const cloture = closing(env);
  return {
    organisation: organisationContext(env),
    instance,
    document: documentContext(env, values, phrase),
    seance: sessionContext(env, instance, values, phrase, phrases),
    libelles: r.labels,
    entete: env.entete.map((entry) => (typeof entry === 'string' ? entry : { texte: fillPlaceholders(entry.texte, values) })),
    phrases,
    ...attendanceContext(env, chairAmongPresent),
    ordre_du_jour: agendaRecap(env),
    effectifs: meetingCounts(env, instance, phrases),
    preambule: meeting.preambule.map((b) => contentBlock(env, b)),
    ouverture: meeting.ouverture.map((b) => contentBlock(env, b)),
    points: agendaPoints(env),
    ...(cloture ? { cloture } : {}),
    // The commitments of the whole meeting, in order, for the optional summary table.
    ...(meeting.releve_engagements ? { engagements: commitments(meeting).map((b) => commitmentRow(env, b)) } : {}),
    signataires: signatories(env),
    annexes: meeting.annexes.map((annex) => ({
      entete: annex.entete,
      titre: annex.titre,
      ...(annex.auteur ? { auteur: env.nameOf(annex.auteur) } : {}),
      contenu: annex.contenu.map((b) => contentBlock(env, b)),
    })),
  };
}
