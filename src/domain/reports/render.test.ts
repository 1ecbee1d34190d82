import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../evidence/import/pdf-text.js';
import { sampleReport } from '../../../test/helpers/report-sample.js';
import { renderReportDocx } from './render-docx.js';
import { renderReportHtml } from './render-html.js';
import { pdfSafe, renderReportPdf } from './render-pdf.js';

describe('HTML export', () => {
  it('escapes text, numbers paragraphs and marks drafts', () => {
    const html = renderReportHtml(sampleReport(), { status: 'DRAFT, version 3' });
    expect(html).toContain(
      '<h1>Inspection of Northfield local authority children&#39;s services</h1>',
    );
    expect(html).toContain('&amp; &lt;plans&gt;');
    expect(html).toContain('<li value="1"><span>1.</span>');
    expect(html).toContain('<strong>DRAFT, version 3</strong>');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('DOCX export', () => {
  it('has the parts Word needs and the report in document.xml', async () => {
    const files = unzipSync(await renderReportDocx(sampleReport(), { status: 'DRAFT, version 3' }));
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
    ])
      expect(Object.keys(files), part).toContain(part);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('Inspection of Northfield local authority children');
    expect(xml).toContain('DRAFT, version 3');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toMatch(
      /<w:t xml:space="preserve">1\.<\/w:t><w:tab\/>|<w:t xml:space="preserve">1\.<\/w:t>\s*<\/w:r>\s*<w:r>\s*<w:tab\/>|1\./,
    );
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('The quality of written records &amp; &lt;plans&gt;');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('Inspection of Northfield');
  });
});

describe('PDF export', () => {
  it('wraps the whole report over numbered pages with its text extractable', async () => {
    const bytes = await renderReportPdf(sampleReport());
    expect(strFromU8(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Inspection of Northfield local authority children');
    expect(text).toContain('Judgement / Grade');
    expect(text).toMatch(/Page 1 of (\d+)/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // Continuous numbering survives into the PDF: the last numbered paragraph is there.
    expect(text).toMatch(/\b1\.\s/);
    expect(text).toContain('What we found when we inspected children');
  });

  it('replaces characters the standard fonts cannot show', () => {
    expect(pdfSafe('Café – “quoted” ≥ 5 🙂')).toBe('Café – “quoted” ? 5 ?');
  });
});
