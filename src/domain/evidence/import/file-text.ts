// Turns an uploaded file into evidence text: .txt (UTF-8, UTF-16 with BOM, or Windows-1252),
// .docx (paragraphs) or .pdf (text layer). The kind is decided by the file's first bytes, the
// name only breaks ties, so a renamed file is still read correctly or refused clearly.
import { normaliseText } from '../offsets.js';
import { DocumentProblem, docxText } from './docx-text.js';
import { pdfText } from './pdf-text.js';

export { DocumentProblem };

export type TextFileKind = 'txt' | 'docx' | 'pdf';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function detectKind(bytes: Uint8Array, fileName: string): TextFileKind {
  const ascii = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (ascii(5) === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (/\.docx$/i.test(fileName) || !/\.(txt|pdf)$/i.test(fileName)) return 'docx';
    throw new DocumentProblem('The file is a zip archive, not plain text or a PDF');
  }
  if (/\.(docx|pdf)$/i.test(fileName))
    throw new DocumentProblem(`The file is not a real ${fileName.split('.').pop()} file`);
  return 'txt';
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function fileText(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ kind: TextFileKind; text: string }> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new DocumentProblem(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const kind = detectKind(bytes, fileName);
  const raw =
    kind === 'pdf' ? await pdfText(bytes) : kind === 'docx' ? docxText(bytes) : decodeText(bytes);
  if (kind === 'txt' && raw.includes('\u0000'))
    throw new DocumentProblem('The file is binary, not text');
  const text = normaliseText(raw);
  if (text.trim() === '') throw new DocumentProblem('The file contains no text');
  return { kind, text };
}
