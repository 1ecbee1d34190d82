// The text of a PDF, page by page, with pdf.js (legacy build: runs on Node 20 without a worker
// thread or canvas). Scripting and eval are off; only the text layer is read.
import { DocumentProblem } from './docx-text.js';

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

const MAX_PAGES = 2_000;

export async function pdfText(bytes: Uint8Array): Promise<string> {
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
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
    }
    return pages.filter(Boolean).join('\n\n');
  } finally {
    await doc.destroy();
  }
}
