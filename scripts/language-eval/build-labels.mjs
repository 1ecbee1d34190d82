// Builds reference/language-eval/labels.jsonl from the readers' files: for every sentence its id,
// offsets in the corpus file, a hash of its text (to detect drift), reader A's and reader B's
// labels, and the resolved label (the readers' shared label, or the resolver's choice with a short
// reason). The sentence text itself is never written to the repository.
// Usage: node scripts/language-eval/build-labels.mjs DIR
//   DIR holds sentences.jsonl, reader-a.jsonl, reader-b.jsonl and resolutions.jsonl
//   ({"id", "label", "reason"} for each sentence the readers labelled differently).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = process.argv[2];
if (!dir) throw new Error('usage: build-labels.mjs DIR');
const CATEGORIES = new Set(['overcertain', 'causal', 'prescriptive', 'sweeping', 'fine']);
const jsonl = (file) =>
  readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const byId = (rows) => new Map(rows.map((r) => [r.id, r]));
const a = byId(jsonl('reader-a.jsonl'));
const b = byId(jsonl('reader-b.jsonl'));
const resolved = byId(jsonl('resolutions.jsonl'));
const hash = (text) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

const out = [];
const problems = [];
for (const s of jsonl('sentences.jsonl')) {
  const la = a.get(s.id)?.label ?? null;
  const lb = b.get(s.id)?.label ?? null;
  for (const l of [la, lb])
    if (l !== null && !CATEGORIES.has(l)) problems.push(`${s.id}: label ${l}`);
  let label = null;
  let reason;
  if (la !== null && la === lb) label = la;
  else if (resolved.has(s.id)) ({ label, reason } = resolved.get(s.id));
  else if (la !== null && lb !== null) problems.push(`${s.id}: readers differ and no resolution`);
  if (label === null) continue; // not labelled by both readers: left out
  out.push(
    JSON.stringify({
      id: s.id,
      start: s.start,
      end: s.end,
      sha: hash(s.text),
      a: la,
      b: lb,
      label,
      ...(reason ? { reason } : {}),
    }),
  );
}
if (problems.length) throw new Error(problems.join('\n'));
writeFileSync(path.join(root, 'reference/language-eval/labels.jsonl'), out.join('\n') + '\n');
console.log(`${out.length} labelled sentences written`);
