// The validation stage of the pipeline: load (YAML + schema), resolve, cross-check. Returns the resolved
// meeting when the files could be loaded, whether or not the cross-checks found errors.
import { loadFile, loadMeeting } from '../load/load-meeting.js';
import { resolveMeeting, type ResolvedMeeting } from '../model/resolve.js';
import { checkComposition, crossCheck } from './crosscheck.js';
import type { Reporter } from './diagnostic.js';

export function validateMeeting(file: string, reporter: Reporter): ResolvedMeeting | undefined {
  const loaded = loadMeeting(file, reporter);
  if (!loaded) return undefined;
  const resolved = resolveMeeting(loaded);
  crossCheck(resolved, reporter);
  return resolved;
}

/** `clu validate` accepts every kind of clu file: meetings, and the compositions and organisations they share. */
export function validateAnyFile(file: string, reporter: Reporter): void {
  const loaded = loadFile(file, reporter);
  if (loaded?.kind === 'seance' && loaded.meeting) crossCheck(resolveMeeting(loaded.meeting), reporter);
  if (loaded?.kind === 'composition' && loaded.composition) checkComposition(loaded.composition, reporter);
}
