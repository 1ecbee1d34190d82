// What a researcher saves and runs again: a cross-inspection query or an outcomes analysis, as
// JSON (`research run --file DEF.json`, the API, or a saved definition's id). The outcomes
// analysis's definition names its measure, the inspections it covers and its seed, so a re-run
// gives the same figures on the same data.
import { z } from 'zod';
import { ResearchQuery } from './query.js';

export const OutcomesDefinition = z.object({
  /** The context measure: a deprivation index, the number of children aged 0-17, or a DfE rate. */
  by: z.enum(['deprivation', 'size', 'rate']),
  /** The deprivation index's name (the first loaded when absent). */
  index: z.string().trim().max(120).optional(),
  /** The DfE rate (cin.rate_per_10k, cp.rate_per_10k, cla.rate_per_10k). */
  indicator: z.string().trim().max(80).optional(),
  /** Which inspections: ILACS (2018 on), SIF (2013 to 2018) or both; each LA's latest one. */
  era: z.enum(['ilacs', 'sif', 'all']).default('ilacs'),
  groups: z.coerce.number().int().min(2).max(10).default(4),
  resamples: z.coerce.number().int().min(200).max(10_000).default(2_000),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).default(20),
});
export type OutcomesDefinition = z.infer<typeof OutcomesDefinition>;
export type OutcomesDefinitionInput = z.input<typeof OutcomesDefinition>;

export const AnalysisDefinition = z.discriminatedUnion('analysis', [
  z.object({ analysis: z.literal('query'), definition: ResearchQuery }),
  z.object({ analysis: z.literal('outcomes'), definition: OutcomesDefinition }),
]);
export type AnalysisDefinition = z.infer<typeof AnalysisDefinition>;
export type AnalysisDefinitionInput = z.input<typeof AnalysisDefinition>;
