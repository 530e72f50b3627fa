// Writes every output of a run, all or nothing. The outputs are rendered in memory first; then, per
// destination folder and under a lock file there:
//   1. each one goes to a temporary file created exclusively (random name, mode 0600, never through a
//      planted link), written in full (short writes are continued, the size is checked) and fsync'ed;
//   2. a small journal lists the temporary files and their targets, and is fsync'ed;
//   3. the temporary files are renamed over their targets, the folder is fsync'ed, the journal removed.
// Any failure before step 3 removes the temporary files and leaves every previous output as it was.
// With the handlers of interrupt.ts installed by the command, SIGINT and SIGTERM wait for these
// synchronous steps to end (then clean up); a run killed outright
// (SIGKILL, power loss) leaves temporary files, and maybe a journal, that the next run into that folder
// finishes (journal: the renames are completed) or removes (no journal: the run had not committed).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../cli/errors.js';
import { errnoCode, fsReason } from './fs-reason.js';
import { forget, pauseForSignals, remember } from './interrupt.js';

export interface Output {
  /** Absolute path of the file to write. */
  target: string;
  bytes: Uint8Array;
}

const PREFIX = '.clu-';
const TEMP_SUFFIX = '.tmp';
const JOURNAL_SUFFIX = '.commit';
const LOCK_NAME = '.clu.lock';
/** How long a run waits for another run writing into the same folder. */
const LOCK_WAIT_MS = 60_000;
/** `.clu-<pid>-<random>.tmp` and `.clu-<pid>-<random>.commit`: the pid tells a dead run's leftovers. */
const LEFTOVER = /^\.clu-(\d+)-[0-9a-f]{16}\.(tmp|commit)$/;

/**
 * Writes every output or none; throws UsageError (exit 2) naming the file and the reason. Between two
 * temporary files it lets a pending SIGINT or SIGTERM be handled (nothing is renamed yet, so the run
 * stops with its previous outputs intact); the renames, a few milliseconds, are not interrupted.
 */
export async function commitOutputs(outputs: Output[]): Promise<void> {
  const byFolder = new Map<string, Output[]>();
  for (const output of outputs) {
    const folder = path.dirname(output.target);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), output]);
  }
  const created: string[] = [];
  const locks: string[] = [];
  const staged: { temp: string; target: string }[] = [];
  try {
    // Folders in a fixed order, so that two runs sharing folders cannot wait on each other forever.
    for (const folder of [...byFolder.keys()].sort()) {
      created.push(...makeFolder(folder));
      locks.push(lockFolder(folder));
      recoverLeftovers(folder);
    }
    for (const [folder, list] of byFolder) {
      for (const output of list) {
        await pauseForSignals();
        staged.push({ temp: writeTemporary(folder, output), target: output.target });
      }
    }
    for (const folder of byFolder.keys()) {
      const entries = staged.filter((s) => path.dirname(s.target) === folder);
      const journal = writeJournal(folder, entries);
      for (const entry of entries) renameOrFail(entry.temp, entry.target);
      syncFolder(folder);
      fs.rmSync(journal, { force: true });
      forget(journal);
      for (const entry of entries) forget(entry.temp);
    }
  } catch (error) {
    for (const { temp } of staged) removeQuietly(temp);
    for (const folder of created.reverse()) removeEmptyFolder(folder);
    throw error;
  } finally {
    for (const lock of locks) removeQuietly(lock);
  }
}

/** Creates the folder and its missing parents one by one (never `recursive`, which loops in /proc). */
function makeFolder(folder: string): string[] {
  const missing: string[] = [];
  for (let dir = folder; !exists(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  const created: string[] = [];
  for (const dir of missing) {
    try {
      fs.mkdirSync(dir);
      created.push(dir);
    } catch (error) {
      for (const made of created.reverse()) removeEmptyFolder(made);
      throw writeError(error, dir, 'folder');
    }
  }
  return created;
}

function writeTemporary(folder: string, output: Output): string {
  const temp = path.join(folder, `${PREFIX}${process.pid}-${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  let fd: number;
  try {
    // O_EXCL + O_NOFOLLOW: a file or link planted under that name makes the open fail, never followed.
    fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw writeError(error, output.target);
  }
  remember(temp);
  try {
    writeAll(fd, output.bytes);
    fs.fsyncSync(fd);
    if (fs.fstatSync(fd).size !== output.bytes.length) throw Object.assign(new Error('size mismatch after writing'), { code: 'EIO' });
    fs.fchmodSync(fd, finalMode(output.target));
  } catch (error) {
    fs.closeSync(fd);
    removeQuietly(temp);
    throw writeError(error, output.target);
  }
  fs.closeSync(fd);
  return temp;
}

/** Writes every byte: a short write is continued, a write of nothing is a failure (a full disk). */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('nothing written'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** The mode of the file being replaced, or the usual mode for a new file (0666 less the umask). */
function finalMode(target: string): number {
  try {
    const stats = fs.lstatSync(target);
    if (stats.isFile()) return stats.mode & 0o777;
  } catch {
    // a new file
  }
  return 0o666 & ~process.umask();
}

function writeJournal(folder: string, entries: { temp: string; target: string }[]): string {
  const journal = path.join(folder, `${PREFIX}${process.pid}-${randomBytes(8).toString('hex')}${JOURNAL_SUFFIX}`);
  const text = JSON.stringify(entries.map((e) => ({ temp: path.basename(e.temp), target: path.basename(e.target) })));
  let fd: number;
  try {
    fd = fs.openSync(journal, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw writeError(error, entries[0]!.target);
  }
  remember(journal);
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    removeQuietly(journal);
    throw writeError(error, entries[0]!.target);
  }
  fs.closeSync(fd);
  syncFolder(folder);
  return journal;
}

function renameOrFail(temp: string, target: string): void {
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    throw writeError(error, target);
  }
}

/**
 * Leftovers of runs that died: a journal means its run had written everything and was renaming, so
 * the renames are finished; temporary files without a journal are removed. A live run's files are left.
 */
export function recoverLeftovers(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  const dead = (name: string) => {
    const match = LEFTOVER.exec(name);
    return match !== null && !isAlive(Number(match[1]));
  };
  for (const name of names.filter((n) => n.endsWith(JOURNAL_SUFFIX) && dead(n))) {
    const journal = path.join(folder, name);
    for (const entry of readJournal(journal)) {
      const temp = path.join(folder, entry.temp);
      if (isRegularFile(temp)) fs.renameSync(temp, path.join(folder, entry.target));
    }
    syncFolder(folder);
    removeQuietly(journal);
  }
  for (const name of names.filter((n) => n.endsWith(TEMP_SUFFIX) && dead(n))) removeQuietly(path.join(folder, name));
}

function readJournal(journal: string): { temp: string; target: string }[] {
  try {
    const entries = JSON.parse(fs.readFileSync(journal, 'utf8')) as unknown;
    if (!Array.isArray(entries)) return [];
    // Only plain names inside this folder: a journal can never move a file anywhere else.
    return entries.filter(
      (e): e is { temp: string; target: string } =>
        typeof e?.temp === 'string' && typeof e?.target === 'string' && LEFTOVER.test(e.temp) && e.target === path.basename(e.target) && !e.target.startsWith('.'),
    );
  } catch {
    // A journal cut short by the kill: its run had not finished writing it, so it had renamed nothing.
    return [];
  }
}

/** One run at a time writes into a folder; the lock of a run that died is taken over. */
function lockFolder(folder: string): string {
  const lock = path.join(folder, LOCK_NAME);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lock, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
      remember(lock);
      writeAll(fd, Buffer.from(String(process.pid)));
      fs.closeSync(fd);
      return lock;
    } catch (error) {
      if (fd !== undefined) {
        fs.closeSync(fd);
        removeQuietly(lock);
      }
      if (errnoCode(error) !== 'EEXIST') {
        throw new UsageError(`cannot write into ${folder}: ${fsReason(error, 'en')}`, `impossible d’écrire dans ${folder} : ${fsReason(error, 'fr')}`);
      }
    }
    if (lockIsStale(lock)) {
      removeQuietly(lock);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UsageError(
        `${folder}: another clu run is writing into this folder (${LOCK_NAME}); if none is running, remove that file`,
        `${folder} : une autre exécution de clu écrit dans ce dossier (${LOCK_NAME}) ; si aucune ne tourne, supprimez ce fichier`,
      );
    }
    sleep(10);
  }
}

/** A lock whose run is dead, or that never got its pid written (its run died at once). */
function lockIsStale(lock: string): boolean {
  const owner = Number(readQuietly(lock));
  if (Number.isInteger(owner) && owner > 0) return !isAlive(owner);
  try {
    return Date.now() - fs.lstatSync(lock).mtimeMs > 5_000;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, fs.constants.O_RDONLY);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder; the files themselves were synced.
  }
}

function writeError(error: unknown, target: string, what: 'file' | 'folder' = 'file'): UsageError {
  if (error instanceof UsageError) return error;
  const kept = what === 'file' && errnoCode(error) !== 'EEXIST' ? [' (the previous file, if any, is unchanged)', ' (le fichier précédent, s’il existe, est intact)'] : ['', ''];
  const verb = what === 'folder' ? ['cannot create the folder', 'impossible de créer le dossier'] : ['cannot write', 'impossible d’écrire'];
  return new UsageError(`${verb[0]} ${target}: ${fsReason(error, 'en')}${kept[0]}`, `${verb[1]} ${target} : ${fsReason(error, 'fr')}${kept[1]}`);
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function readQuietly(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // already gone, or the folder became unwritable: nothing more can be done
  }
  forget(file);
}

function removeEmptyFolder(folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch {
    // not empty (another run wrote there) or already gone
  }
}
