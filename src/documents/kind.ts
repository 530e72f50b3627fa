// A document kind says which documents a source (a meeting, or a composition before the meeting) gives,
// how they are named, and how each one's tree is built and styled. The minutes and the sign-in sheet are
// kinds; the acts, the list of deliberations, the register and the convocation are to be added the same
// way (src/documents/registry.ts). The pipeline (src/pipeline/render.ts) plans, composes and writes them.
import type { DocumentTree } from '../document/tree.js';
import type { Stylesheet } from '../document/stylesheet.js';
import type { Composition } from '../model/schema.js';
import type { ResolvedMeeting } from '../model/resolve.js';
import type { TemplateCache, TemplateEntry } from '../compose/template-cache.js';

/** What documents are made from: a validated meeting, or a composition with the details of a meeting to come. */
export type DocumentSource =
  | { type: 'meeting'; file: string; meeting: ResolvedMeeting }
  | { type: 'composition'; file: string; composition: Composition; details: MeetingDetails };

/** The day, time and place of a meeting known only from the command line (a sheet printed beforehand). */
export interface MeetingDetails {
  date: string;
  heure?: string;
  lieu?: string;
}

/** What every kind may use while it plans: the run's templates, the environment (SOURCE_DATE_EPOCH). */
export interface KindContext {
  /** The working directory input paths are relative to. */
  cwd: string;
  templates: TemplateCache;
  /** The template given on the command line (--template), which wins over the files' own. */
  forced?: TemplateEntry;
  env: Record<string, string | undefined>;
}

/** One document to write: its name, its style, where its pictures are, and how to build its tree. */
export interface PlannedDocument {
  /** The input file it comes from (messages, and the check that no output overwrites an input). */
  from: string;
  /** The file name without its format's extension ("clu-vienne-2021-05-06", "….emargement"). */
  name: string;
  stylesheet: Stylesheet;
  /** The folder the outputs go to unless the run names one (next to the input). */
  folder: string;
  /** The folder relative picture paths start from, and the folders pictures may be read from. */
  baseDir: string;
  imageScope?: readonly string[];
  /** The files the document is made from, never overwritten by an output. */
  inputs: string[];
  compose(): DocumentTree;
}

export interface DocumentKind {
  /** The kind's name, as a library caller gives it ("minutes", "sign-in-sheet"). */
  id: string;
  /** The documents this kind makes from one source (none when the source is not for it). */
  plan(source: DocumentSource, context: KindContext): Promise<PlannedDocument[]>;
}
