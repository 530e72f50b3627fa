// The validation stage of the pipeline: load (YAML + schema), resolve, cross-check. Returns the resolved
// meeting when the files could be loaded, whether or not the cross-checks found errors.
import { loadFile, loadMeeting, type InlineInput } from '../load/load-meeting.js';
import { resolveMeeting, type ResolvedMeeting } from '../model/resolve.js';
import { checkComposition, crossCheck } from './crosscheck.js';
import type { Reporter, Source } from './diagnostic.js';
import type { Composition } from '../model/schema.js';
import type { ProjectOptions } from '../load/project-root.js';
import type { Coverage } from '../document/fallback-fonts.js';
import { checkPrintable } from './printable.js';
import { checkTextLengths } from './text-length.js';

export interface ValidationOptions extends ProjectOptions {
  /** The font the PDF will draw the text with (default: the default stylesheet's): its coverage is checked. false: no PDF, no check. */
  font?: Coverage | false;
}

export function validateMeeting(file: string, reporter: Reporter, options: ValidationOptions = {}): ResolvedMeeting | undefined {
  const loaded = loadMeeting(file, reporter, options);
  if (!loaded) return undefined;
  const resolved = resolveMeeting(loaded);
  crossCheck(resolved, reporter);
  checkTextLengths(Object.values(resolved.sources).filter((s) => s !== undefined), reporter);
  if (options.font !== false) checkPrintable(Object.values(resolved.sources).filter((s) => s !== undefined), reporter, options.font);
  return resolved;
}

export type ValidatedFile =
  | { kind: 'seance'; meeting?: ResolvedMeeting }
  | { kind: 'composition'; composition?: { data: Composition; source: Source } }
  | { kind: 'organisation' };

/**
 * Any kind of clu file: meetings, and the compositions and organisations they share (told apart by
 * their modeline or keys). Returns what could be loaded; the diagnostics are in the reporter.
 */
export function validateAnyFile(file: string, reporter: Reporter, options: ValidationOptions = {}, inline?: InlineInput): ValidatedFile | undefined {
  const loaded = loadFile(file, reporter, options, inline);
  if (loaded?.kind === 'seance') {
    if (!loaded.meeting) return { kind: 'seance' };
    const meeting = resolveMeeting(loaded.meeting);
    crossCheck(meeting, reporter);
    checkTextLengths(Object.values(meeting.sources).filter((s) => s !== undefined), reporter);
    if (options.font !== false) checkPrintable(Object.values(meeting.sources).filter((s) => s !== undefined), reporter, options.font);
    return { kind: 'seance', meeting };
  }
  if (loaded?.kind === 'composition' && loaded.composition) {
    checkComposition(loaded.composition, reporter);
    if (options.font !== false) checkPrintable([loaded.composition.source], reporter, options.font);
  }
  return loaded;
}
