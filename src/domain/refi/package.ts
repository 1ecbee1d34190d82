// The QDPX container (REFI-QDA 1.5 §8): a ZIP with one project.qde and a flat sources/ folder.
// Writing follows the spec exactly. Reading accepts what vendors really produce: Project.qde
// (ATLAS.ti 8), <project name>.qde (ATLAS.ti 26), Sources/ (NVivo 12), and the whole structure
// inside one top folder; it refuses zip bombs, traversal, symlinks and encrypted entries through
// SafeZip, and only ever looks entries up by name (nothing is written to disk).
import { SafeZip, UnsafeArchiveError, looksLikeZip } from '../files/zip.js';
import { writeZip, type ZipFileInput } from '../files/zip-writer.js';
import type { WrittenProject } from './write-project.js';

export class QdpxProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QdpxProblem';
  }
}

export function buildQdpx(p: WrittenProject): Uint8Array {
  const files = new Map<string, Uint8Array[]>([['project.qde', p.xml]]);
  // Later entries of one name replace earlier ones (text sources win over stored files).
  for (const [name, bytes] of p.files) files.set(`sources/${name}`, [bytes]);
  for (const [name, text] of p.sources) files.set(`sources/${name}`, [Buffer.from(text, 'utf8')]);
  const entries: ZipFileInput[] = [...files].map(([name, data]) => ({ name, data }));
  // Level 1: about a third of level 6's CPU for a file some 30% bigger (issue 19: the deflate
  // was a third of a whole-project export's time).
  return writeZip(entries, 1);
}

/**
 * Limits for QDPX uploads: text compresses well, so the ratio limit is the generous default. A
 * project holds one entry per source: 100,000 entries lets Triangulate's own exports of the
 * largest evidence bases it supports (4x the benchmark corpus is 24,000 records) import again,
 * while the byte and ratio limits still stop zip bombs before anything is inflated.
 */
export const qdpxZipLimits = {
  maxEntries: 100_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

export interface OpenedQdpx {
  /** The .qde entry read. */
  qdeName: string;
  xml: string;
  /** How the container differed from the spec (for the import report). */
  notes: string[];
  /** Reads an internal source ('internal://<file>'), or null when the archive does not have it. */
  readInternal(path: string): Uint8Array | null;
  /** Names of all the entries under the sources folder. */
  sourceEntries: string[];
  /** The archive entry a source path names, or null. */
  entryOf(path: string): string | null;
}

export { looksLikeZip, UnsafeArchiveError };

export function openQdpx(bytes: Uint8Array): OpenedQdpx {
  const zip = SafeZip.open(bytes, qdpxZipLimits);
  const names = zip.entries.map((e) => e.name);
  const qdes = names.filter(
    (n) => /\.qde$/i.test(n) && !n.split('/').some((s) => s.startsWith('__MACOSX')),
  );
  if (qdes.length === 0)
    throw new QdpxProblem('The archive has no project.qde (it is not a REFI-QDA project)');
  const notes: string[] = [];
  let qde: string | undefined = qdes.find((n) => n === 'project.qde');
  if (qde === undefined) {
    const named = qdes.filter((n) => n.split('/').pop()!.toLowerCase() === 'project.qde');
    if (named.length === 1) qde = named[0]!;
    else if (qdes.length === 1) qde = qdes[0]!;
    else
      throw new QdpxProblem(
        `The archive has ${qdes.length} .qde files (${qdes.slice(0, 5).join(', ')}) and none is project.qde; it must hold exactly one project`,
      );
    notes.push(`The project file is '${qde}' rather than 'project.qde'; read it as the project`);
  }
  const qdeName: string = qde;
  const base = qdeName.includes('/') ? qdeName.slice(0, qdeName.lastIndexOf('/') + 1) : '';
  const sourcesPrefix = `${base}sources/`;
  const byLower = new Map<string, string>();
  for (const n of names)
    if (n.toLowerCase().startsWith(sourcesPrefix.toLowerCase()) && n.length > sourcesPrefix.length)
      byLower.set(n.slice(sourcesPrefix.length).toLowerCase(), n);
  const folders = new Set(
    names
      .filter((n) => n.toLowerCase().startsWith(sourcesPrefix.toLowerCase()))
      .map((n) => n.slice(base.length, base.length + 'sources'.length)),
  );
  if (folders.size > 0 && !folders.has('sources'))
    notes.push(`The sources folder is '${base}${[...folders][0]}/' rather than 'sources/'`);
  const decoder = new TextDecoder('utf-8');
  const elsewhere = new Map<string, string[]>();
  for (const n of names) {
    if (n.endsWith('/') || n === qdeName) continue;
    const file = n.slice(n.lastIndexOf('/') + 1).toLowerCase();
    elsewhere.set(file, [...(elsewhere.get(file) ?? []), n]);
  }
  return {
    qdeName,
    xml: decoder.decode(zip.read(qdeName)),
    notes,
    sourceEntries: [...byLower.values()],
    readInternal(path: string) {
      const entry = resolveSourcePath(path, byLower, elsewhere);
      return entry ? zip.read(entry) : null;
    },
    entryOf(path: string) {
      return resolveSourcePath(path, byLower, elsewhere);
    },
  };
}

/**
 * Finds the archive entry a source path names, in every form vendors write: 'internal://name'
 * (the standard), a bare relative name (QualCoder 1.3), 'sources/name' or 'Sources/name', any
 * case, an absolute Windows or POSIX path or file:// URL (reduced to its file name inside the
 * package), URL-encoded names. Entries are only ever looked up by name, so no path can leave the
 * archive. 'relative://' and 'absolute://' paths point outside the package: they resolve only
 * when the package happens to carry the file.
 */
export function resolveSourcePath(
  path: string,
  inSources: Map<string, string>,
  elsewhere: Map<string, string[]>,
): string | null {
  let p = path.trim().replace(/^\ufeff/, '');
  if (p === '') return null;
  p = p.replace(/^(internal|relative|absolute|file):\/\/\/?/i, '');
  const candidates = new Set<string>([p]);
  try {
    candidates.add(decodeURIComponent(p));
  } catch {
    // not URL-encoded: the name as written
  }
  for (const c of candidates) {
    const segments = c.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
    const file = segments.at(-1);
    if (!file || file === '..') continue;
    const lower = file.toLowerCase();
    const direct = inSources.get(lower);
    if (direct) return direct;
    const other = elsewhere.get(lower);
    if (other && other.length === 1) return other[0]!;
  }
  return null;
}
