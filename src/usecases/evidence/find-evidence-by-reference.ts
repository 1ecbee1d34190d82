// People name evidence by its reference ("E12"); forms that link evidence take the reference and
// need the record it names, within the activity whose evidence the person may read.
import { z } from 'zod';
import { findEvidenceByReference as findIdByReference } from '../../data/repositories/evidence.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const FindEvidenceByReferenceInput = z.object({
  activityId: z.string(),
  /** "E12", "e12" or "12". */
  reference: z.string(),
});
export type FindEvidenceByReferenceInput = z.input<typeof FindEvidenceByReferenceInput>;

/** The id of the activity's record with that reference, or null when there is none. */
export async function findEvidenceByReference(
  ctx: UseCaseContext,
  raw: FindEvidenceByReferenceInput,
): Promise<string | null> {
  const input = FindEvidenceByReferenceInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const m = /^e?(\d{1,9})$/i.exec(input.reference.trim());
  return m ? findIdByReference(ctx.db, activity.id, Number(m[1])) : null;
}
