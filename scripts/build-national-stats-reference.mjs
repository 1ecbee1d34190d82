// Builds reference/national-stats.json: the figures the LA statistics page shows (every indicator
// of every area and year) and each LA's statistical neighbours, derived from the DfE extracts in
// ../shared/reference/national-stats/ by the importer's own parser (dist/, so `npm run build`
// first). The demo loads this table in bulk, so it works without ../shared.
// Run:  npm run build && node scripts/build-national-stats-reference.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(
  process.env.TRIANGULATE_REFERENCE_DIR ?? path.join(root, '..', 'shared', 'reference'),
  'national-stats',
);
const { parseStatsFile } = await import(path.join(root, 'dist/src/domain/national-stats/parse.js'));
const { deriveIndicators } = await import(
  path.join(root, 'dist/src/domain/national-stats/derive.js')
);
const { createLaRegister } = await import(path.join(root, 'dist/src/domain/las/register.js'));

const reg = JSON.parse(readFileSync(path.join(root, 'reference/local-authorities.json'), 'utf8'));
const register = createLaRegister(reg.localAuthorities, reg.successions);
const raw = [];
const neighbours = [];
const sources = [];
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith('.csv'))
  .sort()) {
  const r = parseStatsFile(readFileSync(path.join(dir, name), 'utf8'), name, register);
  if (!r.ok) throw new Error(`${name}: ${r.problem.reason}`);
  if (r.problems.length) throw new Error(`${name}: ${JSON.stringify(r.problems.slice(0, 5))}`);
  sources.push({ file: name, format: r.format.label, rows: r.rows });
  raw.push(...r.figures);
  neighbours.push(...r.neighbours);
}
const figures = deriveIndicators(raw);
// Compact: areas once, then per indicator and area, [year, value or DfE marker] pairs.
const areas = {};
const values = {};
for (const f of figures) {
  areas[f.areaCode] ??= [f.level, f.areaName];
  ((values[f.indicator] ??= {})[f.areaCode] ??= []).push([f.year, f.value ?? f.marker]);
}
const doc = {
  meta: {
    title:
      'DfE national statistics per local authority, region and England (the figures Triangulate shows)',
    schemaVersion: 1,
    generatedBy: 'scripts/build-national-stats-reference.mjs',
    licence:
      'Contains public sector information licensed under the Open Government Licence v3.0 (DfE, ONS).',
    sources,
  },
  areas,
  values,
  neighbours: neighbours.map((n) => [n.laId, n.model, n.rank, n.neighbourLaId, n.closeness]),
};
writeFileSync(path.join(root, 'reference/national-stats.json'), JSON.stringify(doc) + '\n');
console.log(
  `Wrote reference/national-stats.json: ${figures.length} figures, ${Object.keys(areas).length} areas, ${neighbours.length} neighbour rows`,
);
