// Standard output or error that cannot be written to, as bin/clu sees it. A closed pipe (EPIPE: `clu schema
// seance | head -1`) is no error, as for Unix tools: nothing said, the command's own exit code. Anything
// else (ENOSPC: `> /dev/full`, EIO, EDQUOT…) is one line on standard error and exit code 2 (clu could not
// run), once the command has finished: what it wrote elsewhere (render commits its files before printing
// their paths) stays written, and the line says only that standard output could not be written.
import { fsReason } from '../output/fs-reason.js';

export interface WatchedStream {
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(chunk: string): unknown;
}

/** src/validate/messages.ts's localeFromEnv, whose module (every message) bin/clu must not load at start. */
const localeFromEnv = (env: Record<string, string | undefined>): 'en' | 'fr' =>
  /^fr([_.-]|$)/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'fr' : 'en';

/** The line for a standard stream that could not be written, in the user's language. */
export function standardStreamMessage(error: unknown, stream: 'stdout' | 'stderr', env: Record<string, string | undefined>): string {
  const locale = localeFromEnv(env);
  const reason = fsReason(error, locale);
  if (locale === 'fr') return `clu : impossible d’écrire sur la ${stream === 'stdout' ? 'sortie standard' : 'sortie d’erreur'} : ${reason}\n`;
  return `clu: cannot write to standard ${stream === 'stdout' ? 'output' : 'error'}: ${reason}\n`;
}

/**
 * Listens for the errors of standard output and error; returns the exit code for a command that ended
 * with `code`. The first error counts; later ones (writes to the stream once it has failed) are ignored.
 */
export function watchStandardStreams(
  streams: { stdout: WatchedStream; stderr: WatchedStream },
  env: Record<string, string | undefined>,
  setExitCode: (code: number) => void,
): (code: number) => number {
  let failed = false;
  const watch = (stream: WatchedStream, name: 'stdout' | 'stderr') =>
    stream.on('error', (error) => {
      if (failed) return;
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      failed = true;
      // Said at once (the command may go on for a while), on standard error if that is not what failed.
      if (name === 'stdout') {
        try {
          streams.stderr.write(standardStreamMessage(error, name, env));
        } catch {
          // Standard error too: the exit code says it.
        }
      }
      setExitCode(EXIT_CANNOT_RUN);
    });
  watch(streams.stdout, 'stdout');
  watch(streams.stderr, 'stderr');
  return (code) => (failed ? EXIT_CANNOT_RUN : code);
}

/** src/cli/main.ts's EXIT_CANNOT_RUN (not imported: main.ts loads the whole command line). */
const EXIT_CANNOT_RUN = 2;
