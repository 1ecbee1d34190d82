// What a sample asks for: per cohort (optionally for one line of enquiry) a size, the stratifiers
// and either proportional quotas with a minimum per stratum or explicit quotas; how many of the
// LA's recently audited cases to take as their own stratum; whether one child may appear twice.
import { z } from 'zod';
import { cohortIds, stratifierIds } from './population.js';

export const SampleEntrySpec = z.strictObject({
  cohort: z.enum(cohortIds),
  /** The line of enquiry the cases are drawn for (none: the cohort in general). */
  lineOfEnquiryId: z.string().uuid().nullish(),
  /** Cases to draw at random (explicit quotas: their sum, when given). */
  size: z.number().int().min(0).max(500),
  /** Crossed with each other: team x age band gives one stratum per team and age band. */
  stratifyBy: z.array(z.enum(stratifierIds)).max(3).default([]),
  allocation: z.enum(['proportional', 'explicit']).default('proportional'),
  /** Proportional allocation: at least this many from every stratum (where it has that many). */
  minPerStratum: z.number().int().min(0).max(50).default(1),
  /** Explicit allocation: stratum key (values joined by " · ") to number of cases. */
  quotas: z.record(z.string().max(500), z.number().int().min(0).max(500)).default({}),
  /** Cases from the LA's own recent audits, drawn at random as a separate stratum. */
  audited: z.number().int().min(0).max(100).default(0),
});
export type SampleEntrySpec = z.output<typeof SampleEntrySpec>;

export const SampleSpec = z.strictObject({
  entries: z.array(SampleEntrySpec).min(1).max(30),
  /** Whether a child already in the sample (another cohort or line) may be drawn again. */
  allowSameChild: z.boolean().default(false),
  /** Every drawn case is to be looked at remotely (flag shown and reported). */
  remote: z.boolean().default(false),
});
export type SampleSpec = z.output<typeof SampleSpec>;
export type SampleSpecInput = z.input<typeof SampleSpec>;

/**
 * The default when no spec is given: six cases per cohort with a minimum of one per team, and
 * two of the LA's audited cases in each cohort where it has any (about 30 cases, the usual size
 * of a standard inspection's tracked and sampled cases).
 */
export function defaultSampleSpec(): SampleSpec {
  return SampleSpec.parse({
    entries: [
      { cohort: 'front_door', size: 6, stratifyBy: ['team'], audited: 0 },
      { cohort: 'child_in_need', size: 6, stratifyBy: ['team'], audited: 1 },
      { cohort: 'child_protection', size: 6, stratifyBy: ['team'], audited: 1 },
      { cohort: 'child_in_care', size: 6, stratifyBy: ['legalStatus'], audited: 1 },
      { cohort: 'care_leaver', size: 4, stratifyBy: ['ageBand'], audited: 0 },
    ],
  });
}

/** The key of the stratum a case is in, for the chosen stratifiers. */
export function stratumKey(values: Record<string, string>, stratifyBy: readonly string[]): string {
  return stratifyBy.length ? stratifyBy.map((s) => values[s] ?? '').join(' · ') : 'All';
}
