// Reads the body text of a DOCX file (word/document.xml): one line per paragraph, runs joined,
// tabs kept, deleted (tracked) text and field codes skipped. Pure: takes the bytes, does no I/O.
//
// Safety comes from the project's shared readers in src/domain/files: SafeZip reads the central
// directory itself and refuses, before inflating anything, too many entries, encrypted or linked
// entries, odd paths and oversized declared sizes; it counts real output against the declared size
// and the compression ratio while inflating (zip bombs). createSafeXmlParser (saxes) refuses any
// DOCTYPE, so no entity can be declared, expanded or fetched (XXE, billion laughs).
import { createSafeXmlParser, UnsafeXmlError } from '../files/xml.js';
import { SafeZip, UnsafeArchiveError, looksLikeZip } from '../files/zip.js';

export interface DocxLimits {
  /** Largest DOCX file accepted, in bytes. */
  maxFileBytes: number;
  /** Most entries (files) in the zip. */
  maxEntries: number;
  /** Largest uncompressed word/document.xml, in bytes. */
  maxXmlBytes: number;
  /** Highest uncompressed : compressed ratio accepted for word/document.xml. */
  maxRatio: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxEntries: 2000,
  maxXmlBytes: 40 * 1024 * 1024,
  maxRatio: 200,
};

export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxError';
  }
}

const BODY = 'word/document.xml';
/** Elements whose text is not part of the visible document. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'w:del', 'w:moveFrom']);

/** Paragraph text of a DOCX, one paragraph per line. */
export function readDocxText(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): string {
  const lim = { ...DEFAULT_DOCX_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes)
    throw new DocxError(`The file is larger than ${lim.maxFileBytes} bytes.`);
  if (!looksLikeZip(bytes)) throw new DocxError('The file is not a DOCX (zip) file.');
  try {
    const zip = SafeZip.open(bytes, { maxEntries: lim.maxEntries, maxRatio: lim.maxRatio });
    const entry = zip.entry(BODY);
    if (!entry) throw new DocxError(`The file has no ${BODY}: is it a Word document?`);
    if (entry.uncompressedSize > lim.maxXmlBytes)
      throw new DocxError(`${BODY} is larger than ${lim.maxXmlBytes} bytes.`);
    return documentXmlText(zip.readText(BODY));
  } catch (err) {
    if (err instanceof UnsafeArchiveError || err instanceof UnsafeXmlError)
      throw new DocxError(err.message);
    throw err;
  }
}

/** Paragraph text of a WordprocessingML document body. */
export function documentXmlText(xml: string): string {
  const paragraphs: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let skipped = 0;
  const parser = createSafeXmlParser(
    {
      open(name) {
        if (SKIPPED.has(name)) skipped++;
        if (name === 'w:p') current = [];
        else if (name === 'w:t') inText++;
        else if (name === 'w:tab') current?.push('\t');
        else if (name === 'w:noBreakHyphen') current?.push('-');
        else if ((name === 'w:br' || name === 'w:cr') && current && !skipped) {
          paragraphs.push(current.join(''));
          current = [];
        }
      },
      close(name) {
        if (SKIPPED.has(name)) skipped--;
        if (name === 'w:t') inText--;
        if (name === 'w:p' && current) {
          paragraphs.push(current.join(''));
          current = null;
        }
      },
      text(t) {
        if (inText > 0 && skipped === 0 && current) current.push(t);
      },
    },
    BODY,
  );
  parser.write(xml);
  parser.close();
  return paragraphs.join('\n');
}
