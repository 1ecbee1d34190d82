// LA context dimensions for cross-inspection matrices. Pluggable: a dimension is a key, a label
// and a function from an inspection's context to a value, so context loaded by others (national
// statistics, neighbour groups) joins by adding an entry to `extra` and a dimension here, without
// touching the queries.
import type { InspectionContext } from './selection.js';
import { rateBandOf } from './national-context.js';
import { researchSettings, type ResearchSettings } from './settings.js';

export interface DimensionValue {
  value: string;
  label: string;
  /** Where the value sorts among the columns, when not by its label (bands, groups). */
  rank?: number;
}

export interface Dimension {
  key: string;
  label: string;
  /** Whether it names the LA itself (shown only when the study shows LA identity). */
  identifying?: boolean;
  valueOf(c: InspectionContext, s: ResearchSettings): DimensionValue | null;
}

export const NOT_KNOWN: DimensionValue = { value: 'not_known', label: 'Not known' };

export function sizeBandOf(c: InspectionContext, s: ResearchSettings): DimensionValue | null {
  if (c.population0to17 === null) return null;
  const band = s.sizeBands.find((b) => b.below === null || c.population0to17! < b.below);
  return band ? { value: band.key, label: band.label } : null;
}

function quintile(decile: number): DimensionValue {
  const q = Math.ceil(decile / 2);
  const word = q === 1 ? ' (most deprived)' : q === 5 ? ' (least deprived)' : '';
  return { value: `q${q}`, label: `Quintile ${q}${word}` };
}

const base: Dimension[] = [
  {
    key: 'region',
    label: 'Ofsted region',
    valueOf: (c) => (c.region ? { value: c.region, label: c.region } : null),
  },
  {
    key: 'grade',
    label: 'Overall effectiveness grade',
    valueOf: (c) => (c.grade ? { value: c.grade, label: c.grade } : null),
  },
  {
    key: 'framework',
    label: 'Framework version',
    valueOf: (c) => ({ value: c.frameworkId, label: c.frameworkId }),
  },
  {
    key: 'year',
    label: 'Year published',
    valueOf: (c) => (c.year ? { value: String(c.year), label: String(c.year) } : null),
  },
  { key: 'size', label: 'Size (children aged 0 to 17)', valueOf: (c, s) => sizeBandOf(c, s) },
  {
    key: 'risk',
    label: 'Risk level (latest assessment)',
    valueOf: (c) => (c.riskLevel ? { value: c.riskLevel, label: c.riskLevel } : null),
  },
  {
    key: 'la',
    label: 'Local authority',
    identifying: true,
    valueOf: (c) => ({ value: c.laId, label: c.laName }),
  },
];

/** The dimensions for the indexes and extra context present: deprivation:<index>, extra:<key>. */
export function availableDimensions(contexts: InspectionContext[]): Dimension[] {
  const indexes = new Set(contexts.flatMap((c) => Object.keys(c.deprivation)));
  const extras = new Set(contexts.flatMap((c) => Object.keys(c.extra)));
  const rates = new Set(contexts.flatMap((c) => Object.keys(c.rates ?? {})));
  const settings = researchSettings();
  return [
    ...base,
    ...settings.rateIndicators
      .filter((r) => rates.has(r.indicator))
      .map((r): Dimension => ({
        key: `rate:${r.indicator}`,
        label: `${r.label} (band, DfE national statistics)`,
        valueOf: (c, s) => {
          const f = c.rates?.[r.indicator];
          return f ? rateBandOf(f.value, r.indicator, s) : null;
        },
      })),
    ...(contexts.some((c) => c.neighbourGroup)
      ? [
          {
            key: 'neighbours',
            label: 'Statistical neighbour group (DfE neighbours)',
            valueOf: (c: InspectionContext) =>
              c.neighbourGroup
                ? {
                    value: `group-${String(c.neighbourGroup).padStart(3, '0')}`,
                    label: `Neighbour group ${c.neighbourGroup}`,
                    rank: c.neighbourGroup,
                  }
                : null,
          } satisfies Dimension,
        ]
      : []),
    ...[...indexes].sort().map((name): Dimension => ({
      key: `deprivation:${name}`,
      label: `Deprivation (${name}), quintile`,
      valueOf: (c) => {
        const d = c.deprivation[name];
        return d?.decile ? quintile(d.decile) : null;
      },
    })),
    ...[...extras].sort().map((key): Dimension => ({
      key: `extra:${key}`,
      label: key,
      valueOf: (c) => {
        const v = c.extra[key];
        return v ? { value: v, label: v } : null;
      },
    })),
  ];
}

export function findDimension(
  contexts: InspectionContext[],
  key: string,
  laIdentityShown: boolean,
): Dimension | undefined {
  const d = availableDimensions(contexts).find((x) => x.key === key);
  return d && (!d.identifying || laIdentityShown) ? d : undefined;
}

/** Every inspection's value on a dimension ("not known" where the context lacks it). */
export function valueFor(d: Dimension, c: InspectionContext, s: ResearchSettings): DimensionValue {
  return d.valueOf(c, s) ?? NOT_KNOWN;
}

/** Deciles from scores where the file gave none (a higher score is more deprived, as IDACI). */
export function decilesFromScores(scores: number[]): number[] {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
  const out = new Array<number>(scores.length);
  order.forEach(({ i }, rank) => {
    out[i] = Math.min(10, Math.floor((rank * 10) / scores.length) + 1);
  });
  return out;
}
