// The embedded database holds child-level data: its folder and every file in it must be readable
// by the owner only. New folders are made private here and PGlite's files are created owner-only
// (pglite-private-fs.ts); an existing folder anyone else can open is refused at start, with the
// command that fixes it, rather than silently changed.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

/** Paths under dir (dir included) that group or others can read, write or enter; at most `limit`. */
export function findExposed(dir: string, limit = 5): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    if (out.length >= limit) return;
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return; // a link's own mode means nothing; its target is checked where it lives
    if ((st.mode & 0o077) !== 0) out.push(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
  return out;
}

/** Creates the data folder owner-only if missing; refuses one that others can get into. */
export function ensurePrivateDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700); // mkdir's mode is reduced by the umask, never widened: make sure
    return;
  }
  if (process.platform === 'win32') return; // POSIX modes do not apply; NTFS ACLs are inherited
  const exposed = findExposed(dataDir);
  if (exposed.length > 0) {
    throw new AppError('DATA_DIR_UNSAFE', {
      message: `The data folder ${dataDir} can be opened by other users of this computer (for example ${exposed[0]}). It holds children's personal data, so Triangulate will not use it until it is private. Fix it with:\n  chmod -R go-rwx '${dataDir}'\nthen start again.`,
    });
  }
}
