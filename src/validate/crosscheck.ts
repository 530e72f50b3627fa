// Checks that need the whole meeting: every id declared, one attendance state per person, representatives
// and proxy holders present, speakers, presenters and signatories present, dates and times in order,
// slides, votes. Each problem is reported at the place in the YAML where it can be fixed.
import { imageProblem } from './image-file.js';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { BUILTIN_TEMPLATES } from '../compose/builtin-templates.js';
import { templateScope } from '../compose/template-files.js';
import { templateFolderProblem } from '../compose/template-check.js';
import { staysInsideAny } from '../load/project-root.js';
import { isScalar, type Node } from 'yaml';
import type { Block, AgendaItem, Composition, ListItem } from '../model/schema.js';
import { isPresent, sourceDir, type ResolvedMeeting } from '../model/resolve.js';
import { computeCounts, countedState, inRoom, proxyLimit, type MeetingCounts, type QuorumResult } from '../model/counts.js';
import { atOrAfter, momentOf, pointExists, pointLabel, type PointPath, type ResolvedMoment } from '../model/moments.js';
import type { Moment, Phrases, Style } from '../model/schema.js';
import { PLACEHOLDERS, placeholderOf, unknownPlaceholders, type Placeholder } from '../model/phrases.js';
import { adoptedBy, majorityRule } from '../model/majority.js';
import { findCapitalisedMentions, findMentions } from '../model/mentions.js';
import { displayName, isFeminine } from '../model/names.js';
import { parseSlides } from '../model/slides.js';
import { minutesOfDay } from '../model/time.js';
import { frenchDate } from '../typography/dates.js';
import type { Reporter, Source, Position } from './diagnostic.js';
import type { MessageCode, MessageParams } from './messages.js';
import { locate, nodeAt, type DataPath } from './locate.js';
import { didYouMean } from './suggest.js';

export function crossCheck(resolved: ResolvedMeeting, reporter: Reporter): void {
  new CrossChecker(resolved, reporter).run();
}

/** Checks a composition on its own: every member's category is declared. */
export function checkComposition(composition: { data: Composition; source: Source }, reporter: Reporter, prefix: DataPath = []): void {
  const categories = Object.keys(composition.data.categories);
  const declared = new Set(categories);
  for (const [id, person] of Object.entries(composition.data.membres)) {
    if (person.categorie && !declared.has(person.categorie)) {
      // Past the limit of shown diagnostics, no "did you mean" (each is a search of every category).
      const suggestion = reporter.shows('unknown-category', composition.source.file) ? didYouMean(reporter.locale, person.categorie, categories) : '';
      const path = [...prefix, 'membres', id, 'categorie'];
      const located = locate(composition.source, path);
      reporter.add('unknown-category', { id: person.categorie, suggestion, allowed: categories.join(', ') || '—' }, { file: composition.source.file, start: located.start, ...(located.end ? { end: located.end } : {}), path });
    }
  }
}

/** The head block that prints each sentence of style.phrases (when not the sentence's own name). */
/** The position given to a diagnostic that is only counted (Reporter.needsPosition): never shown. */
const UNLOCATED: Position = { line: 0, column: 0 };

const PHRASE_BLOCKS: Partial<Record<keyof Phrases, string>> = { ligne_date: 'date', quorum_non_atteint: 'quorum', presidence: 'presidence_phrase', secretariat: 'secretariat_phrase' };

class CrossChecker {
  private readonly meetingSource: Source;
  private countsCache: MeetingCounts | undefined;
  private readonly countsByPoint = new Map<string, MeetingCounts>();
  private movementsCache: boolean | undefined;
  /** The "did you mean" of each unknown id, found once (a search of every declared id). */
  private readonly suggestions = new Map<string, string>();
  /** Where each "@id" of a text first is, by the text's YAML node: one scan of the text for all its mentions. */
  private readonly mentionOffsets = new WeakMap<Node, Map<string, number>>();

  constructor(
    private readonly r: ResolvedMeeting,
    private readonly reporter: Reporter,
  ) {
    this.meetingSource = r.sources.meeting;
  }

  run(): void {
    this.checkCategories();
    this.checkDuplicatePeople();
    this.checkAttendance();
    this.checkSession();
    this.checkContent();
    this.checkSignatories();
    this.checkLogo();
    this.checkTemplate();
    this.checkPhrases();
    this.checkPlaceholderValues();
    this.checkQuorum();
  }

  private checkLogo(): void {
    const logo = this.r.organisation?.marque?.logo;
    const source = this.r.sources.organisation;
    if (!logo || !source) return;
    const prefix: DataPath = source === this.meetingSource ? ['organisation'] : [];
    const reason = imageProblem(path.dirname(path.resolve(source.file)), logo.fichier, this.r.root, this.reporter.locale);
    if (reason) this.report('logo-not-found', { path: logo.fichier, reason }, [...prefix, 'marque', 'logo', 'fichier'], source);
  }

  /**
   * The `style` blocks of the organisation, composition and meeting (weakest first), each with its file
   * and its path there (a composition written inside the meeting file has its style under `composition`).
   */
  private styleLayers(): { source: Source | undefined; prefix: DataPath; style: Style | undefined }[] {
    const prefix = (source: Source | undefined, key: string): DataPath => (source === this.meetingSource ? [key, 'style'] : ['style']);
    return [
      { source: this.r.sources.organisation, prefix: prefix(this.r.sources.organisation, 'organisation'), style: this.r.organisation?.style },
      { source: this.r.sources.composition, prefix: prefix(this.r.sources.composition, 'composition'), style: this.r.composition.style },
      { source: this.meetingSource, prefix: ['style'], style: this.r.meeting.style },
    ];
  }

  /**
   * A template a file names (`style.modele`): a built-in one, or a folder with a document.hbs or a
   * template.json, inside the project, whose every file is usable and inside the project too.
   */
  private checkTemplate(): void {
    for (const { source, prefix, style } of this.styleLayers()) {
      const modele = style?.modele;
      if (!source || modele === undefined || (BUILTIN_TEMPLATES as readonly string[]).includes(modele)) continue;
      const dir = path.resolve(sourceDir(source), modele);
      const scope = templateScope([this.r.root]);
      if (!staysInsideAny(dir, scope)) {
        this.report('template-outside-project', { name: modele, root: this.r.root }, [...prefix, 'modele'], source);
        continue;
      }
      const isTemplate = existsSync(path.join(dir, 'document.hbs')) || existsSync(path.join(dir, 'template.json'));
      if (!isTemplate) {
        const suggestion = modele.includes('/') ? '' : didYouMean(this.reporter.locale, modele, [...BUILTIN_TEMPLATES]);
        this.report('template-not-found', { name: modele, suggestion, builtins: BUILTIN_TEMPLATES.join(', ') }, [...prefix, 'modele'], source);
        continue;
      }
      const reason = templateFolderProblem(dir, scope, this.reporter.locale);
      if (reason) this.report('template-unusable', { name: modele, reason }, [...prefix, 'modele'], source);
    }
  }

  /**
   * A sentence of the house style that names a value this meeting does not have ({convocation} without
   * seance.convocation) would print a hole: reported where the sentence is written, or at the
   * `style.base` that brought it.
   */
  private checkPlaceholderValues(): void {
    const { meeting } = this.r;
    const chair = this.r.people.get(meeting.seance.presidence);
    const missing: Partial<Record<Placeholder, string>> = {
      ...(meeting.seance.convocation ? {} : { convocation: 'seance.convocation' }),
      ...(meeting.document.approbation ? {} : { date_approbation: 'document.approbation' }),
      ...(meeting.seance.fin ? {} : { fin: 'seance.fin', fin_lettres: 'seance.fin' }),
      ...(meeting.seance.lieu ? {} : { lieu_seance: 'seance.lieu' }),
      ...((meeting.seance.secretaires ?? []).length > 0 ? {} : { secretaires: 'seance.secretaires', designation: 'seance.secretaires' }),
      ...(chair?.fonction ? {} : { presidence_fonction: 'fonction (présidence)' }),
      ...(meeting.document.reference ? {} : { reference: 'document.reference' }),
      ...(meeting.seance.affichage ? {} : { affichage: 'seance.affichage' }),
      ...(meeting.seance.fin ? {} : { duree: 'seance.fin' }),
    };
    const layers = this.styleLayers();
    /** Each {placeholder} of a sentence whose value the meeting lacks, with the field to fill in. */
    const holes = (sentence: string) =>
      [...sentence.matchAll(/\{([A-Za-z_]+)\}/g)].flatMap((match) => {
        const placeholder = placeholderOf(match[1]!)?.placeholder;
        const field = placeholder && missing[placeholder];
        return field ? [{ written: match[0], name: match[1]!, field }] : [];
      });
    // A sentence whose block the head does not print is never seen (without style.entete, the
    // template decides: every sentence is checked).
    const head = this.r.style.entete;
    const shown = (key: string) => head === undefined || head.some((entry) => entry === (PHRASE_BLOCKS[key as keyof Phrases] ?? key));
    for (const [key, sentence] of Object.entries(this.r.style.phrases)) {
      if (typeof sentence !== 'string' || !shown(key)) continue;
      const own = [...layers].reverse().find((layer) => layer.source && layer.style?.phrases?.[key as keyof Phrases] !== undefined);
      const base = [...layers].reverse().find((layer) => layer.source && layer.style?.base !== undefined);
      const at = own ?? base;
      if (!at?.source) continue;
      const path: DataPath = own ? [...own.prefix, 'phrases', key] : [...at.prefix, 'base'];
      for (const { written, name, field } of holes(sentence)) {
        const start = own ? this.textStart(at.source, path, written) : undefined;
        this.report('placeholder-without-value', { name, phrase: key, field }, path, at.source, start);
      }
    }
    // Free lines of the head ({ texte: "Date de la convocation : {convocation}" }), where they are written.
    const heads = [...layers].reverse().find((layer) => layer.source && layer.style?.entete !== undefined);
    heads?.style?.entete?.forEach((entry, i) => {
      if (typeof entry === 'string') return;
      const path: DataPath = [...heads.prefix, 'entete', i, 'texte'];
      for (const { written, name, field } of holes(entry.texte)) {
        this.report('placeholder-without-value', { name, phrase: 'entete', field }, path, heads.source!, this.textStart(heads.source!, path, written));
      }
    });
  }

  /** The {placeholders} of the house style's sentences and free head lines, wherever the style is written. */
  private checkPhrases(): void {
    for (const { source, prefix, style } of this.styleLayers()) {
      if (!source || !style) continue;
      const sentences: [DataPath, string][] = [
        ...Object.entries(style.phrases ?? {}).map(([key, sentence]): [DataPath, string] => [[...prefix, 'phrases', key], sentence]),
        ...(style.entete ?? []).flatMap((entry, i): [DataPath, string][] => (typeof entry === 'object' ? [[[...prefix, 'entete', i, 'texte'], entry.texte]] : [])),
      ];
      for (const [at, sentence] of sentences) {
        if (typeof sentence !== 'string') continue;
        for (const { name } of unknownPlaceholders(sentence)) {
          const suggestion = didYouMean(this.reporter.locale, name, [...PLACEHOLDERS]);
          this.report('unknown-placeholder', { name, suggestion, allowed: PLACEHOLDERS.join(', ') }, at, source, this.textStart(source, at, `{${name}}`));
        }
      }
    }
  }

  /** Votes taken without a quorum are void: worth a warning when the body has a rule (its own or its kind's). */
  private checkQuorum(): void {
    for (const { path, at } of this.votes()) {
      const quorum = this.countsAt(at).quorum;
      if (!quorum || quorum.reached) continue;
      const where = at.length > 0 && this.countsAt(at) !== this.counts ? this.atWords(at) : '';
      this.report('quorum-not-reached', { counted: quorum.counted, required: quorum.required, at: where, rule: this.quorumWords(quorum) }, path);
      return; // once: the first vote taken without the quorum
    }
  }

  /** "more than half of the 27 members in office, proxies not counted (composition)". */
  private quorumWords(quorum: QuorumResult): string {
    const { rule } = quorum;
    const fr = this.reporter.locale === 'fr';
    const fraction = `${rule.strict ? (fr ? 'plus de' : 'more than') : fr ? 'au moins' : 'at least'} ${rule.fraction * 100} %`;
    const base = rule.base === 'cotisants' ? (fr ? 'membres à jour de cotisation' : 'members up to date with dues') : fr ? 'membres en exercice' : 'members in office';
    const proxies = rule.pouvoirs ? (fr ? 'pouvoirs comptés' : 'proxies counted') : fr ? 'pouvoirs non comptés' : 'proxies not counted';
    const origin = rule.origin === 'composition' ? 'instance.quorum' : fr ? `par défaut pour le type « ${this.r.composition.instance.type} »` : `default for type “${this.r.composition.instance.type}”`;
    return `${fraction} ${fr ? 'des' : 'of the'} ${quorum.base} ${base}, ${proxies} (${origin})`;
  }

  /** Every recorded vote, with its place in the file and its point in the agenda. */
  private votes(): { path: DataPath; at: PointPath }[] {
    const found: { path: DataPath; at: PointPath }[] = [];
    const walk = (items: AgendaItem[], path: DataPath, parent: PointPath) =>
      items.forEach((item, i) => {
        const at = [...parent, i + 1];
        (item.contenu ?? []).forEach((block, j) => {
          if (typeof block === 'object' && 'deliberation' in block && block.deliberation.vote) found.push({ path: [...path, i, 'contenu', j, 'deliberation', 'vote'], at });
        });
        walk(item.points ?? [], [...path, i, 'points'], at);
      });
    walk(this.r.meeting.points, ['points'], []);
    return found;
  }

  /** The counts at a point of the agenda: the meeting's own when nobody came or went. */
  private countsAt(at: PointPath): MeetingCounts {
    if (!this.movements) return this.counts;
    const key = pointLabel(at);
    let counts = this.countsByPoint.get(key);
    if (!counts) this.countsByPoint.set(key, (counts = computeCounts(this.r, at)));
    return counts;
  }

  /** " at point 4" / " au point 4", for messages about a deliberation's counts. */
  private atWords(at: PointPath): string {
    return this.reporter.locale === 'fr' ? ` au point ${pointLabel(at)}` : ` at point ${pointLabel(at)}`;
  }

  /** Whether anyone came or left at a point of the agenda (then counts differ from point to point); computed once. */
  private get movements(): boolean {
    this.movementsCache ??= [...this.r.attendance.values()].some(
      (state) => (state.kind === 'present' || state.kind === 'guest') && (state.arrival?.point !== undefined || state.departure?.point !== undefined),
    );
    return this.movementsCache;
  }

  /** The attendance counts, computed once for every vote and the quorum. */
  private get counts(): MeetingCounts {
    this.countsCache ??= computeCounts(this.r);
    return this.countsCache;
  }

  // ── Reporting helpers ──────────────────────────────────────────────────────────────────────────────

  private report(code: MessageCode, params: MessageParams, path: DataPath, source = this.meetingSource, start?: Position, key = false): void {
    // Past the limit of its code a diagnostic is only counted, by its path: a long list is not located item by item.
    if (!start && !this.reporter.needsPosition(code, source.file)) return this.reporter.add(code, params, { file: source.file, start: UNLOCATED, path });
    const located = locate(source, path, { key });
    this.reporter.add(code, params, { file: source.file, start: start ?? located.start, ...(start ? {} : located.end ? { end: located.end } : {}), path });
  }

  /** Gender agreement in French messages, from the civility: {e} → "e", {le} → "la" for Mme. */
  private agreement(id: string): { e: string; le: string } {
    const person = this.r.people.get(id);
    const feminine = person ? isFeminine(person) : false;
    return { e: feminine ? 'e' : '', le: feminine ? 'la' : 'le' };
  }

  /** The person's name and the agreement that goes with it. */
  private who(id: string): { name: string; e: string; le: string } {
    return { name: this.name(id), ...this.agreement(id) };
  }

  /** The name, for a diagnostic that will be shown; past the limit of its code (only counted), the id. */
  private nameIfShown(code: MessageCode, id: string): string {
    return this.reporter.shows(code, this.meetingSource.file) ? this.name(id) : id;
  }

  private name(id: string): string {
    const person = this.r.people.get(id);
    return person ? displayName(person, 'full', this.r.style.personnes) : id;
  }

  /** Reports an unknown id; returns true when the id is declared. */
  /** `start`: where to report an unknown id, or how to find it (looked up only then). */
  private known(id: string, path: DataPath, start?: Position | (() => Position | undefined)): boolean {
    if (this.r.people.has(id)) return true;
    // Past the limit of shown diagnostics, an unknown id is only counted: no suggestion, no search for its place.
    const shown = this.reporter.shows('unknown-id', this.meetingSource.file);
    let suggestion = shown ? this.suggestions.get(id) : '';
    if (suggestion === undefined) this.suggestions.set(id, (suggestion = didYouMean(this.reporter.locale, id, [...this.r.people.keys()])));
    this.report('unknown-id', { id, suggestion }, path, this.meetingSource, typeof start === 'function' ? (shown ? start() : undefined) : start);
    return false;
  }

  private present(id: string): boolean {
    return isPresent(this.r, id);
  }

  // ── Declarations ───────────────────────────────────────────────────────────────────────────────────

  private checkCategories(): void {
    checkComposition({ data: this.r.composition, source: this.r.sources.composition }, this.reporter, this.r.sources.composition === this.meetingSource ? ['composition'] : []);
  }

  private checkDuplicatePeople(): void {
    for (const id of Object.keys(this.r.meeting.personnes)) {
      if (Object.hasOwn(this.r.composition.membres, id)) this.report('duplicate-person', { id }, ['personnes', id]);
    }
  }

  // ── Attendance ─────────────────────────────────────────────────────────────────────────────────────

  private checkAttendance(): void {
    const { presences } = this.r.meeting;
    const seen = new Map<string, string>();
    const listed = new Set<string>();
    const stateName = (list: string) => (this.reporter.locale === 'fr' ? FR_LISTS : EN_LISTS)[list] ?? list;
    const note = (id: string, list: string, path: DataPath) => {
      if (!this.known(id, path)) return;
      listed.add(id);
      const previous = seen.get(id);
      if (previous !== undefined) {
        const code = previous === list ? 'listed-twice' : 'attendance-conflict';
        const name = this.nameIfShown(code, id);
        if (previous === list) this.report('listed-twice', { name, list: `« ${list} »` }, path);
        else this.report('attendance-conflict', { name, first: stateName(previous), second: stateName(list) }, path);
        return;
      }
      seen.set(id, list);
      const person = this.r.people.get(id)!;
      const guestList = list === 'invites' || list === 'autres_listes';
      if (guestList && person.member) this.report('guest-is-member', { name: this.name(id) }, path);
      // A guest may send apologies: only the lists of members refuse non-members.
      if ((list === 'presents' || list === 'absents') && !person.member) {
        const fr = this.reporter.locale === 'fr';
        const hint =
          list === 'presents'
            ? fr
              ? 'une personne présente non membre va dans « invites » (ou une liste de « autres_listes »)'
              : 'a person present who is not a member goes under “invites” (or a list of “autres_listes”)'
            : fr
              ? 'un non-membre absent n’est pas à citer ; s’il s’est excusé, il va dans « excuses »'
              : 'a non-member who did not come need not be listed; one who sent apologies goes under “excuses”';
        this.report('not-a-member', { name: this.name(id), hint }, path);
      }
    };
    const entryPath = (entry: string | object, base: DataPath): DataPath => (typeof entry === 'string' ? base : [...base, 'id']);
    const idOf = (entry: string | { id: string }) => (typeof entry === 'string' ? entry : entry.id);
    presences.presents.forEach((entry, i) => note(idOf(entry), 'presents', entryPath(entry, ['presences', 'presents', i])));
    presences.invites.forEach((entry, i) => note(idOf(entry), 'invites', entryPath(entry, ['presences', 'invites', i])));
    presences.autres_listes.forEach((other, k) =>
      other.personnes.forEach((entry, i) => note(idOf(entry), 'autres_listes', entryPath(entry, ['presences', 'autres_listes', k, 'personnes', i]))),
    );
    presences.excuses.forEach((entry, i) => note(idOf(entry), 'excuses', entryPath(entry, ['presences', 'excuses', i])));
    presences.absents.forEach((entry, i) => note(idOf(entry), 'absents', entryPath(entry, ['presences', 'absents', i])));

    this.checkProxies();
    this.checkMovements();

    for (const [id, person] of this.r.people) {
      const state = this.r.attendance.get(id);
      const substituted = state?.kind === 'excused' && state.substitutedBy !== undefined;
      if (person.member && !person.suppleant && !substituted && !listed.has(id)) this.report('attendance-missing', this.who(id), ['presences'], this.meetingSource, undefined, true);
    }
  }

  /** Representatives and proxy holders: present, members for a proxy, within the body's limit of proxies. */
  private checkProxies(): void {
    const { presences } = this.r.meeting;
    const instance = this.r.composition.instance;
    const limit = proxyLimit(instance);
    const holders = new Map<string, string[]>();
    /** The names of a holder's proxies once at the limit (the list no longer grows): written once. */
    const heldNames = new Map<string, string>();
    const check = (giver: string, holder: string | undefined, key: 'represente_par' | 'pouvoir_a', path: DataPath) => {
      if (!holder) return;
      if (!this.known(holder, path)) return;
      if (holder === giver) return this.report('self-reference', { name: this.name(holder) }, path);
      if (!this.present(holder)) {
        return this.report(key === 'pouvoir_a' ? 'proxy-holder-not-present' : 'representative-not-present', { holder: this.name(holder), name: this.name(giver), ...this.agreement(holder) }, path);
      }
      if (key === 'pouvoir_a' && !this.r.people.get(holder)?.member) return this.report('proxy-holder-not-member', { holder: this.name(holder) }, path);
      if (key === 'pouvoir_a' && limit === 0) return this.report('proxies-not-allowed', {}, path);
      if (key === 'pouvoir_a') {
        const held = holders.get(holder) ?? [];
        if (held.length >= limit) {
          const fr = this.reporter.locale === 'fr';
          const rule =
            instance.pouvoirs_max !== undefined
              ? `instance.pouvoirs_max = ${limit}`
              : fr
                ? 'un pouvoir par membre par défaut (CGCT L2121-20)'
                : 'one proxy per member by default (CGCT L2121-20)';
          const count = fr ? `${held.length} pouvoir${held.length > 1 ? 's' : ''}` : `${held.length} prox${held.length > 1 ? 'ies' : 'y'}`;
          let others = heldNames.get(holder);
          if (others === undefined) heldNames.set(holder, (others = held.map((id) => this.name(id)).join(', ')));
          return this.report('proxy-holder-multiple', { holder: this.name(holder), count, others, limit, rule }, path);
        }
        held.push(giver);
        holders.set(holder, held);
      }
    };
    presences.excuses.forEach((entry, i) => {
      if (typeof entry === 'string') return;
      const base: DataPath = ['presences', 'excuses', i];
      if (entry.represente_par && entry.pouvoir_a) this.report('represented-and-proxy', { name: this.name(entry.id) }, base);
      check(entry.id, entry.represente_par, 'represente_par', [...base, 'represente_par']);
      check(entry.id, entry.pouvoir_a, 'pouvoir_a', [...base, 'pouvoir_a']);
    });
    presences.presents.forEach((entry, i) => {
      if (typeof entry === 'string' || !entry.pouvoir_a) return;
      const base: DataPath = ['presences', 'presents', i];
      if (!entry.depart) this.report('proxy-on-leave-without-departure', { name: this.name(entry.id) }, [...base, 'pouvoir_a']);
      check(entry.id, entry.pouvoir_a, 'pouvoir_a', [...base, 'pouvoir_a']);
    });
  }

  /** Arrivals and departures name real points in the right order; substitutes sit for absent titulars. */
  private checkMovements(): void {
    const { presences, seance } = this.r.meeting;
    const hasVotes = this.votes().length > 0;
    const substituted = new Map<string, string>();
    const listedAbsent = new Set(presences.absents.map((a) => (typeof a === 'string' ? a : a.id)));
    // Only the entries written as blocks ({ id, arrivee… }) can say more than an id.
    type Entry = Exclude<(typeof presences.presents)[number] | (typeof presences.invites)[number], string>;
    const entries: { entry: Entry; base: DataPath }[] = [];
    presences.presents.forEach((entry, i) => typeof entry !== 'string' && entries.push({ entry, base: ['presences', 'presents', i] }));
    presences.invites.forEach((entry, i) => typeof entry !== 'string' && entries.push({ entry, base: ['presences', 'invites', i] }));
    presences.autres_listes.forEach((other, k) =>
      other.personnes.forEach((entry, i) => typeof entry !== 'string' && entries.push({ entry, base: ['presences', 'autres_listes', k, 'personnes', i] })),
    );
    for (const { entry, base } of entries) {
      const moments: [key: 'arrivee' | 'depart', Moment | undefined][] = [
        ['arrivee', entry.arrivee],
        ['depart', entry.depart],
      ];
      const resolved: Partial<Record<'arrivee' | 'depart', ResolvedMoment>> = {};
      for (const [key, moment] of moments) {
        if (moment === undefined) continue;
        const m = momentOf(moment);
        resolved[key] = m;
        const path = [...base, key];
        const pointPath = typeof moment === 'object' ? [...path, 'point'] : path;
        if (m.point && !pointExists(this.r.meeting.points, m.point)) this.report('point-not-found', { point: pointLabel(m.point), count: this.r.meeting.points.length }, pointPath);
        if (m.time) {
          const minutes = minutesOfDay(m.time);
          const end = seance.fin ? minutesOfDay(seance.fin) : 24 * 60;
          if (minutes < minutesOfDay(seance.debut) || minutes > end) {
            this.report('moment-outside-session', { time: m.time, start: seance.debut, end: seance.fin ?? '…' }, typeof moment === 'object' ? [...path, 'heure'] : path);
          }
        }
        if (!m.point && hasVotes && entry.id in this.r.composition.membres) this.report('moment-without-point', { name: this.name(entry.id) }, path);
      }
      const { arrivee, depart } = resolved;
      if (arrivee && depart) {
        const backwards =
          arrivee.point && depart.point ? !atOrAfter(depart.point, arrivee.point) || pointLabel(depart.point) === pointLabel(arrivee.point) : arrivee.time && depart.time ? minutesOfDay(depart.time) < minutesOfDay(arrivee.time) : false;
        const show = (m: ResolvedMoment) => [m.time, m.point ? pointLabel(m.point) : undefined].filter(Boolean).join(' / ');
        if (backwards) this.report('departure-before-arrival', { name: this.name(entry.id), departure: show(depart), arrival: show(arrivee) }, [...base, 'depart']);
      }
      if ('remplace' in entry && entry.remplace) {
        const path = [...base, 'remplace'];
        const titular = entry.remplace;
        if (!this.known(titular, path)) continue;
        const person = this.r.people.get(titular)!;
        const substitute = this.r.people.get(entry.id);
        const fr = this.reporter.locale === 'fr';
        const { e } = this.agreement(titular);
        const isListedAbsent = this.r.attendance.get(titular)?.kind === 'absent' && listedAbsent.has(titular);
        // A substitute is a member marked suppleant (or a person of this meeting only), of the same group.
        const reason = !person.member
          ? fr ? 'ce n’est pas un membre' : 'not a member'
          : person.suppleant
            ? fr ? 'c’est un suppléant' : 'a substitute'
            : this.present(titular)
              ? fr ? `${e ? 'elle est présente' : 'il est présent'}` : 'they are present'
              : isListedAbsent
                ? fr ? `${e ? 'elle est listée' : 'il est listé'} parmi les absents : mettez-l${e ? 'a' : 'e'} dans « excuses », ou retirez-l${e ? 'a' : 'e'}` : 'listed absent: move them to “excuses”, or remove them'
                : substitute?.member && !substitute.suppleant
                  ? fr ? `${this.name(entry.id)} est titulaire, pas suppléant (suppleant: true dans la composition)` : `${this.name(entry.id)} is a titular member, not a substitute (suppleant: true in the composition)`
                  : substitute?.member && person.categorie !== substitute.categorie
                    ? fr ? `${this.name(entry.id)} n’est pas du même groupe (categorie)` : `${this.name(entry.id)} is not of the same group (categorie)`
                    : substituted.has(titular)
                      ? fr ? `déjà remplacé${e} par ${this.name(substituted.get(titular)!)}` : `already replaced by ${this.name(substituted.get(titular)!)}`
                      : undefined;
        if (reason) this.report('substitute-invalid', { name: this.name(titular), reason, ...this.agreement(titular) }, path);
        else substituted.set(titular, entry.id);
      }
    }
  }

  /** Reports the second occurrence of an id in a list where each person belongs once. */
  private checkUnique(ids: string[], path: DataPath, list: string, key?: string): void {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) this.report('listed-twice', { name: this.nameIfShown('listed-twice', id), list }, key ? [...path, i, key] : [...path, i]);
      seen.add(id);
    });
  }

  // ── The session ────────────────────────────────────────────────────────────────────────────────────

  private checkSession(): void {
    const { seance, document } = this.r.meeting;
    if (this.known(seance.presidence, ['seance', 'presidence']) && !this.present(seance.presidence)) {
      this.report('chair-not-present', { name: this.name(seance.presidence) }, ['seance', 'presidence']);
    }
    this.checkUnique(seance.secretaires, ['seance', 'secretaires'], '« secretaires »');
    seance.secretaires.forEach((id, i) => {
      const path = ['seance', 'secretaires', i];
      if (this.known(id, path) && !this.present(id)) this.report('secretary-not-present', this.who(id), path);
    });
    seance.officiers.forEach((officer, k) => {
      const ids = typeof officer.personnes === 'string' ? [officer.personnes] : officer.personnes;
      ids.forEach((id, i) => {
        const path = typeof officer.personnes === 'string' ? ['seance', 'officiers', k, 'personnes'] : ['seance', 'officiers', k, 'personnes', i];
        if (this.known(id, path) && !this.present(id)) this.report('officer-not-present', this.who(id), path);
      });
    });
    if (document.date < seance.date) {
      const day = (iso: string) => (this.reporter.locale === 'fr' ? frenchDate(iso) : iso);
      this.report('document-before-meeting', { document: day(document.date), meeting: day(seance.date) }, ['document', 'date']);
    }
    if (seance.fin !== undefined && minutesOfDay(seance.fin) < minutesOfDay(seance.debut)) {
      this.report('end-before-start', { start: seance.debut, end: seance.fin }, ['seance', 'fin']);
    }
  }

  private checkSignatories(): void {
    const signatories = this.r.meeting.signataires ?? [];
    this.checkUnique(signatories.map((s) => s.personne), ['signataires'], '« signataires »', 'personne');
    signatories.forEach((signatory, i) => {
      const path = ['signataires', i, 'personne'];
      if (this.known(signatory.personne, path) && !this.present(signatory.personne)) {
        this.report('signatory-not-present', this.who(signatory.personne), path);
      }
    });
  }

  // ── Content ────────────────────────────────────────────────────────────────────────────────────────

  private checkContent(): void {
    const m = this.r.meeting;
    this.checkBlocks(m.preambule, ['preambule']);
    this.checkBlocks(m.ouverture, ['ouverture']);
    m.points.forEach((item, i) => this.checkItem(item, ['points', i], [i + 1]));
    if (m.cloture) {
      if (m.cloture.formule) this.checkMentions(m.cloture.formule, ['cloture', 'formule']);
      this.checkBlocks(m.cloture.contenu, ['cloture', 'contenu']);
    }
    m.annexes.forEach((annex, i) => {
      if (annex.auteur) this.known(annex.auteur, ['annexes', i, 'auteur']);
      this.checkMentions(annex.titre, ['annexes', i, 'titre']);
      if (annex.contenu.length === 0) this.report('empty-annex', { title: annex.titre }, ['annexes', i, 'titre']);
      this.checkBlocks(annex.contenu, ['annexes', i, 'contenu']);
    });
  }

  private checkItem(item: AgendaItem, path: DataPath, at: PointPath): void {
    this.checkMentions(item.titre, [...path, 'titre']);
    if (item.rapporteur !== undefined) {
      const reporters = typeof item.rapporteur === 'string' ? [item.rapporteur] : item.rapporteur;
      reporters.forEach((id, i) => {
        const p = typeof item.rapporteur === 'string' ? [...path, 'rapporteur'] : [...path, 'rapporteur', i];
        if (this.known(id, p) && !this.present(id)) this.report('speaker-not-present', this.who(id), p);
      });
    }
    if (item.presentation) {
      const presenters = typeof item.presentation.par === 'string' ? [item.presentation.par] : item.presentation.par;
      presenters.forEach((id, i) => {
        const p = typeof item.presentation!.par === 'string' ? [...path, 'presentation', 'par'] : [...path, 'presentation', 'par', i];
        if (this.known(id, p) && !this.present(id)) this.report('presenter-not-present', this.who(id), p);
      });
      const slides = item.presentation.diaporama;
      if (slides !== undefined) {
        const parsed = parseSlides(slides);
        if (parsed.kind === 'range' && parsed.to < parsed.from) {
          this.report('slide-range-backwards', { range: String(slides), fixed: `${parsed.to}-${parsed.from}` }, [...path, 'presentation', 'diaporama']);
        }
      }
    }
    const hasContent = (item.contenu?.length ?? 0) > 0 || (item.points?.length ?? 0) > 0 || item.presentation !== undefined;
    if (!hasContent) this.report('empty-section', { title: item.titre }, [...path, 'titre']);
    if (item.contenu) this.checkBlocks(item.contenu, [...path, 'contenu'], at);
    if (typeof item.sans_question === 'string') this.checkMentions(item.sans_question, [...path, 'sans_question']);
    item.points?.forEach((child, i) => this.checkItem(child, [...path, 'points', i], [...at, i + 1]));
  }

  private checkBlocks(blocks: Block[], path: DataPath, at: PointPath = []): void {
    blocks.forEach((block, i) => this.checkBlock(block, [...path, i], at));
  }

  private checkBlock(block: Block, path: DataPath, at: PointPath): void {
    if (typeof block === 'string') return this.checkMentions(block, path);
    if ('intertitre' in block) return this.checkMentions(block.intertitre, [...path, 'intertitre']);
    if ('liste' in block) return this.checkListItems(block.liste, [...path, 'liste']);
    if ('encadre' in block) {
      if (block.titre) this.checkMentions(block.titre, [...path, 'titre']);
      return this.checkBlocks(block.encadre, [...path, 'encadre'], at);
    }
    if ('filet' in block) return;
    if ('tableau' in block) {
      if (block.legende) this.checkMentions(block.legende, [...path, 'legende']);
      return block.tableau.forEach((row, r) => row.forEach((cell, c) => this.checkMentions(cell, [...path, 'tableau', r, c])));
    }
    if ('image' in block) return this.checkPicture(block, path);
    if ('sans_question' in block) {
      if (typeof block.sans_question === 'string') this.checkMentions(block.sans_question, [...path, 'sans_question']);
      return;
    }
    if ('engagement' in block) {
      if (block.responsable) this.known(block.responsable, [...path, 'responsable']);
      return this.checkMentions(block.engagement, [...path, 'engagement']);
    }
    if ('deliberation' in block) return this.checkDeliberation(block.deliberation, [...path, 'deliberation'], at);
    const [key, text] = 'question' in block ? ['question', block.question] : 'remarque' in block ? ['remarque', block.remarque] : ['reponse', block.reponse];
    const mentions = findMentions(text);
    const speaker = block.par ?? mentions[0]?.id;
    if (!speaker) return this.report('speaker-unknown', {}, [...path, key]);
    if (block.par) {
      if (this.known(block.par, [...path, 'par']) && !this.present(block.par)) this.report('speaker-not-present', this.who(block.par), [...path, 'par']);
      this.checkMentions(text, [...path, key]);
    } else {
      const start = () => this.mentionStart([...path, key], mentions[0]!.id);
      if (this.known(speaker, [...path, key], start) && !this.present(speaker)) {
        this.report('speaker-not-present', this.who(speaker), [...path, key], this.meetingSource, start());
      }
      this.checkMentions(text, [...path, key], 1);
    }
  }

  private checkListItems(items: ListItem[], path: DataPath): void {
    items.forEach((item, i) => {
      if (typeof item === 'string') return this.checkMentions(item, [...path, i]);
      this.checkMentions(item.texte, [...path, i, 'texte']);
      this.checkListItems(item.liste, [...path, i, 'liste']);
    });
  }

  /** A picture must be a whole PNG or JPEG inside the project, its path relative to the meeting file. */
  private checkPicture(block: { image: string; legende?: string | undefined }, at: DataPath): void {
    if (block.legende) this.checkMentions(block.legende, [...at, 'legende']);
    const source = this.meetingSource;
    const baseDir = sourceDir(source);
    const reason = imageProblem(baseDir, block.image, this.r.root, this.reporter.locale);
    if (reason) this.report('image-not-found', { path: block.image, reason }, [...at, 'image']);
  }

  private checkDeliberation(d: Extract<Block, { deliberation: unknown }>['deliberation'], path: DataPath, at: PointPath): void {
    if (d.rapporteur && this.known(d.rapporteur, [...path, 'rapporteur']) && !this.present(d.rapporteur)) {
      this.report('speaker-not-present', this.who(d.rapporteur), [...path, 'rapporteur']);
    }
    this.checkMentions(d.titre, [...path, 'titre']);
    this.checkBlocks(d.texte, [...path, 'texte'], at);
    if (d.vote) {
      const counts = this.countsAt(at);
      const where = counts !== this.counts ? this.atWords(at) : '';
      const voters = counts.total.voters;
      const cast = d.vote.pour + d.vote.contre + d.vote.abstentions + d.vote.ne_prend_pas_part;
      if (cast > voters) this.report('vote-exceeds-voters', { cast, voters, at: where }, [...path, 'vote']);
      if (d.vote.noms) this.checkVoteNames(d.vote, [...path, 'vote', 'noms'], at);
      // A tie may go either way (the chair's casting vote): only a result against the majority is suspicious.
      const rule = majorityRule(this.r.composition.instance);
      const adopted = adoptedBy(d.vote, rule, counts.total.present);
      if (d.resultat && adopted !== undefined && (d.resultat === 'adoptee') !== adopted) {
        this.report('vote-result-mismatch', { result: d.resultat, pour: d.vote.pour, contre: d.vote.contre }, [...path, 'resultat']);
      }
      const chair = this.r.people.get(this.r.meeting.seance.presidence);
      if (d.resultat === 'adoptee' && adopted === undefined && d.vote.pour > 0 && !(chair?.member && chair.voting)) {
        this.report('casting-vote-without-vote', { name: this.name(this.r.meeting.seance.presidence) }, [...path, 'resultat']);
      }
    }
  }

  /** Named votes (public ballot): as many names as votes, each a member present or represented. */
  private checkVoteNames(vote: NonNullable<Extract<Block, { deliberation: unknown }>['deliberation']['vote']>, path: DataPath, at: PointPath): void {
    const noms = vote.noms!;
    const seen = new Map<string, string>();
    for (const key of ['contre', 'abstentions', 'ne_prend_pas_part'] as const) {
      const ids = noms[key];
      ids.forEach((id, i) => {
        const earlier = seen.get(id);
        const list = earlier === undefined ? undefined : earlier === key ? `« ${key} »` : `« ${earlier} » / « ${key} »`;
        if (list) this.report('listed-twice', { name: this.nameIfShown('listed-twice', id), list }, [...path, key, i]);
        seen.set(id, key);
      });
      if (ids.length > 0 && ids.length !== vote[key]) {
        this.report('vote-names-mismatch', { count: ids.length, key, expected: vote[key] }, [...path, key]);
      }
      ids.forEach((id, i) => {
        const here = [...path, key, i];
        if (!this.known(id, here)) return;
        // With arrivals or departures, who could vote is decided at this deliberation's point.
        const point = this.movements ? at : undefined;
        const counted = inRoom(this.r, id, point) || countedState(this.r, id, point) === 'represented';
        if (!counted) this.report('voter-not-counted', { ...this.who(id), at: point ? this.atWords(at) : '' }, here);
      });
    }
  }

  /** Mentions must name declared people; naming someone who was not there is suspicious (warning). */
  private checkMentions(text: string, path: DataPath, skip = 0): void {
    if (!text.includes('@')) return;
    for (const typed of findCapitalisedMentions(text)) {
      const id = typed.toLowerCase();
      if (!this.r.people.has(id)) continue;
      const start = this.reporter.shows('mention-capitalised', this.meetingSource.file) ? this.mentionStart(path, typed) : undefined;
      this.report('mention-capitalised', { typed, id, name: this.name(id) }, path, this.meetingSource, start);
    }
    for (const mention of findMentions(text).slice(skip)) {
      // Where the mention is written: looked up only for a diagnostic.
      const start = () => this.mentionStart(path, mention.id);
      if (this.known(mention.id, path, start) && !this.present(mention.id)) {
        const at = this.reporter.shows('mention-not-present', this.meetingSource.file) ? start() : undefined;
        this.report('mention-not-present', this.who(mention.id), path, this.meetingSource, at);
      }
    }
  }

  /** Position of a piece of text inside a YAML string of `source`, found in the node's source text. */
  private textStart(source: Source, path: DataPath, piece: string): Position | undefined {
    const node = nodeAt(source, path);
    if (!node || !isScalar(node) || !node.range) return undefined;
    const index = source.text.slice(node.range[0], node.range[1]).indexOf(piece);
    if (index < 0) return undefined;
    const p = source.lineCounter.linePos(node.range[0] + index);
    return { line: p.line, column: p.col };
  }

  /** Position of "@id" inside a YAML string: found in the node's source text, whatever its quoting. */
  private mentionStart(path: DataPath, id: string): Position | undefined {
    const source = this.meetingSource;
    const node = nodeAt(source, path);
    if (!node || !isScalar(node) || !node.range) return undefined;
    const raw = source.text.slice(node.range[0], node.range[1]);
    let index: number | undefined;
    if (/^[A-Za-z0-9_-]+$/.test(id)) {
      // "@id" not after a backslash, and not followed by a letter, digit, "_" or "-": the first "@" whose
      // run of those characters is the id. Every run of the text is indexed at once, for all its mentions.
      let offsets = this.mentionOffsets.get(node);
      if (!offsets) {
        offsets = new Map();
        for (const match of raw.matchAll(/(?<!\\)@([A-Za-z0-9_-]+)/g)) if (!offsets.has(match[1]!)) offsets.set(match[1]!, match.index);
        this.mentionOffsets.set(node, offsets);
      }
      index = offsets.get(id);
    } else {
      index = new RegExp(`(?<!\\\\)@${id.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`).exec(raw)?.index;
    }
    if (index === undefined) return undefined;
    const p = source.lineCounter.linePos(node.range[0] + index);
    return { line: p.line, column: p.col };
  }
}

const FR_LISTS: Record<string, string> = { presents: 'présents', excuses: 'excusés', absents: 'absents', invites: 'invités' };
const EN_LISTS: Record<string, string> = { presents: 'present', excuses: 'excused', absents: 'absent', invites: 'guest' };
