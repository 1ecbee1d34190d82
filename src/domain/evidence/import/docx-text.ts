// The text of a .docx file: the paragraphs of word/document.xml, one per line. The XML parser
// never resolves entities beyond the five predefined ones, and any DOCTYPE is refused outright
// (Word never writes one), so external entities cannot be reached.
import { SaxesParser } from 'saxes';
import { SafeZip, UnsafeArchiveError } from '../../files/zip.js';

export class DocumentProblem extends Error {
  override name = 'DocumentProblem';
}

const MAX_XML_BYTES = 20 * 1024 * 1024;

export function docxText(bytes: Uint8Array): string {
  let xml: Uint8Array;
  try {
    const zip = SafeZip.open(bytes, {
      maxEntryBytes: MAX_XML_BYTES,
      maxTotalBytes: MAX_XML_BYTES * 4,
    });
    if (!zip.has('word/document.xml'))
      throw new DocumentProblem('This is not a Word document (no word/document.xml)');
    xml = zip.read('word/document.xml');
  } catch (err) {
    if (err instanceof UnsafeArchiveError) throw new DocumentProblem(err.message);
    throw err;
  }
  return documentXmlText(new TextDecoder('utf-8', { fatal: false }).decode(xml));
}

/** Paragraph text of a WordprocessingML main document. */
export function documentXmlText(xml: string): string {
  const parser = new SaxesParser({ xmlns: false });
  const paragraphs: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let failure: Error | null = null;
  parser.on('doctype', () => {
    failure ??= new DocumentProblem('The document declares a DOCTYPE, which is not allowed');
  });
  parser.on('error', (err) => {
    failure ??= new DocumentProblem(`The document XML is not well formed: ${err.message}`);
  });
  parser.on('opentag', (tag) => {
    switch (tag.name) {
      case 'w:p':
        current = [];
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        current?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        current?.push('\n');
        break;
    }
  });
  parser.on('text', (t) => {
    if (inText) current?.push(t);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    else if (tag.name === 'w:p' && current) {
      paragraphs.push(current.join(''));
      current = null;
    }
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    failure ??= new DocumentProblem(
      `The document XML is not well formed: ${(err as Error).message}`,
    );
  }
  if (failure) throw failure;
  return paragraphs.join('\n');
}
