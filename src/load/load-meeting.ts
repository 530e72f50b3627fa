// Loads a meeting file and the organisation and composition files it refers to, checks each against its
// schema, and reports every problem with the file it belongs to. Cross-checks come after (validate/).
import path from 'node:path';
import type { z } from 'zod';
import { Composition, Meeting, Organisation } from '../model/schema.js';
import type { Reporter, Source } from '../validate/diagnostic.js';
import { reportSchemaIssues } from '../validate/schema-issues.js';
import { parseOptions } from '../validate/schema-messages.js';
import { locate } from '../validate/locate.js';
import { decodeText, parseYaml, readBytes, readYamlBytes, MAX_ALIASES, MAX_FILE_BYTES, type FileBytes, type LoadedYaml } from './read-yaml.js';
import { readFailureReason } from './read-file.js';
import { projectRoot, staysInside, type ProjectOptions } from './project-root.js';

export interface LoadedMeeting {
  file: string;
  meeting: Meeting;
  composition: Composition;
  organisation?: Organisation;
  /** The project folder that included files (composition, organisation, logo) must stay in. */
  root: string;
  /** Where each part came from: for positions in diagnostics and relative paths (logo). */
  sources: { meeting: Source; composition: Source; organisation?: Source };
}

export type FileKind = 'seance' | 'composition' | 'organisation';

/**
 * What a file describes, from its editor modeline or else its keys: `clu validate *.yaml` then checks
 * the shared composition and organisation files too, each against its own schema.
 */
export function detectKind(text: string, data: unknown): FileKind {
  const modeline = /^#\s*yaml-language-server:\s*\$schema=\S*?(seance|composition|organisation)\.schema\.json/m.exec(text);
  if (modeline) return modeline[1] as FileKind;
  const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  if (keys.some((k) => ['seance', 'presences', 'points', 'document'].includes(k))) return 'seance';
  if (keys.includes('membres') || keys.includes('instance')) return 'composition';
  if (keys.some((k) => ['marque', 'services', 'contact'].includes(k))) return 'organisation';
  return 'seance';
}

export type LoadedFile =
  | { kind: 'seance'; meeting?: LoadedMeeting }
  | { kind: 'composition'; composition?: { data: Composition; source: Source } }
  | { kind: 'organisation' };

/** A file read from elsewhere than its path (standard input), with the folder its includes start from. */
export interface InlineInput {
  bytes: Buffer;
  baseDir: string;
}

/** Loads any clu file, checking it against the schema of its kind. */
export function loadFile(file: string, reporter: Reporter, options: ProjectOptions = {}, inline?: InlineInput): LoadedFile | undefined {
  const bytes: FileBytes = inline ? (inline.bytes.length > MAX_FILE_BYTES ? { tooLarge: inline.bytes.length } : { bytes: inline.bytes }) : readBytes(file);
  const parsed = loadYamlFile(file, bytes, reporter);
  if (!parsed) return undefined;
  if (inline) parsed.source.baseDir = inline.baseDir;
  const kind = detectKind(parsed.source.text, parsed.data);
  if (kind === 'seance') {
    const meeting = meetingFromParsed(parsed.source, parsed.data, reporter, options);
    return { kind, ...(meeting ? { meeting } : {}) };
  }
  const schema = kind === 'composition' ? Composition : Organisation;
  const result = schema.safeParse(parsed.data, parseOptions(reporter.locale));
  if (!result.success) {
    reportSchemaIssues(schema, parsed.data, result.error.issues, parsed.source, reporter);
    return { kind };
  }
  return kind === 'composition' ? { kind, composition: { data: result.data as Composition, source: parsed.source } } : { kind };
}

/**
 * Returns the loaded meeting when every file is schema-valid, otherwise undefined (diagnostics are in
 * the reporter). Throws UsageError only when the meeting file itself cannot be read.
 */
export function loadMeeting(file: string, reporter: Reporter, options: ProjectOptions = {}): LoadedMeeting | undefined {
  const parsed = loadYamlFile(file, readBytes(file), reporter);
  if (!parsed) return undefined;
  return meetingFromParsed(parsed.source, parsed.data, reporter, options);
}

/**
 * Keys of the meeting that hold its content. When the form errors are all inside them, the rest of the
 * meeting (attendance, session, dates) is still cross-checked, with the content left out for now.
 */
const CONTENT_KEYS = new Set(['preambule', 'ouverture', 'points', 'cloture', 'annexes', 'signataires', 'libelles']);

function meetingFromParsed(source: Source, data: unknown, reporter: Reporter, options: ProjectOptions): LoadedMeeting | undefined {
  const file = source.file;
  let result = Meeting.safeParse(data, parseOptions(reporter.locale));
  if (!result.success) {
    reportSchemaIssues(Meeting, data, result.error.issues, source, reporter);
    const sections = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')));
    if ([...sections].every((key) => CONTENT_KEYS.has(key)) && data && typeof data === 'object') {
      const withoutContent = Object.fromEntries(Object.entries(data).filter(([key]) => !sections.has(key)));
      result = Meeting.safeParse(withoutContent, parseOptions(reporter.locale));
    }
  }

  // The included files are checked even when the meeting itself has errors: all problems at once.
  const root = projectRoot(file, options);
  const composition = loadPart('composition', Composition, (data as { composition?: unknown })?.composition, source, root, reporter);
  const organisation = loadPart('organisation', Organisation, (data as { organisation?: unknown })?.organisation, source, root, reporter);

  if (!result.success || !composition.ok || !organisation.ok || !composition.value) return undefined;
  return {
    file,
    meeting: result.data,
    composition: composition.value.data,
    ...(organisation.value ? { organisation: organisation.value.data } : {}),
    root,
    sources: {
      meeting: source,
      composition: composition.value.source,
      ...(organisation.value ? { organisation: organisation.value.source } : {}),
    },
  };
}

function loadYamlFile(file: string, bytes: FileBytes, reporter: Reporter) {
  const text = decodeText(file, bytes, reporter);
  if (text === undefined) return undefined;
  const parsed = parseYaml(file, text, reporter);
  return parsed.data === undefined ? undefined : parsed;
}

/**
 * Included files parsed in this process, by the name they are reported under: the meetings of a batch
 * share their composition and organisation, parsed once while the bytes stay the same. Only a file that
 * parsed without a problem is kept (one with a problem is parsed again, so that every run reports it);
 * each use gets plain data of its own, made again from the parsed document.
 */
const parsedIncludes = new Map<string, { bytes: Buffer; source: Source }>();

function loadInclude(display: string, bytes: FileBytes, reporter: Reporter): LoadedYaml | undefined {
  const known = parsedIncludes.get(display);
  if ('bytes' in bytes && known?.source.doc && known.bytes.equals(bytes.bytes)) {
    reporter.sources.set(display, known.source.text);
    return { source: known.source, data: known.source.doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  }
  const reported = reporter.reportedCount;
  const parsed = loadYamlFile(display, bytes, reporter);
  if (parsed && 'bytes' in bytes && reporter.reportedCount === reported) parsedIncludes.set(display, { bytes: bytes.bytes, source: parsed.source });
  return parsed;
}

interface Part<T> {
  ok: boolean;
  value?: { data: T; source: Source };
}

/**
 * An included part is either inline in the meeting (checked with the meeting, positions in the meeting
 * file) or a path to a YAML file of its own, relative to the meeting file and inside the project.
 */
function loadPart<S extends z.ZodType>(
  kind: 'composition' | 'organisation',
  schema: S,
  value: unknown,
  meetingSource: Source,
  root: string,
  reporter: Reporter,
): Part<z.output<S>> {
  if (value === undefined || value === null) return { ok: true };
  if (typeof value !== 'string') {
    const inline = schema.safeParse(value, parseOptions(reporter.locale));
    return inline.success ? { ok: true, value: { data: inline.data, source: meetingSource } } : { ok: false };
  }
  const baseDir = meetingSource.baseDir ?? path.dirname(meetingSource.file);
  const target = path.resolve(baseDir, value);
  const where = () => {
    const located = locate(meetingSource, [kind]);
    return { file: meetingSource.file, start: located.start, path: [kind] };
  };
  // Checked before anything is read: a diagnostic quotes the file it is about, so a path outside the
  // project, or to a file that is not YAML (.env, a key), would print another file's content.
  if (!/\.ya?ml$/i.test(value)) {
    reporter.add('include-not-yaml', { kind, path: value }, where());
    return { ok: false };
  }
  if (!staysInside(target, root)) {
    reporter.add('include-outside-project', { kind, path: value, root }, where());
    return { ok: false };
  }
  let bytes: FileBytes;
  try {
    bytes = readYamlBytes(target);
  } catch (error) {
    const reason = readFailureReason(error, reporter.locale);
    reporter.add('include-not-found', { kind, path: value, reason }, where());
    return { ok: false };
  }
  const display = path.isAbsolute(value) ? value : path.join(meetingSource.baseDir !== undefined ? path.relative(process.cwd(), baseDir) : baseDir, value);
  const parsed = loadInclude(display, bytes, reporter);
  if (!parsed) return { ok: false };
  const result = schema.safeParse(parsed.data, parseOptions(reporter.locale));
  if (!result.success) {
    reportSchemaIssues(schema, parsed.data, result.error.issues, parsed.source, reporter);
    return { ok: false };
  }
  return { ok: true, value: { data: result.data, source: parsed.source } };
}
