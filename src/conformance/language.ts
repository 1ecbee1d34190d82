// Runs the language checks over the published reports in ../shared/reference/corpus, oldest
// first, each against a phrase index of the reports published before it (as "earlier reports in
// the system" would be). Writes dist/conformance/language-summary.md and .json: findings per rule,
// per year, SIF against ILACS, per 1,000 words, plus a fixed random sample of findings per rule for
// spot checks (language-sample.json). Passes when every file is read and checked without error;
// files whose PDF extraction failed are listed as skipped.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, PhraseIndex, RULE_IDS, splitSentences } from '../domain/language/index.js';
import type { Finding } from '../domain/language/index.js';
import { projectRoot } from '../paths.js';
import type { ConformanceCheck } from './types.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export interface CorpusFile {
  file: string;
  date: string;
}

/** "80426_barnsley__children's services inspection - 27 october 2023.txt" -> 2023-10-27. */
export function corpusDate(file: string): string | undefined {
  const m = / - (\d{1,2}) ([a-z]+) (\d{4})\.txt$/i.exec(file);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** SIF (2013-2018) or ILACS (2018-) from the report's opening, else from its date. */
export function framework(text: string, date: string): 'SIF' | 'ILACS' {
  const head = text.slice(0, 3000);
  if (
    /inspection of services for children in need of help and protection|single inspection/i.test(
      head,
    )
  )
    return 'SIF';
  if (/local authority children.s services/i.test(head)) return 'ILACS';
  return date < '2018-04-01' ? 'SIF' : 'ILACS';
}

interface Tally {
  reports: number;
  words: number;
  findings: Record<string, number>;
}
const tally = (): Tally => ({
  reports: 0,
  words: 0,
  findings: Object.fromEntries(RULE_IDS.map((r) => [r, 0])),
});
const per1000 = (n: number, words: number) => (words > 0 ? (1000 * n) / words : 0);
const fmt = (x: number) => x.toFixed(2);

/** A deterministic pseudo-random generator (mulberry32), so the spot-check sample is stable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export const checkReportLanguage: ConformanceCheck = async (referenceDir) => {
  const t0 = performance.now();
  const dir = path.join(referenceDir, 'corpus');
  const failures: string[] = [];
  const skipped: string[] = [];
  const files: CorpusFile[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const date = corpusDate(file);
    if (date) files.push({ file, date });
    else failures.push(`${file}: no date in the file name`);
  }
  files.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));

  const index = new PhraseIndex(8);
  const total = tally();
  const byYear = new Map<string, Tally>();
  const byFramework = new Map<string, Tally>();
  const kinds: Record<string, number> = {};
  const reservoir = new Map<string, Array<Finding & { file: string; sentence: string }>>();
  const seen: Record<string, number> = {};
  const rand = random(Number(process.env.TRIANGULATE_SAMPLE_SEED ?? 20140601));
  const SAMPLE = 30;

  for (const { file, date } of files) {
    try {
      const text = readFileSync(path.join(dir, file), 'utf8');
      if (text.trim().length < 200 || /^\s*ERROR\b/.test(text)) {
        skipped.push(file);
        continue;
      }
      const sentences = splitSentences(text);
      const result = lintText(text, { sentences, reference: index });
      const fw = framework(text, date);
      const year = date.slice(0, 4);
      kinds[result.kind] = (kinds[result.kind] ?? 0) + 1;
      for (const t of [
        total,
        byYear.get(year) ?? byYear.set(year, tally()).get(year)!,
        byFramework.get(fw) ?? byFramework.set(fw, tally()).get(fw)!,
      ]) {
        t.reports++;
        t.words += result.words;
        for (const f of result.findings) t.findings[f.rule]!++;
      }
      // Reservoir sampling: a uniform sample of SAMPLE findings per rule, with their sentence.
      for (const f of result.findings) {
        const n = (seen[f.rule] = (seen[f.rule] ?? 0) + 1);
        const bucket = reservoir.get(f.rule) ?? reservoir.set(f.rule, []).get(f.rule)!;
        const slot = n <= SAMPLE ? bucket.length : Math.floor(rand() * n);
        if (slot < SAMPLE) {
          const s = sentences.find(
            (x) => x.offsets[0]! <= f.offset && f.offset < x.offsets[x.text.length]!,
          );
          bucket[slot] = { ...f, file, sentence: s?.text ?? '' };
        }
      }
      index.addSentences(sentences);
    } catch (err) {
      failures.push(`${file}: ${(err as Error).stack ?? String(err)}`);
    }
  }

  const ms = Math.round(performance.now() - t0);
  const years = [...byYear.keys()].sort();
  const fws = ['SIF', 'ILACS'].filter((f) => byFramework.has(f));
  const headline = table(
    ['rule', 'findings', 'per 1,000 words', ...fws.map((f) => `${f} per 1,000`)],
    RULE_IDS.map((r) => [
      r,
      String(total.findings[r]),
      fmt(per1000(total.findings[r]!, total.words)),
      ...fws.map((f) => fmt(per1000(byFramework.get(f)!.findings[r]!, byFramework.get(f)!.words))),
    ]),
  );
  const yearly = table(
    ['year', 'reports', 'words', ...RULE_IDS],
    years.map((y) => {
      const t = byYear.get(y)!;
      return [
        y,
        String(t.reports),
        String(t.words),
        ...RULE_IDS.map((r) => fmt(per1000(t.findings[r]!, t.words))),
      ];
    }),
  );
  const summaryJson = {
    reports: total.reports,
    skipped,
    words: total.words,
    runtimeMs: ms,
    kinds,
    phrasebook: { words: index.words, halfLife: index.halfLife, shingles: index.shingles },
    findings: total.findings,
    per1000Words: Object.fromEntries(
      RULE_IDS.map((r) => [r, per1000(total.findings[r]!, total.words)]),
    ),
    byFramework: Object.fromEntries(byFramework),
    byYear: Object.fromEntries(years.map((y) => [y, byYear.get(y)!])),
  };
  const md = [
    '# Language checks over the published reports',
    '',
    `${total.reports} reports (${total.words.toLocaleString('en-GB')} words) checked in ${(ms / 1000).toFixed(1)} s, oldest first; ` +
      `each report's phrasebook findings are against the ${index.words}-word sequences of the reports published before it. ` +
      `${skipped.length} files skipped (PDF extraction failed). Document kinds detected: ${Object.entries(
        kinds,
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')} (the prescription rule applies to every kind).`,
    '',
    '## Findings per rule (SIF 2013-2018 and ILACS 2018-)',
    '',
    ...headline,
    '',
    '## Findings per 1,000 words, by year of publication',
    '',
    ...yearly,
    '',
    'A uniform random sample of findings per rule, with their sentences, is in language-sample.json (for spot checks).',
    '',
  ].join('\n');
  const out = path.join(projectRoot(), 'dist', 'conformance');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'language-summary.md'), md);
  writeFileSync(path.join(out, 'language-summary.json'), JSON.stringify(summaryJson, null, 2));
  writeFileSync(
    path.join(out, 'language-sample.json'),
    JSON.stringify(Object.fromEntries(reservoir), null, 2),
  );

  return {
    name: 'Language checks over the published reports (corpus)',
    passed: failures.length === 0 && total.reports > 0,
    summary: [
      `${total.reports} reports, ${total.words.toLocaleString('en-GB')} words, ${skipped.length} skipped (extraction failed), ${(ms / 1000).toFixed(1)} s`,
      ...headline,
      'Written: dist/conformance/language-summary.md, language-summary.json, language-sample.json',
    ],
    failures,
  };
};
