// Writes ZIP archives (deflate, no ZIP64) with node's native zlib: each file is given whole (as
// pieces of bytes), compressed once, and the central directory written at the end.
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipFileInput {
  name: string;
  /** The content, in pieces. */
  data: Uint8Array[];
  /** Store uncompressed (e.g. an ODS mimetype). */
  stored?: boolean;
  /** Already deflated (by IncrementalDeflate): `data` is the compressed stream. */
  deflated?: { crc: number; size: number };
}

/**
 * Deflates text as it is written, about 1 MB at a time, so that a large entry is only ever held
 * compressed (a fifth or less of its size) rather than as text, then bytes, then compressed bytes.
 * Each piece ends with a sync flush (byte-aligned, not final) and an empty final block closes the
 * stream, so the pieces together are one valid deflate stream. The deflating runs on zlib's
 * thread pool while the caller goes on writing (at most two pieces in flight, in order).
 */
export class IncrementalDeflate {
  private readonly out: Array<Promise<Uint8Array>> = [];
  private buf = '';
  private crc = 0;
  private size = 0;
  constructor(private readonly level = 6) {}

  /** Adds text; when a piece is full, resolves once no more than one piece is still deflating. */
  write(text: string): Promise<void> | undefined {
    this.buf += text;
    if (this.buf.length <= 1 << 20) return undefined;
    this.flush();
    const behind = this.out.at(-2);
    return behind ? behind.then(() => undefined) : undefined;
  }

  async end(name: string): Promise<ZipFileInput> {
    this.flush();
    const data = await Promise.all(this.out);
    data.push(deflateRawSync(Buffer.alloc(0), { level: this.level }));
    return { name, data, deflated: { crc: this.crc, size: this.size } };
  }

  private flush(): void {
    if (!this.buf) return;
    const raw = Buffer.from(this.buf, 'utf8');
    this.buf = '';
    this.crc = crc32(raw, this.crc);
    this.size += raw.length;
    this.out.push(
      new Promise((resolve, reject) =>
        deflateRaw(raw, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH }, (err, b) =>
          err ? reject(err) : resolve(b),
        ),
      ),
    );
  }
}

const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // fixed timestamp: same input, same bytes

export function writeZip(files: ZipFileInput[], level = 6): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const joined = f.data.length === 1 ? f.data[0]! : Buffer.concat(f.data);
    const crc = f.deflated ? f.deflated.crc : crc32(joined);
    const body = f.stored || f.deflated ? joined : deflateRawSync(joined, { level });
    const raw = { length: f.deflated ? f.deflated.size : joined.length };
    const name = Buffer.from(f.name, 'utf8');
    if (raw.length >= 0xffffffff || offset >= 0xffffffff) throw new Error('ZIP64 is not supported');
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(f.stored ? 0 : 8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    name.copy(local, 30);
    const cd = Buffer.alloc(46 + name.length);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(f.stored ? 0 : 8, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    name.copy(cd, 46);
    parts.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** Collects text pieces into ~1 MB byte chunks (so huge sheets never become one string). */
export function textChunks(parts: Iterable<string>): Uint8Array[] {
  const out: Uint8Array[] = [];
  let buf = '';
  for (const p of parts) {
    buf += p;
    if (buf.length > 1 << 20) {
      out.push(Buffer.from(buf, 'utf8'));
      buf = '';
    }
  }
  out.push(Buffer.from(buf, 'utf8'));
  return out;
}
