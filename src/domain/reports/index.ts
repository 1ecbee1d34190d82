// Reports and letters: draft assembly from framework templates, paragraph numbering, structural
// rules, factual accuracy windows, comparison, and the HTML, DOCX and PDF renderers.
export * from './types.js';
export * from './text.js';
export * from './assemble.js';
export * from './numbering.js';
export * from './rules.js';
export * from './factual-accuracy.js';
export * from './compare.js';
export * from './grades.js';
export * from './blocks.js';
export { renderReportHtml } from './render-html.js';
export { renderReportDocx } from './render-docx.js';
export { renderReportPdf, pdfSafe } from './render-pdf.js';
