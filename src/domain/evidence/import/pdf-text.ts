// The text of a PDF, page by page, with pdf.js (legacy build: runs on Node 20 without a worker
// thread or canvas). Scripting and eval are off; only the text layer is read.
import { DocumentProblem } from './docx-text.js';
import { checkPdfStreams } from './pdf-streams.js';

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

const MAX_PAGES = 2_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export async function pdfText(bytes: Uint8Array): Promise<string> {
  checkPdfStreams(bytes);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    const name = (err as { name?: string }).name;
    throw new DocumentProblem(
      name === 'PasswordException'
        ? 'The PDF is password-protected'
        : `This is not a readable PDF (${(err as Error).message})`,
    );
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new DocumentProblem(`The PDF has over ${MAX_PAGES} pages`);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: Awaited<ReturnType<typeof page.getTextContent>>;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (err) {
        // A broken page tree (pages that refer to themselves, missing objects) is the file's fault.
        throw new DocumentProblem(
          `Page ${n} of the PDF cannot be read (${(err as Error).message ?? 'broken page tree'})`,
        );
      }
      let text = '';
      for (const item of content.items as TextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
    }
    // NUL and other control characters cannot be stored (PostgreSQL text refuses U+0000).
    return pages.filter(Boolean).join('\n\n').replace(CONTROL, '');
  } finally {
    await doc.destroy();
  }
}
