// `npm run conformance`: checks the project against the real-world files in ../shared/reference.
// These checks are separate from `npm test`, which must pass on a clone without ../shared.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.js';
import { checkAnnexAImport } from './annex-a.js';
import { checkAggregationRules } from './frameworks.js';
import { checkHistoryImport } from './history.js';
import { checkNationalStatsImport } from './national-stats.js';
import { checkReportLanguage } from './language.js';
import { checkLanguageEvaluation } from './language-eval.js';
import { checkRefiExchange } from './refi.js';
import { checkReviewTables } from './review-tables.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

const checks: ConformanceCheck[] = [
  checkAggregationRules,
  checkHistoryImport,
  checkReportLanguage,
  checkLanguageEvaluation,
  checkAnnexAImport,
  checkRefiExchange,
  checkNationalStatsImport,
  checkReviewTables,
];

const referenceDir = path.resolve(
  process.env.TRIANGULATE_REFERENCE_DIR ?? path.join(projectRoot(), '..', 'shared', 'reference'),
);
if (!existsSync(referenceDir)) {
  process.stderr.write(
    `Conformance needs the reference files at ${referenceDir} (set TRIANGULATE_REFERENCE_DIR).\n`,
  );
  process.exit(2);
}

// `node dist/src/conformance/run.js checkLanguageEvaluation` runs only the checks named.
const only = process.argv.slice(2);
const unknown = only.filter((n) => !checks.some((c) => c.name === n));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown check ${unknown.join(', ')}; the checks are ${checks.map((c) => c.name).join(', ')}.\n`,
  );
  process.exit(2);
}
const selected = only.length > 0 ? checks.filter((c) => only.includes(c.name)) : checks;

const results: ConformanceResult[] = [];
for (const check of selected) {
  const t0 = performance.now();
  const r = await check(referenceDir);
  results.push(r);
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(`\n${r.passed ? 'PASS' : 'FAIL'} ${r.name} (${ms} ms)\n`);
  for (const line of r.summary) process.stdout.write(`  ${line}\n`);
  for (const f of r.failures.slice(0, 50)) process.stdout.write(`  ✗ ${f}\n`);
  if (r.failures.length > 50)
    process.stdout.write(`  … and ${r.failures.length - 50} more failures\n`);
}

const outDir = path.join(projectRoot(), 'dist', 'conformance');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
const failed = results.filter((r) => !r.passed).length;
process.stdout.write(`\n${results.length - failed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
