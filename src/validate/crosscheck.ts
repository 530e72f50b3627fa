// Checks that need the whole meeting: every id declared, one attendance state per person, representatives
// and proxy holders present, speakers, presenters and signatories present, dates and times in order,
// slides, votes. Each problem is reported at the place in the YAML where it can be fixed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isScalar, type Node } from 'yaml';
import type { Block, AgendaItem, Composition } from '../model/schema.js';
import { isPresent, type ResolvedMeeting } from '../model/resolve.js';
import { computeCounts, countedState, type MeetingCounts } from '../model/counts.js';
import { findCapitalisedMentions, findMentions } from '../model/mentions.js';
import { displayName } from '../model/names.js';
import { parseSlides } from '../model/slides.js';
import { minutesOfDay } from '../model/time.js';
import { frenchDate } from '../typography/dates.js';
import type { Reporter, Source, Position } from './diagnostic.js';
import type { MessageCode, MessageParams } from './messages.js';
import { locate, type DataPath } from './locate.js';
import { didYouMean } from './suggest.js';

export function crossCheck(resolved: ResolvedMeeting, reporter: Reporter): void {
  new CrossChecker(resolved, reporter).run();
}

/** Checks a composition on its own: every member's category is declared. */
export function checkComposition(composition: { data: Composition; source: Source }, reporter: Reporter, prefix: DataPath = []): void {
  const categories = Object.keys(composition.data.categories);
  for (const [id, person] of Object.entries(composition.data.membres)) {
    if (person.categorie && !categories.includes(person.categorie)) {
      const suggestion = didYouMean(reporter.locale, person.categorie, categories);
      const path = [...prefix, 'membres', id, 'categorie'];
      const located = locate(composition.source, path);
      reporter.add('unknown-category', { id: person.categorie, suggestion, allowed: categories.join(', ') || '—' }, { file: composition.source.file, start: located.start, ...(located.end ? { end: located.end } : {}), path });
    }
  }
}

class CrossChecker {
  private readonly meetingSource: Source;
  private countsCache: MeetingCounts | undefined;

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
    this.checkQuorum();
  }

  private checkLogo(): void {
    const logo = this.r.organisation?.marque?.logo;
    const source = this.r.sources.organisation;
    if (!logo || !source) return;
    const prefix: DataPath = source === this.meetingSource ? ['organisation'] : [];
    const file = path.resolve(path.dirname(path.resolve(source.file)), logo.fichier);
    let reason: string | undefined;
    try {
      const head = readFileSync(file).subarray(0, 4);
      const png = head[0] === 0x89 && head[1] === 0x50;
      const jpeg = head[0] === 0xff && head[1] === 0xd8;
      if (!png && !jpeg) reason = this.reporter.locale === 'fr' ? 'ni PNG ni JPEG' : 'neither PNG nor JPEG';
    } catch (error) {
      reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? (this.reporter.locale === 'fr' ? 'fichier introuvable' : 'no such file') : (error as Error).message;
    }
    if (reason) this.report('logo-not-found', { path: logo.fichier, reason }, [...prefix, 'marque', 'logo', 'fichier'], source);
  }

  /** Votes taken without a quorum are void: worth a warning when the body defines its rule. */
  private checkQuorum(): void {
    const quorum = this.counts.quorum;
    if (!quorum || quorum.reached) return;
    const votes = this.votePaths();
    if (votes.length > 0) this.report('quorum-not-reached', { counted: quorum.counted, required: quorum.required }, votes[0]!);
  }

  private votePaths(): DataPath[] {
    const found: DataPath[] = [];
    const walk = (items: AgendaItem[], path: DataPath) =>
      items.forEach((item, i) => {
        (item.contenu ?? []).forEach((block, j) => {
          if (typeof block === 'object' && 'deliberation' in block && block.deliberation.vote) found.push([...path, i, 'contenu', j, 'deliberation', 'vote']);
        });
        walk(item.points ?? [], [...path, i, 'points']);
      });
    walk(this.r.meeting.points, ['points']);
    return found;
  }

  /** The attendance counts, computed once for every vote and the quorum. */
  private get counts(): MeetingCounts {
    this.countsCache ??= computeCounts(this.r);
    return this.countsCache;
  }

  // ── Reporting helpers ──────────────────────────────────────────────────────────────────────────────

  private report(code: MessageCode, params: MessageParams, path: DataPath, source = this.meetingSource, start?: Position, key = false): void {
    const located = locate(source, path, { key });
    this.reporter.add(code, params, { file: source.file, start: start ?? located.start, ...(start ? {} : located.end ? { end: located.end } : {}), path });
  }

  /** Gender agreement in French messages, from the civility: {e} → "e", {le} → "la" for Mme. */
  private agreement(id: string): { e: string; le: string } {
    const feminine = this.r.people.get(id)?.civilite === 'Mme';
    return { e: feminine ? 'e' : '', le: feminine ? 'la' : 'le' };
  }

  /** The person's name and the agreement that goes with it. */
  private who(id: string): { name: string; e: string; le: string } {
    return { name: this.name(id), ...this.agreement(id) };
  }

  private name(id: string): string {
    const person = this.r.people.get(id);
    return person ? displayName(person, 'full') : id;
  }

  /** Reports an unknown id; returns true when the id is declared. */
  private known(id: string, path: DataPath, start?: Position): boolean {
    if (this.r.people.has(id)) return true;
    const suggestion = didYouMean(this.reporter.locale, id, [...this.r.people.keys()]);
    this.report('unknown-id', { id, suggestion }, path, this.meetingSource, start);
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
      if (id in this.r.composition.membres) this.report('duplicate-person', { id }, ['personnes', id]);
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
        if (previous === list) this.report('listed-twice', { name: this.name(id), list: `« ${list} »` }, path);
        else this.report('attendance-conflict', { name: this.name(id), first: stateName(previous), second: stateName(list) }, path);
        return;
      }
      seen.set(id, list);
      const person = this.r.people.get(id)!;
      if (list === 'invites' && person.member) this.report('guest-is-member', { name: this.name(id) }, path);
      if (list !== 'invites' && !person.member) this.report('not-a-member', { name: this.name(id) }, path);
    };
    presences.presents.forEach((id, i) => note(id, 'presents', ['presences', 'presents', i]));
    presences.invites.forEach((id, i) => note(id, 'invites', ['presences', 'invites', i]));
    presences.excuses.forEach((entry, i) => note(typeof entry === 'string' ? entry : entry.id, 'excuses', typeof entry === 'string' ? ['presences', 'excuses', i] : ['presences', 'excuses', i, 'id']));
    presences.absents.forEach((id, i) => note(id, 'absents', ['presences', 'absents', i]));

    const holders = new Map<string, string>();
    presences.excuses.forEach((entry, i) => {
      if (typeof entry === 'string') return;
      const base: DataPath = ['presences', 'excuses', i];
      if (entry.represente_par && entry.pouvoir_a) this.report('represented-and-proxy', { name: this.name(entry.id) }, base);
      const check = (holder: string | undefined, key: 'represente_par' | 'pouvoir_a') => {
        if (!holder) return;
        const path = [...base, key];
        if (!this.known(holder, path)) return;
        if (holder === entry.id) return this.report('self-reference', { name: this.name(holder) }, path);
        if (!this.present(holder)) {
          return this.report(key === 'pouvoir_a' ? 'proxy-holder-not-present' : 'representative-not-present', { holder: this.name(holder), name: this.name(entry.id), ...this.agreement(holder) }, path);
        }
        if (key === 'pouvoir_a' && !this.r.people.get(holder)?.member) {
          return this.report('proxy-holder-not-member', { holder: this.name(holder) }, path);
        }
        if (key === 'pouvoir_a') {
          const other = holders.get(holder);
          if (other) return this.report('proxy-holder-multiple', { holder: this.name(holder), other: this.name(other) }, path);
          holders.set(holder, entry.id);
        }
      };
      check(entry.represente_par, 'represente_par');
      check(entry.pouvoir_a, 'pouvoir_a');
    });

    for (const [id, person] of this.r.people) {
      if (person.member && !listed.has(id)) this.report('attendance-missing', this.who(id), ['presences'], this.meetingSource, undefined, true);
    }
  }

  /** Reports the second occurrence of an id in a list where each person belongs once. */
  private checkUnique(ids: string[], path: DataPath, list: string, key?: string): void {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) this.report('listed-twice', { name: this.name(id), list }, key ? [...path, i, key] : [...path, i]);
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
    if (document.date < seance.date) {
      const day = (iso: string) => (this.reporter.locale === 'fr' ? frenchDate(iso) : iso);
      this.report('document-before-meeting', { document: day(document.date), meeting: day(seance.date) }, ['document', 'date']);
    }
    if (seance.fin !== undefined && minutesOfDay(seance.fin) < minutesOfDay(seance.debut)) {
      this.report('end-before-start', { start: seance.debut, end: seance.fin }, ['seance', 'fin']);
    }
  }

  private checkSignatories(): void {
    this.checkUnique(this.r.meeting.signataires.map((s) => s.personne), ['signataires'], '« signataires »', 'personne');
    this.r.meeting.signataires.forEach((signatory, i) => {
      const path = ['signataires', i, 'personne'];
      if (this.known(signatory.personne, path) && !this.present(signatory.personne)) {
        this.report('signatory-not-present', this.who(signatory.personne), path);
      }
    });
  }

  // ── Content ────────────────────────────────────────────────────────────────────────────────────────

  private checkContent(): void {
    const m = this.r.meeting;
    this.checkBlocks(m.ouverture, ['ouverture']);
    m.points.forEach((item, i) => this.checkItem(item, ['points', i]));
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

  private checkItem(item: AgendaItem, path: DataPath): void {
    this.checkMentions(item.titre, [...path, 'titre']);
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
    if (item.contenu) this.checkBlocks(item.contenu, [...path, 'contenu']);
    if (typeof item.sans_question === 'string') this.checkMentions(item.sans_question, [...path, 'sans_question']);
    item.points?.forEach((child, i) => this.checkItem(child, [...path, 'points', i]));
  }

  private checkBlocks(blocks: Block[], path: DataPath): void {
    blocks.forEach((block, i) => this.checkBlock(block, [...path, i]));
  }

  private checkBlock(block: Block, path: DataPath): void {
    if (typeof block === 'string') return this.checkMentions(block, path);
    if ('intertitre' in block) return this.checkMentions(block.intertitre, [...path, 'intertitre']);
    if ('liste' in block) return block.liste.forEach((item, i) => this.checkMentions(item, [...path, 'liste', i]));
    if ('sans_question' in block) {
      if (typeof block.sans_question === 'string') this.checkMentions(block.sans_question, [...path, 'sans_question']);
      return;
    }
    if ('engagement' in block) {
      if (block.responsable) this.known(block.responsable, [...path, 'responsable']);
      return this.checkMentions(block.engagement, [...path, 'engagement']);
    }
    if ('deliberation' in block) return this.checkDeliberation(block.deliberation, [...path, 'deliberation']);
    const [key, text] = 'question' in block ? ['question', block.question] : 'remarque' in block ? ['remarque', block.remarque] : ['reponse', block.reponse];
    const mentions = findMentions(text);
    const speaker = block.par ?? mentions[0]?.id;
    if (!speaker) return this.report('speaker-unknown', {}, [...path, key]);
    if (block.par) {
      if (this.known(block.par, [...path, 'par']) && !this.present(block.par)) this.report('speaker-not-present', this.who(block.par), [...path, 'par']);
      this.checkMentions(text, [...path, key]);
    } else {
      const start = this.mentionStart([...path, key], mentions[0]!.id);
      if (this.known(speaker, [...path, key], start) && !this.present(speaker)) {
        this.report('speaker-not-present', this.who(speaker), [...path, key], this.meetingSource, start);
      }
      this.checkMentions(text, [...path, key], 1);
    }
  }

  private checkDeliberation(d: Extract<Block, { deliberation: unknown }>['deliberation'], path: DataPath): void {
    if (d.rapporteur && this.known(d.rapporteur, [...path, 'rapporteur']) && !this.present(d.rapporteur)) {
      this.report('speaker-not-present', this.who(d.rapporteur), [...path, 'rapporteur']);
    }
    this.checkMentions(d.titre, [...path, 'titre']);
    this.checkBlocks(d.texte, [...path, 'texte']);
    if (d.vote) {
      const voters = this.counts.total.voters;
      const cast = d.vote.pour + d.vote.contre + d.vote.abstentions + d.vote.ne_prend_pas_part;
      if (cast > voters) this.report('vote-exceeds-voters', { cast, voters }, [...path, 'vote']);
      if (d.vote.noms) this.checkVoteNames(d.vote, [...path, 'vote', 'noms']);
      // A tie may go either way (the chair's casting vote): only a result against the majority is suspicious.
      const adopted = d.vote.pour > d.vote.contre;
      const tie = d.vote.pour === d.vote.contre;
      if (d.resultat && !tie && (d.resultat === 'adoptee') !== adopted) {
        this.report('vote-result-mismatch', { result: d.resultat, pour: d.vote.pour, contre: d.vote.contre }, [...path, 'resultat']);
      }
    }
  }

  /** Named votes (public ballot): as many names as votes, each a member present or represented. */
  private checkVoteNames(vote: NonNullable<Extract<Block, { deliberation: unknown }>['deliberation']['vote']>, path: DataPath): void {
    const noms = vote.noms!;
    const seen = new Map<string, string>();
    for (const key of ['contre', 'abstentions', 'ne_prend_pas_part'] as const) {
      const ids = noms[key];
      ids.forEach((id, i) => {
        const earlier = seen.get(id);
        const list = earlier === undefined ? undefined : earlier === key ? `« ${key} »` : `« ${earlier} » / « ${key} »`;
        if (list) this.report('listed-twice', { name: this.name(id), list }, [...path, key, i]);
        seen.set(id, key);
      });
      if (ids.length > 0 && ids.length !== vote[key]) {
        this.report('vote-names-mismatch', { count: ids.length, key, expected: vote[key] }, [...path, key]);
      }
      ids.forEach((id, i) => {
        const at = [...path, key, i];
        if (!this.known(id, at)) return;
        if (!this.present(id) && countedState(this.r, id) !== 'represented') this.report('voter-not-counted', this.who(id), at);
      });
    }
  }

  /** Mentions must name declared people; naming someone who was not there is suspicious (warning). */
  private checkMentions(text: string, path: DataPath, skip = 0): void {
    for (const typed of findCapitalisedMentions(text)) {
      const id = typed.toLowerCase();
      if (!this.r.people.has(id)) continue;
      this.report('mention-capitalised', { typed, id, name: this.name(id) }, path, this.meetingSource, this.mentionStart(path, typed));
    }
    for (const mention of findMentions(text).slice(skip)) {
      const start = this.mentionStart(path, mention.id);
      if (this.known(mention.id, path, start) && !this.present(mention.id)) {
        this.report('mention-not-present', this.who(mention.id), path, this.meetingSource, start);
      }
    }
  }

  /** Position of "@id" inside a YAML string: found in the node's source text, whatever its quoting. */
  private mentionStart(path: DataPath, id: string): Position | undefined {
    const source = this.meetingSource;
    const doc = source.doc;
    if (!doc) return undefined;
    const node = doc.getIn(path, true) as Node | undefined;
    if (!node || !isScalar(node) || !node.range) return undefined;
    const raw = source.text.slice(node.range[0], node.range[1]);
    const found = new RegExp(`(?<!\\\\)@${id.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`).exec(raw);
    if (!found) return undefined;
    const p = source.lineCounter.linePos(node.range[0] + found.index);
    return { line: p.line, column: p.col };
  }
}

const FR_LISTS: Record<string, string> = { presents: 'présents', excuses: 'excusés', absents: 'absents', invites: 'invités' };
const EN_LISTS: Record<string, string> = { presents: 'present', excuses: 'excused', absents: 'absent', invites: 'guest' };
