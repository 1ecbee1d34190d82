// The local authority record and the reference file that carries the register. The file is the
// project's own table (reference/local-authorities.json, built by scripts/build-la-reference.mjs);
// it is validated here because anyone may edit it by hand.
import { z } from 'zod';
import { ofstedRegions } from '../access/roles.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a YYYY-MM-DD date');
const gssCode = z.string().regex(/^E\d{8}$/, 'A GSS code is E followed by 8 digits');
const dfeCode = z.string().regex(/^\d{3}$/, 'A DfE LA code has 3 digits');

export const LaRecordSchema = z.object({
  /** A stable slug; predecessors carry the year they ended (dorset-to-2019). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  /** Other spellings the sources use (only those that normalise differently from the name). */
  aliases: z.array(z.string().min(1)).default([]),
  gssCode,
  /** Codes this authority had before boundary or status changes. */
  previousGssCodes: z.array(gssCode).default([]),
  dfeCode: dfeCode.nullable(),
  ofstedUrn: z.string().regex(/^\d+$/).nullable(),
  ofstedRegion: z.enum(ofstedRegions).nullable(),
  onsRegionCode: z
    .string()
    .regex(/^E12\d{6}$/)
    .nullable(),
  onsRegion: z.string().nullable(),
  laType: z.string().nullable(),
  /** First day the authority existed; null when older than anything recorded. */
  validFrom: isoDate.nullable(),
  /** Last day the authority existed; null for a current authority. */
  validTo: isoDate.nullable(),
  population0to17: z.number().int().nonnegative().nullable(),
  /** ONS population aged 0 to 25, as the source gives it (not 0 to 17). */
  onsPopulation0to25: z.number().int().nonnegative().nullable().default(null),
  /** DfE codes of the statistical neighbours. */
  statNeighbours: z.array(dfeCode).default([]),
});
export type LaRecord = z.output<typeof LaRecordSchema>;

export const LaSuccessionSchema = z.object({
  predecessorId: z.string().min(1),
  successorId: z.string().min(1),
  /** The day the successor took over (the day after the predecessor's validTo). */
  effectiveDate: isoDate,
});
export type LaSuccession = z.output<typeof LaSuccessionSchema>;

export const LaReferenceFileSchema = z
  .object({
    meta: z.record(z.string(), z.unknown()).default({}),
    localAuthorities: z.array(LaRecordSchema).min(1),
    successions: z.array(LaSuccessionSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.localAuthorities.forEach((la, i) => {
      if (ids.has(la.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['localAuthorities', i, 'id'],
          message: `Duplicate id ${la.id}`,
        });
      }
      ids.add(la.id);
      if (la.validFrom && la.validTo && la.validTo < la.validFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['localAuthorities', i, 'validTo'],
          message: 'validTo is before validFrom',
        });
      }
    });
    file.successions.forEach((s, i) => {
      for (const key of ['predecessorId', 'successorId'] as const) {
        if (!ids.has(s[key])) {
          ctx.addIssue({
            code: 'custom',
            path: ['successions', i, key],
            message: `No authority has id ${s[key]}`,
          });
        }
      }
    });
  });
export type LaReferenceFile = z.output<typeof LaReferenceFileSchema>;

/** What lookups need; both the reference file's records and the stored rows have it. */
export type LaIdentity = Pick<
  LaRecord,
  'id' | 'name' | 'gssCode' | 'previousGssCodes' | 'dfeCode' | 'ofstedUrn' | 'validFrom' | 'validTo'
> & { aliases?: readonly string[] };

/** Whether the authority existed on a date (YYYY-MM-DD). */
export function isValidOn(la: Pick<LaRecord, 'validFrom' | 'validTo'>, date: string): boolean {
  return (
    (la.validFrom === null || la.validFrom <= date) && (la.validTo === null || la.validTo >= date)
  );
}

export function isCurrent(la: Pick<LaRecord, 'validTo'>): boolean {
  return la.validTo === null;
}
