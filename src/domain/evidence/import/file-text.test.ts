import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../../../test/helpers/evidence-files.js';
import { documentXmlText } from './docx-text.js';
import { decodeText, DocumentProblem, fileText } from './file-text.js';

describe('evidence text from files', () => {
  it('reads .txt as UTF-8, UTF-16 with a BOM, or Windows-1252', async () => {
    expect(await fileText(strToU8('Zoë 👩‍👧 said…\r\n'), 'note.txt')).toEqual({
      kind: 'txt',
      text: 'Zoë 👩‍👧 said…',
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]))).toBe('Zë');
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb]))).toBe('Zoë');
    await expect(fileText(new Uint8Array([0x61, 0x00, 0x62]), 'x.txt')).rejects.toBeInstanceOf(
      DocumentProblem,
    );
  });

  it('reads the paragraphs of a .docx', async () => {
    const docx = makeDocx(['Zoë 👩‍👧 said she feels safe.', 'The plan is reviewed & updated.']);
    expect(await fileText(docx, 'visit.docx')).toEqual({
      kind: 'docx',
      text: 'Zoë 👩‍👧 said she feels safe.\nThe plan is reviewed & updated.',
    });
  });

  it(
    'refuses DOCTYPEs and entities (no XXE), zip bombs and non-documents',
    { timeout: 20_000 },
    async () => {
      const xxe =
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
      expect(() => documentXmlText(xxe)).toThrow(/DOCTYPE/);
      await expect(fileText(makeDocx([], { 'word/document.xml': xxe }), 'a.docx')).rejects.toThrow(
        /DOCTYPE/,
      );
      const bomb = zipSync({ 'word/document.xml': new Uint8Array(24 * 1024 * 1024) }, { level: 1 });
      expect(bomb.length).toBeLessThan(200_000);
      // 24 MB of XML from a small file: refused at 20 MB, never fully inflated.
      await expect(fileText(bomb, 'bomb.docx')).rejects.toThrow(/too large|zip bombs/);
      await expect(fileText(zipSync({ 'x.txt': strToU8('x') }), 'x.docx')).rejects.toThrow(
        /not a Word document/,
      );
      await expect(fileText(strToU8('plain'), 'fake.docx')).rejects.toThrow(/not a real docx/);
    },
  );

  it('reads the text layer of a .pdf', async () => {
    const pdf = makePdf(['Zo\u00eb said she felt safe at home.', 'Second line.']);
    expect(await fileText(pdf, 'notes.pdf')).toEqual({
      kind: 'pdf',
      text: 'Zoë said she felt safe at home.\nSecond line.',
    });
    await expect(fileText(strToU8('%PDF-1.4 garbage'), 'bad.pdf')).rejects.toBeInstanceOf(
      DocumentProblem,
    );
  });

  it('refuses a PDF whose page tree refers to itself, instead of failing', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R] /Count 1 >>',
    ];
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    await expect(fileText(strToU8(body), 'loop.pdf')).rejects.toBeInstanceOf(DocumentProblem);
  });
});
