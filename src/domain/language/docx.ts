// Reads the body text of a DOCX file (word/document.xml): one line per paragraph, runs joined,
// tabs kept, deleted (tracked) text and field codes skipped. Pure: takes the bytes, does no I/O.
//
// Safety: the zip is checked before anything is inflated (size of the file, number of entries,
// declared size and compression ratio of document.xml) and fflate inflates into a buffer of the
// declared size, so a zip bomb cannot exhaust memory. The XML parser (saxes) never resolves
// external entities; any DOCTYPE is rejected, so no entity can be declared or expanded.
// TODO(consolidate): move to shared src/domain/files/ safe-zip and safe-xml helpers when they exist.
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

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
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new DocxError('The file is not a DOCX (zip) file.');
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++entries > lim.maxEntries)
          throw new DocxError(`The file has more than ${lim.maxEntries} entries.`);
        if (f.name !== BODY) return false;
        if (f.originalSize > lim.maxXmlBytes)
          throw new DocxError(`${BODY} is larger than ${lim.maxXmlBytes} bytes.`);
        if (f.originalSize > 1024 * 1024 && f.originalSize > lim.maxRatio * Math.max(1, f.size))
          throw new DocxError(`${BODY} is compressed suspiciously well (a zip bomb?).`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw new DocxError(`The file is not a readable zip: ${(err as Error).message}`);
  }
  const xml = files[BODY];
  if (!xml) throw new DocxError(`The file has no ${BODY}: is it a Word document?`);
  return documentXmlText(new TextDecoder('utf-8', { fatal: false }).decode(xml));
}

/** Paragraph text of a WordprocessingML document body. */
export function documentXmlText(xml: string): string {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const paragraphs: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let skipped = 0;
  parser.on('doctype', () => {
    throw new DocxError('The document declares a DTD, which is not allowed.');
  });
  parser.on('opentag', (tag) => {
    if (SKIPPED.has(tag.name)) skipped++;
    switch (tag.name) {
      case 'w:p':
        current = [];
        break;
      case 'w:t':
        inText++;
        break;
      case 'w:tab':
        current?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (current && !skipped) {
          paragraphs.push(current.join(''));
          current = [];
        }
        break;
      case 'w:noBreakHyphen':
        current?.push('-');
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (SKIPPED.has(tag.name)) skipped--;
    if (tag.name === 'w:t') inText--;
    if (tag.name === 'w:p' && current) {
      paragraphs.push(current.join(''));
      current = null;
    }
  });
  parser.on('text', (t) => {
    if (inText > 0 && skipped === 0 && current) current.push(t);
  });
  parser.on('error', (e) => {
    throw new DocxError(`${BODY} is not well-formed XML: ${e.message}`);
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw new DocxError(`${BODY} could not be parsed: ${(err as Error).message}`);
  }
  return paragraphs.join('\n');
}
