// Writes the sentences of the language evaluation set's reports, as the product's own splitter
// cuts them, for the two readers to label: one JSON line per sentence with its stable id
// ("<report key>#<sentence index>"), offsets in the corpus file, its text and its neighbours.
// Usage (after `npm run build`): node scripts/language-eval/export-sentences.mjs OUT.jsonl
// The text goes only to the readers' folder, never into the repository (reference README).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { splitSentences } = await import(path.join(root, 'dist/src/domain/language/sentences.js'));
const reports = JSON.parse(
  readFileSync(path.join(root, 'reference/language-eval/reports.json'), 'utf8'),
);
const corpus = path.join(
  process.env.TRIANGULATE_REFERENCE_DIR ?? path.join(root, '..', 'shared', 'reference'),
  'corpus',
);
const out = process.argv[2];
if (!out) throw new Error('usage: export-sentences.mjs OUT.jsonl');

const lines = [];
for (const report of reports.reports) {
  const text = readFileSync(path.join(corpus, report.file), 'utf8');
  const sentences = splitSentences(text);
  sentences.forEach((s, n) => {
    lines.push(
      JSON.stringify({
        id: `${report.key}#${n}`,
        file: report.file,
        start: s.offsets[0],
        end: s.offsets[s.text.length],
        text: s.text,
        before: sentences[n - 1]?.text ?? '',
        after: sentences[n + 1]?.text ?? '',
      }),
    );
  });
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} sentences from ${reports.reports.length} reports -> ${out}`);
