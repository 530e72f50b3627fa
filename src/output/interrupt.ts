// Ctrl-C (SIGINT) or SIGTERM while clu works: Node runs a signal's handler only between two turns of
// its event loop, never inside synchronous work (a PDF being laid out, files being renamed). So a long
// run pauses for it at safe points (pauseForSignals: between two outputs rendered, between two temporary
// files written); the handler then removes the temporary files still registered, says « interrompu »
// and exits with the conventional code (128 + signal number). A signal that arrives during the renames
// is handled once they are over, before the command reports success.
import fs from 'node:fs';
import { localeFromEnv } from '../validate/messages.js';

const pending = new Set<string>();

/** A file to remove if the run is interrupted before it is renamed or removed. */
export function remember(file: string): void {
  pending.add(file);
}

export function forget(file: string): void {
  pending.delete(file);
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
let installed = false;

/**
 * Installs the handlers once, for the rest of the process: removed at the end of a step, they would
 * let a signal that arrived during it (delivered only once the step is over) pass unnoticed.
 */
export function exitCleanlyOnSignal(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]) {
    process.on(signal, () => {
      removePending();
      process.stderr.write(
        localeFromEnv(process.env) === 'fr'
          ? `clu : interrompu (${signal}) ; aucun fichier n’est resté à moitié écrit\n`
          : `clu: interrupted (${signal}); nothing was left half-written\n`,
      );
      process.exit(EXIT_CODES[signal]);
    });
  }
}

/**
 * One turn of the event loop, so that a SIGINT or SIGTERM received during the synchronous work before
 * it is handled now (the handler exits), not after the whole batch. A no-op cost (~0.1 ms) otherwise.
 */
export function pauseForSignals(): Promise<void> {
  if (!installed) return Promise.resolve();
  return new Promise((resolve) => setImmediate(resolve));
}

export function removePending(): void {
  for (const file of pending) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // nothing more can be done on the way out
    }
  }
  pending.clear();
}
