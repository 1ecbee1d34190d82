// The project's benchmark tables (reference/benchmarks/children-social-care.json, built by
// scripts/build-benchmarks.mjs from the DfE national statistics) and the comparison of an LA's
// Annex A figure with England, its region, its statistical neighbours and its own published
// figure. Benchmarks are the latest published year (years ending 31 March).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../paths.js';
import { round1 } from './common.js';

type Series = Record<string, number>; // year -> value
export interface BenchmarkLa {
  name: string;
  region: string | null;
  population0to17: number | null;
  populationYear: number | null;
  statNeighbours: string[];
  statNeighbourModel: string | null;
  values: Record<string, Series>;
}
export interface BenchmarkFile {
  meta: { sources: Array<{ file: string; publisher: string; indicators: string[] }> };
  england: Record<string, Series>;
  regions: Record<string, Record<string, Series>>;
  las: Record<string, BenchmarkLa>;
}

export interface Comparison {
  year: number | null;
  england: number | null;
  region: number | null;
  regionName: string | null;
  /** Mean of the statistical neighbours that published a figure, and their range. */
  snAverage: number | null;
  snMin: number | null;
  snMax: number | null;
  snCount: number;
  /** The LA's own published figure for the same year, and the year before. */
  laPublished: number | null;
  laPublishedPrevious: number | null;
  differenceFromEngland: number | null;
  differenceFromSn: number | null;
}

let cached: BenchmarkFile | null = null;

export function loadBenchmarks(file?: string): BenchmarkFile {
  if (!file && cached) return cached;
  const data = JSON.parse(
    readFileSync(
      file ?? path.join(referenceDir(), 'benchmarks', 'children-social-care.json'),
      'utf8',
    ),
  ) as BenchmarkFile;
  if (!file) cached = data;
  return data;
}

const latestYear = (s: Series | undefined): number | null => {
  const years = Object.keys(s ?? {}).map(Number);
  return years.length ? Math.max(...years) : null;
};
const at = (s: Series | undefined, year: number | null): number | null =>
  year === null ? null : (s?.[String(year)] ?? null);

/** England, region, SN and the LA's own published figure for one benchmark key. */
export function compare(
  b: BenchmarkFile,
  laCode: string | null,
  benchmarkKey: string,
  value: number | null,
): Comparison {
  const year = latestYear(b.england[benchmarkKey]);
  const la = laCode ? b.las[laCode] : undefined;
  const regionName = la?.region ?? null;
  const sn = (la?.statNeighbours ?? [])
    .map((code) => at(b.las[code]?.values[benchmarkKey], year))
    .filter((v): v is number => v !== null);
  const england = at(b.england[benchmarkKey], year);
  const snAverage = sn.length ? round1(sn.reduce((s, v) => s + v, 0) / sn.length) : null;
  return {
    year,
    england,
    region: regionName ? at(b.regions[regionName]?.[benchmarkKey], year) : null,
    regionName,
    snAverage,
    snMin: sn.length ? Math.min(...sn) : null,
    snMax: sn.length ? Math.max(...sn) : null,
    snCount: sn.length,
    laPublished: at(la?.values[benchmarkKey], year),
    laPublishedPrevious: at(la?.values[benchmarkKey], year === null ? null : year - 1),
    differenceFromEngland: value !== null && england !== null ? round1(value - england) : null,
    differenceFromSn: value !== null && snAverage !== null ? round1(value - snAverage) : null,
  };
}

/** The LA's 0-17 population from the benchmark table (latest ONS mid-year estimate). */
export function populationOf(b: BenchmarkFile, laCode: string | null): number | null {
  return laCode ? (b.las[laCode]?.population0to17 ?? null) : null;
}

/** What the LA register knows of an authority (the LA page shows the same). */
export interface RegisterLaFacts {
  dfeCode: string | null;
  name: string;
  onsRegion: string | null;
  population0to17: number | null;
  statNeighbours: string[];
}

/**
 * The benchmark tables with the LA's region, neighbours and population filled in from the
 * register where the tables lack them (an authority the DfE tables do not carry, such as the
 * demo's, or a newer register entry), so the profile agrees with the LA's own page.
 */
export function withRegisterFacts(b: BenchmarkFile, la: RegisterLaFacts | null): BenchmarkFile {
  if (!la?.dfeCode) return b;
  const own = b.las[la.dfeCode];
  const filled: BenchmarkLa = {
    name: own?.name ?? la.name,
    region: own?.region ?? la.onsRegion,
    population0to17: own?.population0to17 ?? la.population0to17,
    populationYear: own?.population0to17 != null ? own.populationYear : null,
    statNeighbours: own?.statNeighbours.length ? own.statNeighbours : la.statNeighbours,
    statNeighbourModel: own?.statNeighbourModel ?? null,
    values: own?.values ?? {},
  };
  return { ...b, las: { ...b.las, [la.dfeCode]: filled } };
}
