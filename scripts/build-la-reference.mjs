// Builds reference/local-authorities.json, the project's own table of English local authorities
// (the 153 current ones and their predecessors), from the facts held in the shared reference
// files. Plain JS because the repository has no TypeScript runner for scripts.
//
//   node scripts/build-la-reference.mjs [referenceDir] [outFile]
//
// referenceDir defaults to ../shared/reference (next to the repository). The output is sorted
// and carries no timestamp, so rebuilding from the same sources gives a byte-identical file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  EXTRA_PREDECESSORS,
  OFSTED_REGIONS,
  ONS_REGIONS,
  PREVIOUS_GSS,
  REORGANISATIONS,
  TYPE_BY_GSS_PREFIX,
  describeTable,
} from './la-reference-facts.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/reference'));
const outFile = path.resolve(
  process.argv[3] ?? path.join(repoRoot, 'reference/local-authorities.json'),
);

const FILES = {
  las: 'la/england_153_las_with_regions_and_ilacs.csv',
  lookup: 'la/d2i-scrape_JT-39_Provider_data_lookup.csv',
  history: 'ofsted/ofsted_ilacs_inspection_history_2018-2025.csv',
  scrape: 'ofsted/d2i-scrape_JT-39_ofsted_csc_ilacs_history.csv',
};

const notes = [];

function readCsv(rel) {
  const text = readFileSync(path.join(referenceDir, rel), 'utf8');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
}

// Mirrors src/domain/las/names.ts closely enough to detect colliding aliases here.
function normalise(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ (city|county) of$/, '')
    .replace(/^county /, '');
}

function slug(name) {
  return normalise(name).replace(/ /g, '-');
}

function splitCodes(s) {
  return (s ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

// "[BCP, Bournemouth, Christchurch & Poole]": a comma-separated list whose items may themselves
// contain a comma; rejoin neighbours that together spell one of the authority's known names.
function splitAliases(list, knownNames) {
  const known = new Set(knownNames.filter(Boolean).map(normalise));
  const parts = (list ?? '')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const joined = `${parts[i]}, ${parts[i + 1] ?? ''}`;
    if (i + 1 < parts.length && known.has(normalise(joined))) {
      out.push(joined);
      i++;
    } else out.push(parts[i]);
  }
  return out;
}

function toInt(s) {
  return /^\d+$/.test(s ?? '') ? Number(s) : null;
}

function regionFromName(laName, code, name) {
  const expected = Object.entries(ONS_REGIONS).find(([, n]) => n === name)?.[0];
  if (!expected) throw new Error(`${laName}: unknown ONS region name '${name}'`);
  if (code && code !== expected) {
    notes.push(
      `${laName}: the source gives ONS region code ${code} (${ONS_REGIONS[code] ?? 'unknown'}) beside region name ${name}; the code was corrected to ${expected}.`,
    );
  }
  return { onsRegionCode: expected, onsRegion: name };
}

function laTypeFor(laName, gss, sourceType) {
  const derived = TYPE_BY_GSS_PREFIX[gss.slice(0, 3)];
  if (!derived) throw new Error(`${laName}: GSS code ${gss} is not an upper-tier authority code`);
  if (sourceType && sourceType !== derived) {
    notes.push(
      `${laName}: the source gives LA type '${sourceType}' but GSS code ${gss} names a ${derived}; the type follows the code.`,
    );
  }
  return derived;
}

const las = readCsv(FILES.las);
const lookup = readCsv(FILES.lookup);
const history = readCsv(FILES.history);
const scrape = readCsv(FILES.scrape);

const lookupByGss = new Map(lookup.map((r) => [r.la_code_new, r]));
const namesByGss = new Map();
const namesByUrn = new Map();
const addName = (map, key, name) => {
  if (!key || !name || /^\d+$/.test(name)) return;
  if (!map.has(key)) map.set(key, new Set());
  map.get(key).add(name.trim());
};
for (const r of history)
  addName(namesByGss, r['Local authority area code'], r['Local authority name']);
for (const r of scrape) addName(namesByUrn, r.urn, r.local_authority);
for (const r of lookup) {
  for (const n of [r.local_authority_ons_name, r.ltla23nm, r.utla23nm])
    addName(namesByGss, r.la_code_new, n);
  for (const n of splitAliases(r.also_known_as, [r.local_authority_ons_name]))
    addName(namesByGss, r.la_code_new, n);
}

const records = [];

for (const r of las) {
  const gss = r.ons_code_current;
  const previous = new Set(PREVIOUS_GSS[gss] ?? []);
  if (r.ons_code_ofsted_2025 !== gss) previous.add(r.ons_code_ofsted_2025);
  const lk = lookupByGss.get(gss);
  if (!lk) throw new Error(`${r.la_name}: no row in the provider lookup for ${gss}`);
  if (lk.urn !== r.ofsted_la_urn || lk.la_code !== r.dfe_la_code) {
    throw new Error(
      `${r.la_name}: URN or DfE code differs between the LA list and the provider lookup`,
    );
  }
  if (!OFSTED_REGIONS.has(r.ofsted_region))
    throw new Error(`${r.la_name}: unknown Ofsted region '${r.ofsted_region}'`);
  records.push({
    id: slug(r.la_name),
    name: r.la_name,
    gssCode: gss,
    previousGssCodes: [...previous].sort(),
    dfeCode: r.dfe_la_code,
    ofstedUrn: r.ofsted_la_urn,
    ofstedRegion: r.ofsted_region,
    ...regionFromName(r.la_name, r.ons_region_code, r.ons_region),
    laType: laTypeFor(r.la_name, gss, r.la_type),
    validFrom: null,
    validTo: null,
    population0to17: null,
    onsPopulation0to25: toInt(lk['ons_population_0-25']),
    statNeighbours: splitCodes(r.stat_neighbours_dfe_codes),
    aliasSources: [...(namesByGss.get(gss) ?? []), ...(namesByUrn.get(r.ofsted_la_urn) ?? [])],
  });
}

// Predecessors: every GSS code that a reorganisation names but that is not a current authority.
const currentGss = new Set(records.map((r) => r.gssCode));
const predecessorGss = [...new Set(REORGANISATIONS.flatMap((o) => o.predecessors))].filter(
  (g) => !currentGss.has(g),
);
const historyByGss = new Map(history.map((r) => [r['Local authority area code'], r]));
for (const gss of predecessorGss.sort()) {
  const lk = lookupByGss.get(gss);
  const hist = historyByGss.get(gss);
  const extra = EXTRA_PREDECESSORS[gss] ?? {};
  const name = extra.name ?? hist?.['Local authority name'] ?? lk?.local_authority_ons_name;
  if (!name) throw new Error(`predecessor ${gss}: no name in any source`);
  const ended = REORGANISATIONS.filter((o) => o.predecessors.includes(gss)).map((o) => o.date)[0];
  const validTo = new Date(Date.parse(`${ended}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const onsRegionCode = lk?.rgn22cd ?? extra.onsRegionCode;
  const region = regionFromName(name, onsRegionCode, ONS_REGIONS[onsRegionCode]);
  const ofstedRegion = hist?.['Ofsted region'] ?? extra.ofstedRegion;
  if (!OFSTED_REGIONS.has(ofstedRegion))
    throw new Error(`${name}: unknown Ofsted region '${ofstedRegion}'`);
  records.push({
    // Predecessors carry the year they ended, so the old and new Dorset have distinct ids.
    id: `${slug(name)}-to-${ended.slice(0, 4)}`,
    name,
    gssCode: gss,
    previousGssCodes: [],
    dfeCode: lk?.la_code || extra.dfeCode || null,
    ofstedUrn: lk?.urn || null,
    ofstedRegion,
    ...region,
    laType: laTypeFor(name, gss, lk?.ons_la_type || null),
    validFrom: null,
    validTo,
    population0to17: null,
    onsPopulation0to25: toInt(lk?.['ons_population_0-25']),
    statNeighbours: splitCodes(lk?.stat_neighbours),
    aliasSources: [...(namesByGss.get(gss) ?? [])],
  });
}

const byGss = new Map(records.map((r) => [r.gssCode, r]));
const successions = [];
for (const o of REORGANISATIONS) {
  for (const s of o.successors) {
    const successor = byGss.get(s);
    if (!successor) throw new Error(`successor ${s} is not in the table`);
    successor.validFrom = o.date;
    for (const p of o.predecessors) {
      successions.push({
        predecessorId: byGss.get(p).id,
        successorId: successor.id,
        effectiveDate: o.date,
      });
    }
  }
}

// A split authority's population is only trustworthy if the successors' figures differ from
// their predecessor's; the lookup repeats Cumbria's figure for both of its successors.
for (const o of REORGANISATIONS) {
  const pops = o.predecessors.map((p) => byGss.get(p).onsPopulation0to25);
  for (const s of o.successors) {
    const rec = byGss.get(s);
    if (
      rec.onsPopulation0to25 !== null &&
      o.successors.length > 1 &&
      pops.includes(rec.onsPopulation0to25)
    ) {
      notes.push(
        `${rec.name}: the lookup gives the predecessor's population (${rec.onsPopulation0to25}) for this successor; left empty.`,
      );
      rec.onsPopulation0to25 = null;
    }
  }
}

// Aliases: the other spellings the sources use that normalise differently from the name (lookups
// compare normalised names), minus any that another authority is called (the lookup lists
// "Bournemouth" as a name of BCP, which would mislead).
const canonical = new Map(records.map((r) => [normalise(r.name), r.id]));
const SMALL_WORDS = new Set(['and', 'upon', 'on', 'of', 'the', 'in', 'with']);
const titleCase = (s) =>
  s === s.toLowerCase()
    ? s.replace(/\b[a-z]+/g, (w, i) =>
        i > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1),
      )
    : s;
for (const r of records) {
  const keys = new Set([normalise(r.name)]);
  const aliases = [];
  for (const a of r.aliasSources) {
    const key = normalise(a);
    if (keys.has(key)) continue;
    keys.add(key);
    const owner = canonical.get(key);
    if (owner) {
      notes.push(`${r.name}: the alias '${a}' is the name of ${owner}; not used.`);
      continue;
    }
    aliases.push(titleCase(a));
  }
  r.aliases = aliases.sort();
  delete r.aliasSources;
}

// Checks that make the table safe to look things up in.
const current = records.filter((r) => r.validTo === null);
if (current.length !== 153)
  throw new Error(`expected 153 current authorities, found ${current.length}`);
const currentDfe = new Set(current.map((r) => r.dfeCode));
for (const r of records) {
  for (const n of r.statNeighbours) {
    if (!currentDfe.has(n))
      throw new Error(`${r.name}: statistical neighbour ${n} is not a current authority`);
  }
}
const unique = (label, values) => {
  const seen = new Set();
  for (const v of values.filter(Boolean)) {
    if (seen.has(v)) throw new Error(`duplicate ${label}: ${v}`);
    seen.add(v);
  }
};
unique(
  'id',
  records.map((r) => r.id),
);
unique(
  'GSS code',
  records.flatMap((r) => [r.gssCode, ...r.previousGssCodes]),
);
unique(
  'DfE code',
  records.map((r) => r.dfeCode),
);
unique(
  'Ofsted URN',
  records.map((r) => r.ofstedUrn),
);

const attested = new Set([
  ...history.map((r) => r['Local authority area code']),
  ...las.map((r) => r.ons_code_ofsted_2025),
]);
const supplementary = Object.entries(PREVIOUS_GSS)
  .flatMap(([, olds]) => olds)
  .filter((c) => !attested.has(c));
notes.push(
  `Previous GSS codes not found in the shared files (added from the ONS Code History Database): ${supplementary.sort().join(', ')}.`,
  'Dorset County Council (E10000009, DfE 835) is not in the shared files; added from the ONS Code History Database and the DfE LA code list. Its Ofsted URN is not known.',
);

records.sort((a, b) => (a.validTo === null) - (b.validTo === null) || a.id.localeCompare(b.id));
successions.sort(
  (a, b) =>
    a.predecessorId.localeCompare(b.predecessorId) || a.successorId.localeCompare(b.successorId),
);

const output = {
  meta: describeTable({
    files: FILES,
    notes,
    counts: {
      current: current.length,
      former: records.length - current.length,
      successions: successions.length,
    },
  }),
  localAuthorities: records,
  successions,
};

writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
process.stdout.write(
  `Wrote ${records.length} authorities (${current.length} current) and ${successions.length} successions to ${path.relative(process.cwd(), outFile)}\n`,
);
for (const n of notes) process.stdout.write(`  note: ${n}\n`);
