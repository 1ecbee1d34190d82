// The LA's own account of what an inspection cost it (ADCS; Munro: a link person gave 178 hours
// against 108 contracted; Hillingdon counted 65 staff days): link person hours and other staff
// days by kind of work, per inspection, and nationally by inspection type and LA size.
import { MIN_GROUP, median, round1 } from './stats.js';

export const effortKinds = [
  'data_preparation',
  'meetings',
  'case_discussions',
  'factual_accuracy',
  'other',
] as const;
export type EffortKind = (typeof effortKinds)[number];

export const effortKindLabels: Record<EffortKind, string> = {
  data_preparation: 'Data preparation (Annex A and other documents)',
  meetings: 'Meetings with inspectors',
  case_discussions: 'Case discussions and audits',
  factual_accuracy: 'Factual accuracy checking',
  other: 'Other',
};

export interface EffortLine {
  kind: EffortKind;
  linkPersonHours: number;
  staffDays: number;
  note: string | null;
}

export interface EffortTotals {
  linkPersonHours: number;
  staffDays: number;
}

export function totalsOf(lines: Pick<EffortLine, 'linkPersonHours' | 'staffDays'>[]): EffortTotals {
  return {
    linkPersonHours: round1(lines.reduce((s, l) => s + l.linkPersonHours, 0)),
    staffDays: round1(lines.reduce((s, l) => s + l.staffDays, 0)),
  };
}

/** Bands of children aged 0 to 17 (the LA register's ONS estimate). */
export const sizeBands = [
  { key: 'under_40k', label: 'Fewer than 40,000 children', below: 40_000 },
  { key: '40k_80k', label: '40,000 to 79,999 children', below: 80_000 },
  { key: '80k_150k', label: '80,000 to 149,999 children', below: 150_000 },
  { key: '150k_plus', label: '150,000 children or more', below: Infinity },
] as const;

export function sizeBandOf(population: number | null): { key: string; label: string } {
  if (population === null) return { key: 'unknown', label: 'Size not known' };
  const b = sizeBands.find((x) => population < x.below)!;
  return { key: b.key, label: b.label };
}

export interface InspectionEffort {
  activityType: string;
  population0to17: number | null;
  totals: EffortTotals;
}

export interface EffortGroup {
  activityType: string;
  sizeBand: string;
  sizeBandLabel: string;
  /** Inspections with recorded effort; null when suppressed (fewer than MIN_GROUP). */
  inspections: number | null;
  suppressed: boolean;
  medianLinkPersonHours: number | null;
  medianStaffDays: number | null;
}

/** One row per inspection type and LA size band; groups under MIN_GROUP show no figures. */
export function nationalEffort(rows: InspectionEffort[]): EffortGroup[] {
  const groups = new Map<string, InspectionEffort[]>();
  for (const r of rows) {
    const k = `${r.activityType}|${sizeBandOf(r.population0to17).key}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const order = (k: string) => sizeBands.findIndex((b) => b.key === k);
  return [...groups.entries()]
    .map(([k, rs]) => {
      const band = sizeBandOf(rs[0]!.population0to17);
      const suppressed = rs.length < MIN_GROUP;
      return {
        activityType: k.split('|')[0]!,
        sizeBand: band.key,
        sizeBandLabel: band.label,
        inspections: suppressed ? null : rs.length,
        suppressed,
        medianLinkPersonHours: suppressed ? null : median(rs.map((r) => r.totals.linkPersonHours)),
        medianStaffDays: suppressed ? null : median(rs.map((r) => r.totals.staffDays)),
      };
    })
    .sort(
      (a, b) =>
        a.activityType.localeCompare(b.activityType) ||
        ((order(a.sizeBand) + 99) % 99) - ((order(b.sizeBand) + 99) % 99),
    );
}
