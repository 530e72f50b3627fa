// The attendance lists as templates print them: who is in each list and in which group comes from
// src/model/attendance-lists.ts, the words after a name from src/model/attendee-words.ts and
// proxy-words.ts; here each line is written, punctuation included, and each group run in or put in
// columns as the house style says (style.listes, style.presences, style.pouvoirs).
import { attendanceMembers, byCategory, listsApart } from '../../model/attendance-lists.js';
import { attendeeWords } from '../../model/attendee-words.js';
import { civilityRuns, collectiveRun } from '../../model/names.js';
import { proxyPairs, proxyWording, type ProxyWording } from '../../model/proxy-words.js';
import { ATTENDANCE_LISTS } from '../../model/schema.js';
import type { ContextEnv } from './env.js';
import type { AttendanceGroup, AttendanceList, PersonLine, TemplateContext } from './types.js';
import { capitalise, listOf } from './words.js';

/** A line before its place in the group is known. */
type Line = Omit<PersonLine, 'last' | 'texte'>;
type Entry = { ids: string[]; line: Line; holder?: string };

/** One attendance line as printed, without its end: "Mme X, fonction, représentée par Y (arrivée à 19h49)". */
export function lineText(l: Line): string {
  return `${l.nom}${l.fonction ? `, ${l.fonction}` : ''}${l.suite ? `${l.fonction || l.apposition ? ',' : ''} ${l.suite}` : ''}${l.precisions ? ` ${l.precisions}` : ''}`;
}

/** The lines of a group: " ;" after each but the last, which ends with ".". */
function placed(entries: Entry[]): PersonLine[] {
  return entries.map((e, i) => {
    const last = i === entries.length - 1;
    return { ...e.line, last, texte: `${lineText(e.line)}${last ? '.' : ' ;'}` };
  });
}

type Lists = Pick<TemplateContext, 'presents' | 'arrivees' | 'presents_et_presidence' | 'procurations' | 'excuses' | 'absents' | 'invites' | 'autres_listes' | 'vides'>;

export function attendanceContext(env: ContextEnv, chairAmongPresent: boolean): Lists {
  const { r } = env;
  const apart = listsApart(env.entete);
  const proxy = proxyWording(r);
  const groups = groupBuilder(env, proxy, apart.proxies);
  const members = attendanceMembers(r, apart, chairAmongPresent);
  return {
    presents: groups(members.presents, 'presents'),
    arrivees: groups(members.arrivees, 'arrivees'),
    presents_et_presidence: groups(members.presents_et_presidence, 'presents'),
    procurations: proxyList(env, proxy),
    excuses: groups(members.excuses, 'excuses'),
    absents: groups(members.absents, 'absents'),
    invites: groups(members.invites, 'invites'),
    autres_listes: members.autres_listes.map((list) => ({ titre: list.title, groupes: groups(list.ids, 'autres_listes') })),
    vides: Object.fromEntries(
      ATTENDANCE_LISTS.flatMap((list) => {
        const text = r.style.presences[list]?.vide ?? (list === 'presents' ? r.labels.neant : undefined);
        return text === undefined ? [] : [[list, text]];
      }),
    ) as Partial<Record<AttendanceList, string>>,
  };
}

/** Consecutive givers to one holder in one line, when the house style says so ("A et B donnent pouvoir à C"). */
function mergeProxies(env: ContextEnv, proxy: ProxyWording, entries: Entry[], giverName: (id: string) => string): Entry[] {
  const style = env.r.style.pouvoirs;
  if (!style.regrouper) return entries;
  const merged: Entry[] = [];
  for (const e of entries) {
    const previous = merged[merged.length - 1];
    if (previous?.holder && previous.holder === e.holder) {
      previous.ids.push(...e.ids);
      const names = capitalise(listOf(previous.ids.map(giverName)));
      const words = proxy.words(e.holder, true);
      previous.line = style.forme === 'parentheses' ? { nom: names, precisions: words } : { nom: names, suite: words };
    } else merged.push({ ...e, ids: [...e.ids] });
  }
  return merged;
}

/** The builder of a list's groups, by category when the house style groups them. */
function groupBuilder(env: ContextEnv, proxy: ProxyWording, proxiesApart: boolean) {
  const { r } = env;
  const words = attendeeWords(r, proxy, listsApart(env.entete));
  const labels = new Map(r.categories);
  const line = (id: string, functions: boolean): Line => {
    const p = env.person(id);
    const relations = words.relations(id);
    const precisions = words.details(id);
    const full = env.full(id);
    return {
      // A seat named by its role opens the line: "Le représentant du Conseil régional".
      nom: /^l[ea] /.test(full) ? capitalise(full) : full,
      ...(p?.fonction && functions ? { fonction: p.fonction } : {}),
      ...(relations ? { suite: relations.text, ...(relations.apposition ? { apposition: true } : {}) } : {}),
      ...(precisions ? { precisions } : {}),
    };
  };
  /** The holder of a giver whose only words are the proxy: such lines may merge. */
  const plainProxy = (id: string, l: Line): string | undefined => {
    const state = r.attendance.get(id);
    if (state?.kind !== 'excused' || !state.proxyTo || proxiesApart || l.fonction || state.representedBy || state.substitutedBy || env.person(id)?.represente) return undefined;
    const plain = r.style.pouvoirs.forme === 'parentheses' ? l.suite === undefined && l.precisions === proxy.words(state.proxyTo) : !l.precisions;
    return plain ? state.proxyTo : undefined;
  };
  return (ids: string[], list: AttendanceList): AttendanceGroup[] => {
    const style = r.style.presences[list] ?? {};
    const form = style.forme ?? r.style.listes;
    const grouped = style.regrouper ?? r.style.regrouper;
    const group = (members: string[], categorie?: string): AttendanceGroup => {
      const entries = mergeProxies(
        env,
        proxy,
        members.map((id) => {
          const l = line(id, style.fonctions !== false);
          const holder = plainProxy(id, l);
          return { ids: [id], line: l, ...(holder ? { holder } : {}) };
        }),
        env.full,
      );
      const personnes = placed(entries);
      // The second column: the organisation (the category, when the list is not grouped by it), then what the line says after the name.
      const rows = () =>
        entries.map(({ ids: [id], line: l }) => ({
          nom: l.nom,
          detail: [grouped ? '' : (labels.get(env.person(id!)?.categorie ?? '') ?? ''), lineText({ ...l, nom: '' }).replace(/^,?\s*/, '')].filter(Boolean).join(', '),
        }));
      return {
        ...(categorie ? { categorie } : {}),
        personnes,
        ...(form === 'colonnes' ? { colonnes: rows() } : form === 'lignes' ? {} : { en_ligne: runIn(env, entries, form) }),
      };
    };
    if (!grouped) return ids.length > 0 ? [group(ids)] : [];
    return byCategory(r, ids).map(([category, members]) => group(members, labels.get(category)));
  };
}

/**
 * A group run in: "Mme Anne DURAND, maire, M. Paul ROY." With collective civilities, consecutive
 * people named by civility and surname alone share a plural: "Mmes ASSELINE, BOTHUA, MM. ALLAIN".
 */
function runIn(env: ContextEnv, lineEntries: Entry[], form: string): string {
  const nameStyle = env.r.style.personnes;
  const entries = lineEntries.map(({ ids, line }) => ({ id: ids[0]!, line, person: ids.length === 1 ? env.person(ids[0]!) : undefined }));
  if (form === 'en_ligne') return `${entries.map((e) => lineText(e.line)).join(', ')}.`;
  // Only a person whose line is civility and surname can join the others under a plural civility.
  const alone = (e: (typeof entries)[number]) =>
    !e.person || Boolean(e.line.fonction || e.line.suite || e.line.precisions) || (e.person.prenom !== undefined && nameStyle.prenom !== 'aucun');
  const runs = civilityRuns(
    entries.map((e) => ({ ...e, ...(e.person ?? {}) })),
    (e) => alone(e),
  );
  return `${runs.map((run) => (run.length > 1 ? collectiveRun(run, nameStyle) : lineText(run[0]!.line))).join(', ')}.`;
}

/** "Mme Valérie BONNET donne pouvoir à Mme Sylvie FONTAINE", one line per proxy, in the order of the lists. */
function proxyList(env: ContextEnv, proxy: ProxyWording): AttendanceGroup[] {
  const { r } = env;
  const style = r.style.pouvoirs;
  const pairs = proxyPairs(r);
  if (pairs.length === 0) return [];
  const giverName = (id: string) => proxy.name(id, style.donneur);
  const entries = mergeProxies(
    env,
    proxy,
    pairs.map(([giver, holder]) => {
      const words = proxy.words(holder);
      const nom = giverName(giver);
      return { ids: [giver], line: style.forme === 'parentheses' ? { nom, precisions: words } : { nom, suite: words }, holder };
    }),
    giverName,
  );
  const personnes = placed(entries);
  const form = r.style.presences.procurations?.forme ?? r.style.listes;
  if (form === 'colonnes') return [{ personnes, colonnes: personnes.map((l) => ({ nom: l.nom, detail: (l.suite ?? l.precisions ?? '').replace(/^\((.*)\)$/, '$1') })) }];
  // Run in, proxies are sentences of their own: "A donne pouvoir à B ; C donne pouvoir à D."
  return [{ personnes, ...(form === 'lignes' ? {} : { en_ligne: `${personnes.map(lineText).join(' ; ')}.` }) }];
}
