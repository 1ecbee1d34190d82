// PGlite has a single backend: two processes opening one data folder would corrupt it.
// A lock file with the owner's pid lets a second process refuse with a clear message.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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

export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'triangulate.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isFinite(pid) && pid > 0 && (pid === process.pid || isAlive(pid))) {
        throw new AppError('DATA_DIR_LOCKED', {
          message: `The data folder ${dataDir} is in use by process ${pid} (is the server running?). Stop it first, or use the server's API.`,
        });
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new AppError('DATA_DIR_LOCKED', { message: `Could not lock the data folder ${dataDir}.` });
}
