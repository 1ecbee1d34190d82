// Reads one DfE extract into raw figures (or statistical neighbour lists), and every row it cannot
// use into a problem naming the file, row, field, value and reason. Rows with no data at all and
// the neighbour file's section notes ("Old SNs:") are passed over. Which file it is comes from
// its header row (formats.ts). Pure: runs in a worker thread (workers/tasks.ts).
import { parse } from 'csv-parse/sync';
import type { LaIdentity } from '../las/la.js';
import type { LaLookup, LaRegister } from '../las/register.js';
import { detectStatsFormat, type StatsFormat, type StatsFormatId } from './formats.js';
import {
  ENGLAND_CODE,
  suppressionMarkers,
  type AreaLevel,
  type Figure,
  type NeighbourRow,
  type StatsRowProblem,
  type SuppressionMarker,
} from './indicators.js';

export type ParseStatsResult =
  | {
      ok: true;
      format: { id: StatsFormatId; label: string };
      rows: number;
      /** Raw measures (`raw.*`) and direct indicators; derive.ts makes the indicators. */
      figures: Figure[];
      neighbours: NeighbourRow[];
      problems: StatsRowProblem[];
    }
  | { ok: false; problem: StatsRowProblem };

type Cell = { value: number | null; marker: SuppressionMarker | null } | { problem: string };

const MARKERS = new Set<string>(suppressionMarkers);

/** A number, or one of DfE's symbols for a value not given; anything else is a problem. */
export function readStatValue(raw: string | undefined): Cell {
  const v = (raw ?? '').trim();
  if (v === '') return { problem: 'Empty: expected a number or a DfE symbol (c, k, u, x, z)' };
  if (/^-?\d+(\.\d+)?$/.test(v)) return { value: Number(v), marker: null };
  if (MARKERS.has(v.toLowerCase()))
    return { value: null, marker: v.toLowerCase() as SuppressionMarker };
  return { problem: 'Not a number nor a DfE symbol (c, k, u, x, z)' };
}

/** Which raw measure a row's columns feed, per format (placement and care-leaver rows by kind). */
function measuresOf(format: StatsFormatId, row: Record<string, string>): [string, string][] {
  switch (format) {
    case 'b1_children_in_need':
      return [['raw.cin_at31', 'At31_episodes']];
    case 'c1_referrals':
      return [
        ['raw.referrals', 'referral_count'],
        ['referrals.rereferral_percent', 'rereferral_percent'],
        ['referrals.nfa_percent', 'no_further_action_percent'],
      ];
    case 'd3_cpp_subsequent':
      return [['cp.repeat_percent', 'CPP_subsequent_percent']];
    case 'd5_cpp_duration':
      return [
        ['raw.cp_at31', 'CPP_At31'],
        ['cp.over_2_years_percent', '2_years_or_more_percent'],
      ];
    case 'cla_rates':
      return row.population_type === 'Children looked after on 31 March each year'
        ? [
            ['cla.rate_per_10k', 'rate_per_10000'],
            ['raw.population', 'population_estimate'],
          ]
        : [];
    case 'placement_stability': {
      const group =
        row.cla_group === 'CLA on 31 March'
          ? 'stab31'
          : (row.cla_group ?? '').startsWith('Children looked after continuously')
            ? 'stablong'
            : null;
      const part =
        row.placement_stability === 'Total children'
          ? 'total'
          : row.placement_stability === 'With 3 or more placements during the year' &&
              group === 'stab31'
            ? 'count'
            : row.placement_stability === 'Living with the same carer for at least 2 years' &&
                group === 'stablong'
              ? 'count'
              : null;
      return group && part ? [[`raw.${group}_${part}`, 'children_count']] : [];
    }
    case 'care_leavers_accommodation': {
      const age = row.care_leaver_age?.startsWith('17')
        ? '1718'
        : row.care_leaver_age?.startsWith('19')
          ? '1921'
          : null;
      const part =
        row.breakdown === 'Suitability total'
          ? 'total'
          : row.breakdown === 'Accommodation considered suitable'
            ? 'suitable'
            : null;
      return age && part ? [[`raw.leavers${age}_${part}`, 'care_leaver_count']] : [];
    }
    default:
      return [];
  }
}

interface Area {
  level: AreaLevel;
  code: string;
  name: string;
}

function lookupLa(
  register: LaRegister<LaIdentity>,
  row: Record<string, string>,
  year: number,
): { la: LaIdentity } | { field: string; value: string; reason: string } {
  const on = `${year}-03-31`;
  const gss = (row.new_la_code ?? '').trim();
  const dfe = (row.old_la_code ?? '').trim();
  if (!gss && !dfe)
    return { field: 'new_la_code', value: '', reason: 'A local authority row needs an LA code' };
  const byGss: LaLookup | null = gss ? register.byGss(gss, on) : null;
  const byDfe: LaLookup | null = dfe ? register.byDfe(dfe, on) : null;
  if (byGss?.ok && byDfe?.ok && byGss.la.id !== byDfe.la.id)
    return {
      field: 'old_la_code',
      value: dfe,
      reason: `The old code names ${byDfe.la.name} but the new code ${gss} names ${byGss.la.name}`,
    };
  if (byGss?.ok) return { la: byGss.la };
  if (byDfe?.ok) return { la: byDfe.la };
  return gss
    ? {
        field: 'new_la_code',
        value: gss,
        reason: 'No local authority in the register has this code',
      }
    : {
        field: 'old_la_code',
        value: dfe,
        reason: 'No local authority in the register has this code',
      };
}

function areaOf(
  register: LaRegister<LaIdentity>,
  row: Record<string, string>,
  year: number,
): Area | { field: string; value: string; reason: string } {
  const level = (row.geographic_level ?? '').trim();
  if (level === 'National') return { level: 'england', code: ENGLAND_CODE, name: 'England' };
  if (level === 'Regional') {
    const code = (row.region_code ?? '').trim();
    if (!/^E1[23]\d{6}$/.test(code))
      return { field: 'region_code', value: code, reason: 'A regional row needs a region code' };
    return { level: 'region', code, name: (row.region_name ?? '').trim() || code };
  }
  if (level === 'Local authority') {
    const found = lookupLa(register, row, year);
    if ('reason' in found) return found;
    return { level: 'la', code: found.la.id, name: found.la.name };
  }
  return {
    field: 'geographic_level',
    value: level,
    reason: 'Expected National, Regional or Local authority',
  };
}

function table(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
}

export function parseStatsFile(
  text: string,
  file: string,
  register: LaRegister<LaIdentity>,
): ParseStatsResult {
  let cells: string[][];
  try {
    cells = table(text);
  } catch (err) {
    return {
      ok: false,
      problem: { file, reason: `Not a readable CSV: ${(err as Error).message}` },
    };
  }
  const header = (cells[0] ?? []).map((h) => h.trim());
  const format = detectStatsFormat(header);
  if (!format)
    return {
      ok: false,
      problem: {
        file,
        row: 1,
        reason:
          'Not a DfE extract this importer reads (children in need b1, referrals c1, child protection d3/d5, children looked after rates, placement stability, care leavers, statistical neighbours)',
      },
    };
  const body = cells.slice(1);
  const rows = body.filter((r) => r.some((c) => c.trim() !== '')).length;
  const out =
    format.kind === 'neighbours'
      ? readNeighbours(format, header, body, file, register)
      : readFigures(format, header, body, file, register);
  return { ok: true, format: { id: format.id, label: format.label }, rows, ...out };
}

function readFigures(
  format: StatsFormat,
  header: string[],
  body: string[][],
  file: string,
  register: LaRegister<LaIdentity>,
): { figures: Figure[]; neighbours: NeighbourRow[]; problems: StatsRowProblem[] } {
  const figures: Figure[] = [];
  const problems: StatsRowProblem[] = [];
  const seen = new Set<string>();
  body.forEach((cellsOfRow, i) => {
    const rowNo = i + 2;
    if (cellsOfRow.every((c) => c.trim() === '')) return;
    const row = Object.fromEntries(header.map((h, j) => [h, cellsOfRow[j] ?? '']));
    const yearText = (row.time_period ?? '').trim();
    // DfE's time_period is the reporting year (2025 = year ending 31 March 2025); 202425 in some.
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!Number.isFinite(year)) {
      problems.push({
        file,
        row: rowNo,
        field: 'time_period',
        value: yearText,
        reason: 'Expected a year such as 2025',
      });
      return;
    }
    const area = areaOf(register, row, year);
    if ('reason' in area) {
      problems.push({ file, row: rowNo, ...area });
      return;
    }
    const rowProblems: StatsRowProblem[] = [];
    const rowFigures: Figure[] = [];
    for (const [indicator, column] of measuresOf(format.id, row)) {
      const cell = readStatValue(row[column]);
      if ('problem' in cell) {
        rowProblems.push({
          file,
          row: rowNo,
          field: column,
          value: row[column] ?? '',
          reason: cell.problem,
        });
        continue;
      }
      const key = `${indicator}|${area.level}|${area.code}|${year}`;
      if (seen.has(key)) {
        rowProblems.push({
          file,
          row: rowNo,
          field: column,
          reason: `A second row for ${area.name} in ${year}`,
        });
        continue;
      }
      seen.add(key);
      rowFigures.push({
        indicator,
        level: area.level,
        areaCode: area.code,
        areaName: area.name,
        year,
        ...cell,
      });
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) figures.push(...rowFigures);
  });
  return { figures, neighbours: [], problems };
}

function readNeighbours(
  format: StatsFormat,
  header: string[],
  body: string[][],
  file: string,
  register: LaRegister<LaIdentity>,
): { figures: Figure[]; neighbours: NeighbourRow[]; problems: StatsRowProblem[] } {
  const model = format.id === 'sn_model_2025' ? 'sn_model_2025' : 'groupings_2021';
  // The 2021 file repeats "SNP" after every SNn column: pair each code column with the next one.
  const codeCols = header
    .map((h, j) => ({ h, j }))
    .filter(({ h }) => (model === 'sn_model_2025' ? /^SN_\d+$/ : /^SN\d+$/).test(h));
  const laCol = header.indexOf(model === 'sn_model_2025' ? 'old_la_code' : 'LA num');
  const neighbours: NeighbourRow[] = [];
  const problems: StatsRowProblem[] = [];
  const seen = new Set<string>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const code = (cells[laCol] ?? '').trim();
    // Blank rows and section notes ("Old SNs:") carry no LA code.
    if (code === '') return;
    const la = register.byDfe(code);
    if (!la.ok) {
      problems.push({
        file,
        row: rowNo,
        field: header[laCol] ?? '',
        value: code,
        reason: 'No local authority in the register has this code',
      });
      return;
    }
    if (seen.has(la.la.id)) {
      problems.push({
        file,
        row: rowNo,
        field: header[laCol] ?? '',
        value: code,
        reason: `A second row for ${la.la.name}`,
      });
      return;
    }
    seen.add(la.la.id);
    const list: NeighbourRow[] = [];
    for (const { h, j } of codeCols) {
      const n = (cells[j] ?? '').trim();
      if (n === '') continue;
      const found = register.byDfe(n);
      if (!found.ok) {
        problems.push({
          file,
          row: rowNo,
          field: h,
          value: n,
          reason: 'No local authority in the register has this code',
        });
        continue;
      }
      const closeness = (cells[j + 1] ?? '').trim() || null;
      list.push({
        laId: la.la.id,
        model,
        rank: list.length + 1,
        neighbourLaId: found.la.id,
        closeness,
      });
    }
    neighbours.push(...list);
  });
  return { figures: [], neighbours, problems };
}
