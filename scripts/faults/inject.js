// Injected file-system failures, for scripts/faults/scenarios.js. injectFault(kind) makes the calls clu
// uses to write its outputs (on its temporary files, journal and lock: names starting with ".clu") fail
// as a full disk, a read-only file system or a failing disk would, or kills the process between two
// renames; nothing else is touched. Preloaded
// with NODE_OPTIONS=--import=…/inject.js and CLU_FAULT=<kind>, it does so in a clu process.
import fs from 'node:fs';
import path from 'node:path';

function failure(code, message) {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Patches fs for one kind of failure; returns the function that restores it. */
export function injectFault(kind) {
  const original = { openSync: fs.openSync, closeSync: fs.closeSync, writeSync: fs.writeSync, fsyncSync: fs.fsyncSync, renameSync: fs.renameSync };
  const ours = new Set();
  fs.openSync = function (file, flags, mode) {
    const mine = typeof file === 'string' && path.basename(file).startsWith('.clu');
    if (mine && kind === 'open-erofs') throw failure('EROFS', 'read-only file system, open');
    if (mine && kind === 'open-eacces') throw failure('EACCES', 'permission denied, open');
    if (mine && kind === 'open-eloop') throw failure('ELOOP', 'too many symbolic links encountered, open');
    const fd = original.openSync.call(fs, file, flags, mode);
    if (mine) ours.add(fd);
    return fd;
  };
  fs.closeSync = function (fd) {
    ours.delete(fd);
    return original.closeSync.call(fs, fd);
  };
  fs.writeSync = function (fd, buffer, offset, length, position) {
    if (ours.has(fd) && kind === 'write-enospc') throw failure('ENOSPC', 'no space left on device, write');
    if (ours.has(fd) && kind === 'write-short' && typeof length === 'number' && length > 1) length = Math.floor(length / 2);
    return original.writeSync.call(fs, fd, buffer, offset, length, position);
  };
  fs.fsyncSync = function (fd) {
    if (ours.has(fd) && kind === 'fsync-eio') throw failure('EIO', 'i/o error, fsync');
    return original.fsyncSync.call(fs, fd);
  };
  // The worst moment for a kill: the first output renamed over its target, the others not yet.
  fs.renameSync = function (from, to) {
    original.renameSync.call(fs, from, to);
    if (kind === 'kill-after-first-rename' && path.basename(String(from)).startsWith('.clu-')) process.kill(process.pid, 'SIGKILL');
  };
  return () => Object.assign(fs, original);
}

if (process.env.CLU_FAULT) injectFault(process.env.CLU_FAULT);
