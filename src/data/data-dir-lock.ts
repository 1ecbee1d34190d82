// PGlite has a single backend: two processes opening one data folder would corrupt it. A lock
// file holding the owner's pid makes a second process refuse with a clear message.
//
// Every step is atomic, so that two processes starting together can never both win:
//  - the lock is created whole with link(2) from a private temporary file, which fails if the lock
//    exists: nobody can ever read a half-written (empty) pid;
//  - a stale lock (its process is gone) is removed only by whoever holds a second, short-lived
//    "breaker" lock (also made with link), and only after re-reading the lock under it: a lock
//    can disappear only by its live owner releasing it or by a breaker removing a dead owner's,
//    so the re-read pid cannot change between the check and the removal.
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file, null if there is no lock file. */
function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Creates `target` holding our pid, atomically; false if it already exists. */
function tryCreate(target: string, dataDir: string): boolean {
  const temp = path.join(
    dataDir,
    `.triangulate.lock.${process.pid}.${Math.random().toString(36).slice(2)}`,
  );
  writeFileSync(temp, `${process.pid}\n`, { mode: 0o600 });
  try {
    linkSync(temp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const held = (dataDir: string, pid: number): AppError =>
  new AppError('DATA_DIR_LOCKED', {
    message: `The data folder ${dataDir} is in use by process ${pid} (is the server running?). Stop it first, or use the server's API.`,
  });

export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'triangulate.lock');
  const breakerPath = `${lockPath}.breaking`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreate(lockPath, dataDir)) {
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        // Only ever remove our own lock.
        if (readPid(lockPath) === process.pid) unlinkSync(lockPath);
      };
      process.once('exit', release);
      return release;
    }
    const holder = readPid(lockPath);
    if (holder === null) continue; // released meanwhile: try again
    if (holder === process.pid || (holder > 0 && isAlive(holder))) throw held(dataDir, holder);
    // A stale lock from a process that died: break it, under the breaker lock.
    if (tryCreate(breakerPath, dataDir)) {
      try {
        const again = readPid(lockPath);
        if (again !== null && again !== process.pid && !(again > 0 && isAlive(again)))
          unlinkSync(lockPath);
      } finally {
        unlinkSync(breakerPath);
      }
      continue;
    }
    const breaker = readPid(breakerPath);
    if (breaker !== null && !(breaker > 0 && isAlive(breaker))) {
      // A process died in the few milliseconds it held the breaker. Removing that here could let
      // two processes break at once, so ask a person to.
      throw new AppError('DATA_DIR_LOCKED', {
        message: `The data folder ${dataDir} has a leftover lock from a process that stopped while starting. If no other Triangulate process is running, delete ${breakerPath} and ${lockPath}, then start again.`,
      });
    }
    sleep(10); // another process is breaking the stale lock: look again shortly
  }
  throw new AppError('DATA_DIR_LOCKED', { message: `Could not lock the data folder ${dataDir}.` });
}
