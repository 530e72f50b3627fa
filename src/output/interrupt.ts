// Ctrl-C (SIGINT) or SIGTERM while clu writes: with a handler installed, Node delivers the signal only
// once the synchronous writing steps are over, never between them; the handler then removes the
// temporary files still registered and exits with the conventional code (128 + signal number).
// A signal that arrives while a PDF is laid out (synchronous work) is handled at the next pause.
import fs from 'node:fs';

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
      process.stderr.write(`clu: interrupted (${signal}); nothing was left half-written\n`);
      process.exit(EXIT_CODES[signal]);
    });
  }
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
