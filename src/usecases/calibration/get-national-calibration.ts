// Agreement with the reference grades by region and over time (calendar quarters of submission),
// for national staff: groups only, each of at least MIN_INSPECTORS_PER_GROUP inspectors; a
// smaller group is listed with its size and no figures, so no person can be singled out.
import { listSubmittedRatings } from '../../data/repositories/calibration.js';
import { policies } from '../../domain/access/policies.js';
import {
  agreementWithReference,
  groupedAgreement,
  MIN_INSPECTORS_PER_GROUP,
  quarterOf,
  type GroupFigures,
  type ReferenceAgreement,
} from '../../domain/calibration/agreement.js';
import { dateInEngland } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { scaleOf } from './calibration-scope.js';

export interface NationalCalibration {
  minimumGroup: number;
  overall: ReferenceAgreement | null;
  byRegion: GroupFigures[];
  byQuarter: GroupFigures[];
}

export async function getNationalCalibration(ctx: UseCaseContext): Promise<NationalCalibration> {
  if (!policies.viewNationalCalibration(ctx.actor)) throw new AppError('NOT_FOUND');
  const rows = await listSubmittedRatings(ctx.db, null);
  const scale = rows.length > 0 ? scaleOf(rows[0]!.frameworkId) : [];
  const rated = rows.map((r) => ({
    vignetteId: r.vignetteId,
    inspectorId: r.userId,
    grade: r.grade,
    reference: r.reference,
    region: r.region ?? 'No region recorded',
    quarter: quarterOf(dateInEngland(r.submittedAt)),
  }));
  const inspectors = new Set(rated.map((r) => r.inspectorId)).size;
  return {
    minimumGroup: MIN_INSPECTORS_PER_GROUP,
    overall:
      inspectors >= MIN_INSPECTORS_PER_GROUP
        ? agreementWithReference(rated, scale, { resamples: 1000 })
        : null,
    byRegion: groupedAgreement(
      rated.map((r) => ({ ...r, group: r.region })),
      scale,
      { resamples: 1000 },
    ),
    byQuarter: groupedAgreement(
      rated.map((r) => ({ ...r, group: r.quarter })),
      scale,
      { resamples: 1000 },
    ),
  };
}
