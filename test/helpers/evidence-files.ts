// Tiny, hand-made .docx and .pdf files for import tests (no binary fixtures in the repo).
import { strToU8, zipSync } from 'fflate';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document: one w:p per paragraph (runs split to test joining). */
export function makeDocx(paragraphs: string[], extra: Record<string, string> = {}): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const mid = Math.floor(p.length / 2);
      return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p.slice(0, mid))}</w:t></w:r><w:r><w:t xml:space="preserve">${escapeXml(p.slice(mid))}</w:t></w:r></w:p>`;
    })
    .join('');
  const documentXml =
    extra['word/document.xml'] ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(documentXml),
  };
  for (const [name, content] of Object.entries(extra))
    if (name !== 'word/document.xml') files[name] = strToU8(content);
  return zipSync(files);
}

/** A one-page PDF with Helvetica text lines (Latin-1 only). */
export function makePdf(lines: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/([()\\])/g, '\\$1');
  const content = `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i ? '0 -16 Td ' : ''}(${esc(l)}) Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
