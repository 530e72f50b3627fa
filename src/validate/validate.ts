// The validation stage of the pipeline: load (YAML + schema), resolve, cross-check. Returns the resolved
// meeting when the files could be loaded, whether or not the cross-checks found errors.
import { loadFile, loadMeeting } from '../load/load-meeting.js';
import { resolveMeeting, type ResolvedMeeting } from '../model/resolve.js';
import { checkComposition, crossCheck } from './crosscheck.js';
import type { Reporter, Source } from './diagnostic.js';
import type { Composition } from '../model/schema.js';

export function validateMeeting(file: string, reporter: Reporter): ResolvedMeeting | undefined {
  const loaded = loadMeeting(file, reporter);
  if (!loaded) return undefined;
  const resolved = resolveMeeting(loaded);
  crossCheck(resolved, reporter);
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
export function validateAnyFile(file: string, reporter: Reporter): ValidatedFile | undefined {
  const loaded = loadFile(file, reporter);
  if (loaded?.kind === 'seance') {
    if (!loaded.meeting) return { kind: 'seance' };
    const meeting = resolveMeeting(loaded.meeting);
    crossCheck(meeting, reporter);
    return { kind: 'seance', meeting };
  }
  if (loaded?.kind === 'composition' && loaded.composition) checkComposition(loaded.composition, reporter);
  return loaded;
}
