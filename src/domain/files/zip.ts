// A defensive ZIP reader for untrusted uploads (xlsx, ods, and later QDPX). It reads the central
// directory itself and refuses, before inflating anything: too many entries, encrypted entries,
// unknown compression methods, ZIP64, absolute paths, drive letters, backslashes, `..` segments,
// NUL bytes, duplicate names and symbolic links. While inflating it counts the real output (never
// trusting the sizes the archive declares) and stops at the per-entry size, the total size and
// the compression ratio limits, so a zip bomb fails fast with a clear message. Inflating uses
// node's native zlib with maxOutputLength set to the (already checked) declared size, so no entry
// can produce more than it declared.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most entries (files and folders) in the archive. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to (counted across every read). */
  maxTotalBytes: number;
  /** Highest uncompressed:compressed ratio for an entry larger than ratioFloorBytes. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny files compress absurdly well). */
  ratioFloorBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export class UnsafeArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeArchiveError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Whether the bytes start like a ZIP archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

/** Refuses names that could escape an extraction folder or hide what they are. */
export function checkEntryName(name: string): void {
  if (name.length === 0) throw new UnsafeArchiveError('The archive has an entry with no name.');
  if (name.includes('\0')) throw new UnsafeArchiveError('An entry name contains a NUL byte.');
  if (name.includes('\\'))
    throw new UnsafeArchiveError(`The entry '${name}' uses backslashes in its path.`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name))
    throw new UnsafeArchiveError(`The entry '${name}' has an absolute path.`);
  if (name.split('/').some((seg) => seg === '..'))
    throw new UnsafeArchiveError(`The entry '${name}' points outside the archive ('..').`);
}

export class SafeZip {
  private readonly byName = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Reads and checks the central directory; throws UnsafeArchiveError on anything doubtful. */
  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): SafeZip {
    const lim = { ...defaultZipLimits, ...limits };
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new UnsafeArchiveError('The file is not a complete ZIP archive.');
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
      throw new UnsafeArchiveError('ZIP64 archives are not accepted.');
    if (count > lim.maxEntries)
      throw new UnsafeArchiveError(
        `The archive has ${count} entries; at most ${lim.maxEntries} are accepted.`,
      );
    if (cdOffset + cdSize > bytes.length)
      throw new UnsafeArchiveError('The ZIP central directory is truncated.');
    const entries: ZipEntry[] = [];
    const names = new Set<string>();
    let declaredTotal = 0;
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL)
        throw new UnsafeArchiveError('The ZIP central directory is damaged.');
      const madeBy = view.getUint16(p + 4, true);
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const compressedSize = view.getUint32(p + 20, true);
      const uncompressedSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const externalAttrs = view.getUint32(p + 38, true);
      const localOffset = view.getUint32(p + 42, true);
      const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
      checkEntryName(name);
      if (names.has(name)) throw new UnsafeArchiveError(`The entry '${name}' appears twice.`);
      names.add(name);
      const unixMode = externalAttrs >>> 16;
      if (madeBy >> 8 === 3 && (unixMode & 0o170000) === 0o120000)
        throw new UnsafeArchiveError(`The entry '${name}' is a symbolic link.`);
      if (flags & 1) throw new UnsafeArchiveError(`The entry '${name}' is encrypted.`);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
        throw new UnsafeArchiveError('ZIP64 archives are not accepted.');
      if (name.endsWith('/')) continue; // a folder
      if (method !== 0 && method !== 8)
        throw new UnsafeArchiveError(`The entry '${name}' uses an unsupported compression method.`);
      if (uncompressedSize > lim.maxEntryBytes)
        throw new UnsafeArchiveError(`The entry '${name}' is too large when uncompressed.`);
      checkRatio(name, uncompressedSize, compressedSize, lim);
      declaredTotal += uncompressedSize;
      if (declaredTotal > lim.maxTotalBytes)
        throw new UnsafeArchiveError('The archive is too large when uncompressed.');
      entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    }
    return new SafeZip(bytes, entries, lim);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Total compressed bytes of the named entries (for progress reporting). */
  compressedSize(names: string[]): number {
    return names.reduce((n, name) => n + (this.byName.get(name)?.compressedSize ?? 0), 0);
  }

  private dataOf(e: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const p = e.localOffset;
    if (p + 30 > this.bytes.length || view.getUint32(p, true) !== SIG_LOCAL)
      throw new UnsafeArchiveError(`The entry '${e.name}' is damaged.`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length)
      throw new UnsafeArchiveError(`The entry '${e.name}' is truncated.`);
    return this.bytes.subarray(start, end);
  }

  /** Inflates one entry completely. */
  read(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let total = 0;
    this.streamSync(name, (c) => {
      chunks.push(c);
      total += c.length;
    });
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /** Inflates one entry and decodes it as UTF-8 text. */
  readText(name: string): string {
    return utf8.decode(this.read(name));
  }

  private streamSync(name: string, onChunk: (chunk: Uint8Array) => void): void {
    const it = this.stream(name, onChunk, 1 << 30);
    while (!it.next().done);
  }

  /**
   * Inflates one entry and hands the output over in pieces of `sliceBytes`. A generator so that
   * callers can yield to the event loop between pieces; each step yields the compressed bytes
   * accounted for so far (for progress).
   */
  *stream(
    name: string,
    onChunk: (chunk: Uint8Array) => void,
    sliceBytes = 1024 * 1024,
  ): Generator<number, void, void> {
    const e = this.byName.get(name);
    if (!e) throw new UnsafeArchiveError(`The archive has no entry '${name}'.`);
    const data = this.dataOf(e);
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          throw new UnsafeArchiveError(`The entry '${name}' inflates beyond its declared size.`);
        throw new UnsafeArchiveError(`The entry '${name}' is damaged.`);
      }
    }
    if (out.length !== e.uncompressedSize)
      throw new UnsafeArchiveError(`The entry '${name}' does not match its declared size.`);
    this.inflatedTotal += out.length;
    if (this.inflatedTotal > this.limits.maxTotalBytes)
      throw new UnsafeArchiveError('The archive is too large when uncompressed.');
    checkRatio(name, out.length, e.compressedSize, this.limits);
    if (out.length === 0) {
      yield e.compressedSize;
      return;
    }
    for (let i = 0; i < out.length; i += sliceBytes) {
      const end = Math.min(out.length, i + sliceBytes);
      onChunk(out.subarray(i, end));
      yield Math.round((e.compressedSize * end) / out.length);
    }
  }
}

function checkRatio(name: string, out: number, compressed: number, lim: ZipLimits): void {
  if (out > lim.ratioFloorBytes && out > Math.max(1, compressed) * lim.maxRatio)
    throw new UnsafeArchiveError(
      `The entry '${name}' is compressed more than ${lim.maxRatio}:1, as zip bombs are; it was refused.`,
    );
}
