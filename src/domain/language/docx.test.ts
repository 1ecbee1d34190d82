import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError, readDocxText } from './docx.js';
import { lintText } from './lint.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (paras: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paras}</w:body></w:document>`;
const docx = (xml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(xml),
    ...extra,
  });

describe('readDocxText', () => {
  it('reads paragraphs and runs, keeps tabs, skips deleted text and field codes', () => {
    const xml = body(
      '<w:p><w:r><w:t>Children are </w:t></w:r><w:r><w:t xml:space="preserve">kept safe.</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Name</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Grade &amp; date</w:t></w:r></w:p>' +
        '<w:p><w:del><w:r><w:delText>removed words</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Kept text</w:t></w:r></w:p>' +
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    );
    expect(readDocxText(docx(xml))).toBe(
      'Children are kept safe.\nName\tGrade & date\nKept text\nCell',
    );
  });

  it('feeds the linter with one line per paragraph', () => {
    const xml = body(
      '<w:p><w:r><w:t>Leaders should introduce a new panel.</w:t></w:r></w:p><w:p><w:r><w:t>All children are safe.</w:t></w:r></w:p>',
    );
    const r = lintText(readDocxText(docx(xml)), {
      kind: 'focused-visit-letter',
      layout: 'paragraphs',
    });
    expect(r.findings.map((f) => [f.rule, f.line])).toEqual([
      ['prescription', 1],
      ['sweeping-quantifier', 2],
      ['certainty', 2],
    ]);
  });

  it('rejects a DTD, so no entity can be declared or expanded', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    expect(() => readDocxText(docx(xxe))).toThrow(/DTD/);
  });

  it('rejects files that are not zips, lack a body, or break the limits', () => {
    expect(() => readDocxText(strToU8('plain text'))).toThrow(DocxError);
    expect(() => readDocxText(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/no word\/document.xml/);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) many[`f${i}.xml`] = strToU8('x');
    expect(() => readDocxText(docx(body(''), many), { maxEntries: 10 })).toThrow(/entries/);
    const big = body(`<w:p><w:r><w:t>${'a'.repeat(5000)}</w:t></w:r></w:p>`);
    expect(() => readDocxText(docx(big), { maxXmlBytes: 1000 })).toThrow(/larger than/);
    expect(() => readDocxText(docx(big), { maxFileBytes: 100 })).toThrow(/larger than 100/);
    expect(() => readDocxText(docx('<w:document><w:p>'))).toThrow(DocxError);
  });

  it('refuses a body that compresses suspiciously well (a zip bomb)', () => {
    const bomb = body(`<w:p><w:r><w:t>${'a'.repeat(3_000_000)}</w:t></w:r></w:p>`);
    expect(() => readDocxText(docx(bomb))).toThrow(/zip bomb/);
  });
});
