// What may be kept as an attachment (the original of an evidence record, a document sent with a
// factual-accuracy comment): the type is decided by the file's content (its first bytes and, for
// ZIP-based formats, the archive's own manifest), never by the name or the browser's declared type;
// the name's extension must agree with the content. Anything off the allow-list is refused with a
// reason naming the file. File names are sanitised for storage and for Content-Disposition.
import { SafeZip, UnsafeArchiveError, looksLikeZip } from './zip.js';

export interface AllowedType {
  mediaType: string;
  /** Accepted extensions, lower case, the first being the one a nameless file is given. */
  extensions: readonly string[];
  /** How people call it. */
  label: string;
}

export const ALLOWED_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word document (.docx)',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel workbook (.xlsx)',
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    label: 'OpenDocument text (.odt)',
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'OpenDocument spreadsheet (.ods)',
  },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG image' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG image' },
  csv: { mediaType: 'text/csv', extensions: ['csv'], label: 'CSV file' },
  text: { mediaType: 'text/plain', extensions: ['txt', 'text', 'md'], label: 'plain text file' },
} as const satisfies Record<string, AllowedType>;

export type AllowedKind = keyof typeof ALLOWED_TYPES;

const KNOWN_EXTENSIONS = new Set<string>(
  Object.values(ALLOWED_TYPES).flatMap((t: AllowedType) => [...t.extensions]),
);

/** What the form's hint and the README say is accepted. */
export const ALLOWED_SUMMARY =
  'PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), PNG, JPEG, plain text or CSV';

export interface AttachmentLimits {
  /** Largest single file, in bytes. */
  maxFileBytes: number;
  /** Largest total of every attachment of one activity, in bytes. */
  maxActivityBytes: number;
}

/** The virus-scan hook (workers/scan-file.ts runs it). */
export interface ScanSettings {
  /** The command and its arguments (the file's path is added last), or null: not scanned. */
  command: string | null;
  timeoutMs: number;
}

/** The operator's settings for attachments (config.ts reads them from the environment). */
export interface AttachmentSettings extends AttachmentLimits {
  scan: ScanSettings;
}

export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSettings = {
  maxFileBytes: 20 * 1024 * 1024,
  maxActivityBytes: 500 * 1024 * 1024,
  scan: { command: null, timeoutMs: 60_000 },
};

export class AttachmentProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentProblem';
  }
}

export interface DetectedType {
  kind: AllowedKind;
  mediaType: string;
  /** The sanitised name, with an extension that agrees with the content. */
  fileName: string;
}

const startsWith = (bytes: Uint8Array, sig: number[]): boolean =>
  sig.every((b, i) => bytes[i] === b);

/** Sizes written for people: "20 MB", "512 KB", "17 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / 1024 / 1024;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/**
 * A file name safe to store and to send back: the last path segment, no control or reserved
 * characters, no leading dots, at most 150 characters (keeping the extension).
 */
export function sanitiseFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/\p{Cc}|\p{Cf}|["*:<>?|]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (name.length > 150) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 150 - ext.length).trimEnd() + ext;
  }
  return name || 'attachment';
}

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

/** ZIP-based formats: what the archive's own manifest says it is. */
function zipKind(bytes: Uint8Array): AllowedKind {
  let zip: SafeZip;
  try {
    zip = SafeZip.open(bytes, { maxEntries: 10_000 });
  } catch (err) {
    if (err instanceof UnsafeArchiveError) throw new AttachmentProblem(err.message);
    throw new AttachmentProblem('it is a damaged ZIP archive');
  }
  if (zip.has('mimetype')) {
    const m = zip.readText('mimetype').trim();
    if (m === ALLOWED_TYPES.odt.mediaType) return 'odt';
    if (m === ALLOWED_TYPES.ods.mediaType) return 'ods';
    throw new AttachmentProblem(`it is an OpenDocument file of a kind not accepted (${m})`);
  }
  if (!zip.has('[Content_Types].xml'))
    throw new AttachmentProblem('it is a ZIP archive, not a document: archives are not accepted');
  const types = zip.readText('[Content_Types].xml');
  const names = zip.entries.map((e) => e.name.toLowerCase());
  if (/macroEnabled/i.test(types) || names.some((n) => n.endsWith('vbaproject.bin')))
    throw new AttachmentProblem('it contains macros: save it without macros (.docx or .xlsx)');
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  throw new AttachmentProblem('it is an Office file of a kind not accepted (only .docx and .xlsx)');
}

/** Text: UTF-8 (with or without BOM), UTF-16 with a BOM, or a single-byte code page. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  for (const b of bytes) {
    if (b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d) continue;
    if (b < 0x20 || b === 0x7f) return false;
  }
  return true;
}

function kindOf(bytes: Uint8Array, ext: string | null): AllowedKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (looksLikeZip(bytes)) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw new AttachmentProblem(
      'it is an old Office 97-2003 file (.doc or .xls): save it as .docx, .xlsx or PDF',
    );
  if (looksLikeText(bytes)) return ext === 'csv' ? 'csv' : 'text';
  throw new AttachmentProblem(`its content is not one of the accepted types (${ALLOWED_SUMMARY})`);
}

/**
 * Decides the file's type from its content and checks the name agrees. A name without an
 * extension gets the type's own; a name whose extension says something else is refused.
 */
export function detectAttachmentType(bytes: Uint8Array, rawName: string): DetectedType {
  const name = sanitiseFileName(rawName);
  if (bytes.length === 0) throw new AttachmentProblem('the file is empty');
  const ext = extensionOf(name);
  const kind = kindOf(bytes, ext);
  const type: AllowedType = ALLOWED_TYPES[kind];
  const claimed = ext !== null && KNOWN_EXTENSIONS.has(ext);
  // A text file called notes.log is kept as notes.log.txt; one called report.pdf is refused.
  if (ext === null || (kind === 'text' && !claimed))
    return { kind, mediaType: type.mediaType, fileName: `${name}.${type.extensions[0]}` };
  if (!type.extensions.includes(ext))
    throw new AttachmentProblem(
      `its name says .${ext} but its content is a ${type.label}: rename it or send the right file`,
    );
  return { kind, mediaType: type.mediaType, fileName: name };
}

/** Refuses a file larger than the per-file limit. */
export function checkAttachmentSize(size: number, limits: AttachmentLimits): void {
  if (size > limits.maxFileBytes)
    throw new AttachmentProblem(
      `it is ${sizeText(size)}, larger than the ${sizeText(limits.maxFileBytes)} limit for one file`,
    );
}
