// Which published inspections a study or query looks across, chosen by their LA's context (never
// by name: a researcher selects "inspections in London graded good", not "Camden").
import { z } from 'zod';

export const StudySelection = z.object({
  regions: z.array(z.string().max(120)).max(20).optional(),
  grades: z.array(z.string().max(60)).max(10).optional(),
  frameworkIds: z.array(z.string().max(60)).max(20).optional(),
  years: z.array(z.coerce.number().int().min(2000).max(2100)).max(50).optional(),
  sizeBands: z.array(z.string().max(40)).max(10).optional(),
  riskLevels: z.array(z.string().max(40)).max(10).optional(),
});
export type StudySelection = z.infer<typeof StudySelection>;

/** What the store knows about one published inspection's context. */
export interface InspectionContext {
  activityId: string;
  laId: string;
  laName: string;
  region: string | null;
  frameworkId: string;
  /** Year the inspection was published (or, failing that, started). */
  year: number | null;
  /** The overall effectiveness grade, when the framework has one and it was recorded. */
  grade: string | null;
  population0to17: number | null;
  /** Each loaded deprivation index: score and decile (1 = most deprived). */
  deprivation: Record<string, { score: number; decile: number | null }>;
  riskLevel: string | null;
  /** DfE rates per 10,000 children by indicator, with the year the figure is from. */
  rates?: Record<string, { value: number; year: number }>;
  /** The LA's statistical neighbour group (domain/research/national-context.ts). */
  neighbourGroup?: number | null;
  /** Further context from other tables (national statistics, neighbour groups), by key. */
  extra: Record<string, string | null>;
}

function within<T>(list: T[] | undefined, value: T | null): boolean {
  return !list || list.length === 0 || (value !== null && list.includes(value));
}

export function selects(
  s: StudySelection,
  c: InspectionContext,
  sizeBandOf: (c: InspectionContext) => string | null,
): boolean {
  return (
    within(s.regions, c.region) &&
    within(s.grades, c.grade) &&
    within(s.frameworkIds, c.frameworkId) &&
    within(s.years, c.year) &&
    within(s.sizeBands, sizeBandOf(c)) &&
    within(s.riskLevels, c.riskLevel)
  );
}

/** "Inspections in London or North West, graded good" — a selection in words. */
export function describeSelection(s: StudySelection): string {
  const parts: string[] = [];
  if (s.regions?.length) parts.push(`in ${s.regions.join(' or ')}`);
  if (s.grades?.length) parts.push(`graded ${s.grades.join(' or ')}`);
  if (s.frameworkIds?.length) parts.push(`under ${s.frameworkIds.join(' or ')}`);
  if (s.years?.length) parts.push(`published in ${s.years.join(' or ')}`);
  if (s.sizeBands?.length) parts.push(`of size ${s.sizeBands.join(' or ')}`);
  if (s.riskLevels?.length) parts.push(`at risk level ${s.riskLevels.join(' or ')}`);
  return parts.length ? `Published inspections ${parts.join(', ')}` : 'All published inspections';
}
