// Does the file cover the LA? The rows of an Annex A list are compared with what the LA's size
// and its own published national statistics suggest (the benchmark tables). A list far below
// that (under a quarter) is flagged: the file is probably a sample, one team's extract or a broken
// query, and lines of enquiry proposed from it would describe the extract, not the LA.
//
// Expected volumes (lower bounds, so that the threshold does not fire on a genuine LA):
// - List 3: referrals in the six months before the inspection = half the annual referral rate.
// - List 6, 7, 8: children in need, on a plan, in care at 31 March (the lists also include those
//   who closed or ceased in the six months before, so they are larger than the snapshot).
// Rates per 10,000 children 0-17: the LA's latest published figure, else its region's, else
// England's; times the 0-17 population (entered for the activity, else the ONS estimate).
import type { BenchmarkFile } from './benchmarks.js';

/** A list is flagged when it holds fewer rows than this share of the expected volume. */
export const COVERAGE_THRESHOLD = 0.25;

interface Basis {
  list: number;
  title: string;
  benchmark: string;
  /** The share of the annual (or snapshot) figure the list covers. */
  share: number;
  what: string;
}

const BASES: Basis[] = [
  {
    list: 3,
    title: 'Referrals',
    benchmark: 'referrals.rate_per_10k',
    share: 0.5,
    what: 'referrals in six months (half the yearly referral rate)',
  },
  {
    list: 6,
    title: 'Children in need',
    benchmark: 'cin.rate_per_10k',
    share: 1,
    what: 'children in need at 31 March',
  },
  {
    list: 7,
    title: 'Child protection',
    benchmark: 'cp.rate_per_10k',
    share: 1,
    what: 'children on a child protection plan at 31 March',
  },
  {
    list: 8,
    title: 'Children in care',
    benchmark: 'cla.rate_per_10k',
    share: 1,
    what: 'children in care at 31 March',
  },
];

export interface ListCoverage {
  list: number;
  title: string;
  rows: number;
  /** Rows the LA's size and published rate suggest (at least). */
  expected: number;
  /** rows / expected, to 2 decimals. */
  ratio: number;
  rate: number;
  rateSource: string;
  basis: string;
  low: boolean;
}

export interface Coverage {
  population: number;
  threshold: number;
  lists: ListCoverage[];
  /** Rows and expected rows over the lists that can be estimated. */
  rows: number;
  expected: number;
  /** True when any estimable list is under the threshold. */
  low: boolean;
  message: string | null;
}

function latest(
  series: Record<string, number> | undefined,
): { year: number; value: number } | null {
  const years = Object.keys(series ?? {})
    .map(Number)
    .filter((y) => Number.isFinite(series?.[String(y)]));
  if (years.length === 0) return null;
  const year = Math.max(...years);
  return { year, value: series![String(year)]! };
}

/**
 * Compares rows per list with the volumes the LA's population and published rates suggest. Null
 * when the population is not known (no LA code in the tables and none entered).
 */
export function annexACoverage(
  b: BenchmarkFile,
  laCode: string | null,
  population: number | null,
  rowsPerList: Record<number, number>,
): Coverage | null {
  if (!population || population <= 0) return null;
  const la = laCode ? b.las[laCode] : undefined;
  const lists: ListCoverage[] = [];
  for (const basis of BASES) {
    const own = latest(la?.values[basis.benchmark]);
    const region = la?.region ? latest(b.regions[la.region]?.[basis.benchmark]) : null;
    const england = latest(b.england[basis.benchmark]);
    const pick = own
      ? { ...own, source: `${la!.name}'s published rate` }
      : region
        ? { ...region, source: `${la!.region} rate` }
        : england
          ? { ...england, source: 'England rate' }
          : null;
    if (!pick || pick.value <= 0) continue;
    const expected = Math.round((pick.value * population * basis.share) / 10_000);
    if (expected < 20) continue; // too few to judge (small LAs)
    const rows = rowsPerList[basis.list] ?? 0;
    const ratio = Math.round((rows / expected) * 100) / 100;
    lists.push({
      list: basis.list,
      title: basis.title,
      rows,
      expected,
      ratio,
      rate: pick.value,
      rateSource: `${pick.source}, ${pick.year}`,
      basis: basis.what,
      low: rows < expected * COVERAGE_THRESHOLD,
    });
  }
  if (lists.length === 0) return null;
  const rows = lists.reduce((n, l) => n + l.rows, 0);
  const expected = lists.reduce((n, l) => n + l.expected, 0);
  const low = lists.filter((l) => l.low);
  return {
    population,
    threshold: COVERAGE_THRESHOLD,
    lists,
    rows,
    expected,
    low: low.length > 0,
    message: low.length
      ? `The file covers far fewer children than the LA's size suggests: ${low
          .map(
            (l) =>
              `List ${l.list} (${l.title}) has ${l.rows} rows where about ${l.expected} or more are expected`,
          )
          .join(
            '; ',
          )}. It may be a sample or a partial extract: check with the LA before proposing lines of enquiry from it.`
      : null,
  };
}
