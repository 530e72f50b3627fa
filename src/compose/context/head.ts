// The head of the minutes as templates see it: the organisation's letterhead, the body's name in its
// forms, the document's title and date line, and the session (chair, secretaries, officers, duration),
// with the sentences of the head computed here (formule, presidence, secretariat).
import path from 'node:path';
import { agree, displayName } from '../../model/names.js';
import { fillPlaceholders } from '../../model/phrases.js';
import type { ResolvedPerson } from '../../model/resolve.js';
import { frenchDate, frenchTime } from '../../typography/dates.js';
import type { ContextEnv } from './env.js';
import { chairName, documentPlace, secretaries, type PhraseOf, type PlaceholderValues } from './placeholders.js';
import type { ContextDocument, ContextInstance, ContextOrganisation, ContextSecretariat, ContextSession, TemplateContext } from './types.js';
import { agreedWithBody, capitalise, contactLines, designation, elidedDe, lines, listOf, officerLabel, pluralLabel, withArticle, withPreposition } from './words.js';

export function organisationContext(env: ContextEnv): ContextOrganisation {
  const { organisation, sources } = env.r;
  const orgDir = sources.organisation ? path.dirname(path.resolve(sources.organisation.file)) : undefined;
  const logo = organisation?.marque?.logo;
  return {
    ...(organisation?.marque
      ? {
          marque: {
            institution: organisation.marque.institution,
            devise: organisation.marque.devise,
            ...(logo && orgDir ? { logo: { fichier: path.resolve(orgDir, logo.fichier), largeur: logo.largeur, alt: logo.alt } } : {}),
          },
        }
      : {}),
    services: organisation?.services ?? [],
    adresse: organisation?.adresse ?? [],
    ...(organisation?.contact ? { contact: organisation.contact, contact_lignes: contactLines(organisation.contact) } : {}),
  };
}

export function instanceContext(env: ContextEnv): ContextInstance {
  const instance = env.r.composition.instance;
  return {
    nom: instance.nom,
    ...(instance.sigle ? { sigle: instance.sigle } : {}),
    du: withPreposition(instance.article, instance.nom),
    le: withArticle(instance.article, instance.nom),
    Le: capitalise(withArticle(instance.article, instance.nom)),
    reuni: agreedWithBody(instance, 'réuni'),
    convoque: agreedWithBody(instance, 'convoqué'),
  };
}

export function documentContext(env: ContextEnv, values: PlaceholderValues, phrase: PhraseOf): ContextDocument {
  const { document } = env.r.meeting;
  const place = documentPlace(env);
  // The title's lines: the file's own (one or several), else the house style's sentence, else the template's.
  const styledTitle = phrase('titre');
  const titleLines = document.titre ? lines(document.titre) : styledTitle ? [styledTitle] : [];
  return {
    ...(titleLines.length > 0 ? { titre: titleLines.join(' ') } : {}),
    titre_lignes: titleLines,
    ...(document.sous_titre ? { sous_titre: fillPlaceholders(document.sous_titre, values) } : {}),
    lieu: place,
    date: frenchDate(document.date),
    ...(document.reference ? { reference: document.reference } : {}),
    ligne_date: phrase('ligne_date') ?? (place ? `${place}, le ${frenchDate(document.date)}` : `Le ${frenchDate(document.date)}`),
    ...(document.approbation ? { approbation: phrase('approbation') ?? `Validé en séance du ${frenchDate(document.approbation)}` } : {}),
  };
}

/** The secretaries in one line or sentence: "M. X et Mme Y sont désignés secrétaires de séance". */
function secretariat(env: ContextEnv, phrase: PhraseOf): ContextSecretariat | undefined {
  const found = secretaries(env);
  if (found.length === 0) return undefined;
  const noms = listOf(found.map((p) => displayName(p, 'full', env.r.style.personnes)));
  const own = phrase('secretariat');
  const sentence = designation(found);
  return {
    libelle: found.length > 1 ? pluralLabel(env.r.labels.secretaire) : env.r.labels.secretaire,
    noms,
    phrase: sentence,
    ...(own === undefined ? {} : { phrase_maison: own }),
    texte: own || `${noms} ${sentence}.`,
  };
}

/** "Le Conseil municipal, dûment convoqué le …, s’est réuni le … à …, <lieu>, sous la présidence de …." */
function openingFormula(instance: ContextInstance, session: Pick<ContextSession, 'date' | 'debut' | 'lieu' | 'convocation' | 'presidence'>, own: string | undefined): string {
  if (own) return own;
  const convened = session.convocation ? `, dûment ${instance.convoque} le ${session.convocation},` : '';
  const place = session.lieu ? `, ${session.lieu}` : '';
  const fonction = session.presidence.fonction ? `, ${session.presidence.fonction}` : '';
  return `${instance.Le}${convened} s’est ${instance.reuni} le ${session.date} à ${session.debut}${place}, sous la présidence ${session.presidence.de}${fonction}.`;
}

export function sessionContext(env: ContextEnv, instance: ContextInstance, values: PlaceholderValues, phrase: PhraseOf, phrases: TemplateContext['phrases']): ContextSession {
  const { seance } = env.r.meeting;
  const { chair } = env;
  const nameStyle = env.r.style.personnes;
  const chairFunction = chair?.fonction ? `, ${chair.fonction}` : '';
  const presidence = {
    nom: chairName(env),
    de: elidedDe(chairName(env)),
    ...(chair?.fonction ? { fonction: chair.fonction } : {}),
    ligne: `${chairName(env)}${chairFunction}`,
    phrase: phrase('presidence') ?? `Sous la présidence ${values.de_presidence}${chairFunction}.`,
  };
  const base = {
    // "jeudi 6 mai" never breaks across lines (no-break spaces), the year may go to the next line.
    date: frenchDate(seance.date, { weekday: true }).replace(/^(\S+) (\S+) (\S+)/, '$1\u00A0$2\u00A0$3'),
    debut: frenchTime(seance.debut),
    ...(seance.fin ? { fin: frenchTime(seance.fin) } : {}),
    ...(seance.lieu ? { lieu: seance.lieu } : {}),
    modalite: seance.modalite,
    ...(seance.convocation ? { convocation: frenchDate(seance.convocation) } : {}),
    presidence,
  };
  const secretaryLine = secretariat(env, phrase);
  return {
    ...base,
    formule: openingFormula(instance, base, phrases.formule),
    ...(seance.affichage ? { affichage: frenchDate(seance.affichage) } : {}),
    ...(values.duree ? { duree: values.duree, ligne_duree: phrase('duree') ?? `${env.r.labels.duree} : ${values.duree}` } : {}),
    secretaires: seance.secretaires.map((id) => {
      const p = env.person(id);
      return { nom: env.full(id), designe: p ? agree(p, 'désigné', 'désignée') : 'désigné(e)' };
    }),
    ...(secretaryLine ? { secretariat: secretaryLine } : {}),
    officiers: seance.officiers.map((officer) => {
      const ids = typeof officer.personnes === 'string' ? [officer.personnes] : officer.personnes;
      const holders = ids.map((id) => env.person(id)).filter((p): p is ResolvedPerson => p !== undefined);
      return { libelle: officer.libelle ?? officerLabel(officer.role, holders), noms: listOf(holders.map((p) => displayName(p, 'full', nameStyle))) };
    }),
  };
}
