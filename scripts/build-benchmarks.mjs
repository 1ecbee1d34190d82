// Builds reference/benchmarks/children-social-care.json: England, region and LA values of the data
// profile indicators that the DfE national statistics cover, each LA's published history, its
// 0-17 population and its statistical neighbours. Input: ../shared/reference/national-stats/*.csv
// (DfE "Children in need" and "Children looked after" releases via CSC_outcomes_and_enablers,
// OGL v3.0). The profile compares an activity's Annex A with these tables (docs/annex-a-profile.md).
// Run:  node scripts/build-benchmarks.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(
  process.env.TRIANGULATE_REFERENCE_DIR ?? path.join(root, '..', 'shared', 'reference'),
);
const stats = (f) => path.join(shared, 'national-stats', f);

/** RFC 4180 CSV (quoted fields, doubled quotes), BOM stripped; rows as objects by heading. */
function readCsv(file) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  const [head, ...body] = rows;
  const keys = head.map((h) => h.trim());
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}

/** DfE suppression markers (c, x, z, u, low, ...) and blanks are no value. */
function num(v) {
  if (v === undefined || v === '' || !/^-?\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}
const round1 = (v) => (v === null ? null : Math.round(v * 10) / 10);

const out = { england: {}, regions: {}, las: {} };
const populations = new Map(); // `${level}|${key}|${year}` -> 0-17 population

function keyOf(r) {
  if (r.geographic_level === 'National') return { level: 'england', key: 'England' };
  if (r.geographic_level === 'Regional') return { level: 'regions', key: r.region_name };
  if (r.geographic_level === 'Local authority' && r.old_la_code)
    return { level: 'las', key: r.old_la_code };
  return null;
}

function put(r, indicator, value) {
  const k = keyOf(r);
  const year = Number(r.time_period);
  // Five published years are enough for an LA's own trend; older ones only enlarge the file.
  if (!k || value === null || !Number.isFinite(year) || year < 2021) return;
  const area =
    k.level === 'england'
      ? out.england
      : ((out[k.level][k.key] ??= k.level === 'las' ? { name: r.la_name, values: {} } : {}),
        k.level === 'las' ? out.las[k.key].values : out.regions[k.key]);
  if (k.level === 'las') {
    out.las[k.key].name = r.la_name;
    if (r.region_name) out.las[k.key].region = r.region_name;
  }
  (area[indicator] ??= {})[year] = round1(value);
}

// Populations aged 0-17 (ONS mid-year estimates, as DfE uses them for rates per 10,000).
for (const r of readCsv(stats('cla_number_and_rate_per_10k_children.csv'))) {
  if (r.population_type !== 'Children looked after on 31 March each year') continue;
  const k = keyOf(r);
  const pop = num(r.population_estimate);
  if (k && pop !== null) populations.set(`${k.level}|${k.key}|${r.time_period}`, pop);
  put(r, 'cla.rate_per_10k', num(r.rate_per_10000));
}
const pop = (r) => {
  const k = keyOf(r);
  return k ? (populations.get(`${k.level}|${k.key}|${r.time_period}`) ?? null) : null;
};
const per10k = (count, r) => {
  const p = pop(r);
  return count === null || !p ? null : (count / p) * 10_000;
};

for (const r of readCsv(stats('c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'))) {
  put(r, 'referrals.rereferral_percent', num(r.rereferral_percent));
  put(r, 'referrals.nfa_percent', num(r.no_further_action_percent));
  put(r, 'referrals.rate_per_10k', per10k(num(r.referral_count), r));
}
for (const r of readCsv(stats('b1_children_in_need_2013_to_2025.csv')))
  put(r, 'cin.rate_per_10k', per10k(num(r.At31_episodes), r));
for (const r of readCsv(stats('d3_cpps_subsequent_plan_2013_to_2025.csv')))
  put(r, 'cp.repeat_percent', num(r.CPP_subsequent_percent));
for (const r of readCsv(stats('d5_cpps_at31march_by_duration_2013_to_2025.csv'))) {
  put(r, 'cp.over_2_years_percent', num(r['2_years_or_more_percent']));
  put(r, 'cp.rate_per_10k', per10k(num(r.CPP_At31), r));
}

// Placement stability: the percentage is recomputed from the counts (children_percent is rounded).
const stability = new Map();
for (const r of readCsv(stats('la_cla_placement_stability.csv'))) {
  const id = `${r.geographic_level}|${r.region_name}|${r.old_la_code}|${r.time_period}|${r.cla_group}`;
  const e = stability.get(id) ?? { row: r };
  if (r.placement_stability === 'Total children') e.total = num(r.children_count);
  else e.count = num(r.children_count);
  stability.set(id, e);
}
for (const { row, total, count } of stability.values()) {
  const pct = total && count !== null && count !== undefined ? (count / total) * 100 : null;
  if (row.cla_group === 'CLA on 31 March') put(row, 'cla.three_placements_percent', pct);
  else if (row.cla_group.startsWith('Children looked after continuously'))
    put(row, 'cla.long_term_stability_percent', pct);
}

// Care leavers in suitable accommodation: suitable / all care leavers of the age group.
const suit = new Map();
for (const r of readCsv(stats('la_care_leavers_accommodation_suitability.csv'))) {
  const id = `${r.geographic_level}|${r.region_name}|${r.old_la_code}|${r.time_period}|${r.care_leaver_age}`;
  const e = suit.get(id) ?? { row: r };
  if (r.breakdown === 'Suitability total') e.total = num(r.care_leaver_count);
  if (r.breakdown === 'Accommodation considered suitable') e.count = num(r.care_leaver_count);
  suit.set(id, e);
}
for (const { row, total, count } of suit.values()) {
  const pct = total && count !== null && count !== undefined ? (count / total) * 100 : null;
  const key = row.care_leaver_age.startsWith('17')
    ? 'care_leavers.suitable_17_18_percent'
    : row.care_leaver_age.startsWith('19')
      ? 'care_leavers.suitable_19_21_percent'
      : null;
  if (key) put(row, key, pct);
}

// Statistical neighbours: the 2025 model, else the April 2021 groupings.
const sn2025 = new Map();
for (const r of readCsv(stats('sn_model_2025_wide.csv'))) {
  const list = [];
  for (let i = 1; i <= 10; i++) if (r[`SN_${i}`]) list.push(r[`SN_${i}`]);
  sn2025.set(r.old_la_code, list);
}
const sn2021 = new Map();
{
  const text = readFileSync(stats('New_Statistical_Neighbour_Groupings_April_2021.csv'), 'utf8');
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)) {
    const cells = line.split(',');
    if (!cells[0]) continue;
    // LA num, LA Name, LA number, GOInd, GOReg, then SN code / closeness pairs.
    const list = [];
    for (let i = 5; i < 25; i += 2) if (/^\d{3}$/.test(cells[i] ?? '')) list.push(cells[i]);
    sn2021.set(cells[0], list);
  }
}

const las = {};
for (const code of Object.keys(out.las).sort()) {
  const la = out.las[code];
  const years = [...populations.keys()]
    .filter((k) => k.startsWith(`las|${code}|`))
    .map((k) => Number(k.split('|')[2]))
    .sort((a, b) => b - a);
  const fromSn2025 = sn2025.has(code);
  las[code] = {
    name: la.name,
    region: la.region ?? null,
    population0to17: years.length ? populations.get(`las|${code}|${years[0]}`) : null,
    populationYear: years[0] ?? null,
    statNeighbours: sn2025.get(code) ?? sn2021.get(code) ?? [],
    statNeighbourModel: fromSn2025 ? 'sn_model_2025' : sn2021.has(code) ? 'groupings_2021' : null,
    values: la.values,
  };
}

const doc = {
  meta: {
    title: 'Children’s social care benchmarks for the Annex A data profile',
    schemaVersion: 1,
    generatedBy: 'scripts/build-benchmarks.mjs',
    licence:
      'Contains public sector information licensed under the Open Government Licence v3.0 (DfE, ONS).',
    sources: [
      {
        file: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
        publisher: 'DfE, Children in need (years ending 31 March)',
        indicators: [
          'referrals.rereferral_percent',
          'referrals.nfa_percent',
          'referrals.rate_per_10k',
        ],
      },
      {
        file: 'b1_children_in_need_2013_to_2025.csv',
        publisher: 'DfE, Children in need',
        indicators: ['cin.rate_per_10k'],
      },
      {
        file: 'd3_cpps_subsequent_plan_2013_to_2025.csv',
        publisher: 'DfE, Children in need (child protection plans)',
        indicators: ['cp.repeat_percent'],
      },
      {
        file: 'd5_cpps_at31march_by_duration_2013_to_2025.csv',
        publisher: 'DfE, Children in need (child protection plans)',
        indicators: ['cp.over_2_years_percent', 'cp.rate_per_10k'],
      },
      {
        file: 'cla_number_and_rate_per_10k_children.csv',
        publisher: 'DfE, Children looked after in England; ONS mid-year population 0-17',
        indicators: ['cla.rate_per_10k', 'population0to17'],
      },
      {
        file: 'la_cla_placement_stability.csv',
        publisher: 'DfE, Children looked after in England',
        indicators: ['cla.three_placements_percent', 'cla.long_term_stability_percent'],
      },
      {
        file: 'la_care_leavers_accommodation_suitability.csv',
        publisher: 'DfE, Children looked after in England (care leavers)',
        indicators: ['care_leavers.suitable_17_18_percent', 'care_leavers.suitable_19_21_percent'],
      },
      {
        file: 'sn_model_2025_wide.csv; New_Statistical_Neighbour_Groupings_April_2021.csv',
        publisher: 'DfE statistical neighbour model (2025), groupings (April 2021) as fallback',
        indicators: ['statNeighbours'],
      },
    ],
  },
  england: out.england,
  regions: Object.fromEntries(Object.entries(out.regions).sort(([a], [b]) => a.localeCompare(b))),
  las,
};

mkdirSync(path.join(root, 'reference', 'benchmarks'), { recursive: true });
const target = path.join(root, 'reference', 'benchmarks', 'children-social-care.json');
writeFileSync(target, `${JSON.stringify(doc)}\n`);
process.stderr.write(
  `${target}: ${Object.keys(las).length} LAs, ${Object.keys(doc.regions).length} regions, ${Object.keys(out.england).length} England indicators\n`,
);
