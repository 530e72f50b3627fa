// The validation stage of the pipeline: load (YAML + schema), resolve, cross-check. Returns the resolved
// meeting when the files could be loaded, whether or not the cross-checks found errors.
import { loadMeeting } from '../load/load-meeting.js';
import { resolveMeeting, type ResolvedMeeting } from '../model/resolve.js';
import { crossCheck } from './crosscheck.js';
import type { Reporter } from './diagnostic.js';

export function validateMeeting(file: string, reporter: Reporter): ResolvedMeeting | undefined {
  const loaded = loadMeeting(file, reporter);
  if (!loaded) return undefined;
  const resolved = resolveMeeting(loaded);
  crossCheck(resolved, reporter);
  return resolved;
}
