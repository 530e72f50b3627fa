// How the documents of an input are named: after the input file, or after the date for standard input.
import path from 'node:path';

/** How a meeting read from standard input is named in messages. */
export const STDIN_NAME = '<stdin>';

/** The name the documents of `file` start with (without extension). */
export function outputStem(file: string, date: string): string {
  return file === STDIN_NAME ? `seance-${date}` : path.parse(file).name;
}

/** The files a meeting is made from (itself, its composition, organisation, includes): never overwritten. */
export function meetingInputs(meeting: { sources: Record<string, { file: string } | undefined> }, cwd: string): string[] {
  return Object.values(meeting.sources).flatMap((source) => (source ? [path.resolve(cwd, source.file)] : []));
}
