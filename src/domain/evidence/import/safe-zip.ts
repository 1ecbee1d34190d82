// Reads one named entry from a zip archive without trusting it: the central directory is parsed
// by hand, the entry is inflated in small pieces and abandoned as soon as its output passes a
// limit (zip bombs), encrypted and zip64 entries are refused, and names are only ever compared,
// never used as paths (no path traversal).
import { Inflate } from 'fflate';

export class ZipProblem extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entries(zip: Uint8Array): Entry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipProblem('This is not a zip archive (no central directory)');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipProblem('Zip64 is not supported');
  const out: Entry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== CENTRAL)
      throw new ZipProblem('The zip central directory is damaged');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    out.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(zip.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** The uncompressed bytes of entry `name`, or null if the archive has no such entry. */
export function readZipEntry(zip: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const entry = entries(zip).find((e) => e.name === name);
  if (!entry) return null;
  if (entry.flags & 1) throw new ZipProblem(`${name} is encrypted`);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL)
    throw new ZipProblem(`The zip entry ${name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipProblem(`The zip entry ${name} is truncated`);
  const data = zip.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipProblem(`${name} is larger than ${maxBytes} bytes`);
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipProblem(`${name} uses an unsupported compression method`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZipProblem(`${name} expands beyond ${maxBytes} bytes`);
    chunks.push(chunk);
  });
  const STEP = 16 * 1024;
  for (let i = 0; i < data.length; i += STEP) {
    inflate.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
  }
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
