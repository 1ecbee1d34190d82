// Imported texts are stored the way every evidence text is (NFC, LF line ends, no NUL, no
// trailing whitespace: src/domain/evidence/offsets.ts#normaliseText), but the selections in a
// REFI file count code points in the text as the other tool wrote it. normaliseWithMap does the
// same normalisation while remembering where every original code point went, so selections
// land on the same words (a Windows "\r\n" is two code points before and one after).

export interface MappedText {
  text: string;
  /** map[i] = the code point offset in `text` where original code point i went; map[n] = length. */
  map: Int32Array;
}

const MARK = /\p{M}/u;

export function normaliseWithMap(raw: string): MappedText {
  const cps = Array.from(raw);
  const n = cps.length;
  const map = new Int32Array(n + 1);
  const out: string[] = [];
  let outLength = 0;
  let i = 0;
  while (i < n) {
    const c = cps[i]!;
    if (c === '\r') {
      map[i] = outLength;
      if (cps[i + 1] === '\n') {
        i++;
        continue;
      }
      out.push('\n');
      outLength++;
      i++;
      continue;
    }
    if (c === '\u0000' || (i === 0 && c === '\ufeff')) {
      map[i] = outLength;
      i++;
      continue;
    }
    // A starter and the combining marks after it are normalised together.
    let j = i + 1;
    while (j < n && MARK.test(cps[j]!)) j++;
    const cluster = cps
      .slice(i, j)
      .map((cp) => (cp.length === 1 && /[\ud800-\udfff]/.test(cp) ? '\ufffd' : cp))
      .join('')
      .normalize('NFC');
    for (let k = i; k < j; k++) map[k] = outLength;
    out.push(cluster);
    outLength += Array.from(cluster).length;
    i = j;
  }
  let text = out.join('');
  const trimmed = text.replace(/\s+$/u, '');
  if (trimmed.length !== text.length) {
    text = trimmed;
    const length = Array.from(text).length;
    for (let k = 0; k < n; k++) if (map[k]! > length) map[k] = length;
    outLength = length;
  }
  map[n] = outLength;
  return { text, map };
}

/** Decodes a source file: UTF-8 (as REFI requires; a BOM is dropped), UTF-16 with a BOM, or, for
 * files that are not valid UTF-8, Windows-1252 (reported by the caller). */
export function decodeSourceText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}
