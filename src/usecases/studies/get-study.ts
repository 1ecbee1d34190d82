// One study as the national team sets it up: its evidence bases (what the redaction replaced and
// what it is unsure of), the pairs assigned, the pairings refused and why, and the inspectors who
// could be asked (with the link that rules each out of each evidence base).
import { findActivity } from '../../data/repositories/activities.js';
import {
  listEvidenceBases,
  listInspectedPlaces,
  listLaLinks,
  listPairs,
  listRefusals,
} from '../../data/repositories/reliability.js';
import { listUsers } from '../../data/repositories/users.js';
import { reviewerConflict } from '../../domain/reliability/assignment.js';
import type {
  RedactionReport,
  ReliabilityStudy,
  StudyPair,
  StudyRefusal,
} from '../../domain/reliability/types.js';
import type { UseCaseContext } from '../context.js';
import { managedStudy } from './study-scope.js';

export interface StudySetup {
  study: ReliabilityStudy;
  bases: {
    id: string;
    label: string;
    activityId: string;
    activityTitle: string;
    laName: string;
    activityType: string;
    records: number;
    redaction: RedactionReport;
    pairs: StudyPair[];
    refusals: StudyRefusal[];
    /** Inspectors with the reason each may not review this evidence base (null: they may). */
    candidates: { userId: string; email: string; displayName: string; conflict: string | null }[];
  }[];
}

export async function getStudy(ctx: UseCaseContext, studyId: string): Promise<StudySetup> {
  const study = await managedStudy(ctx, studyId);
  const [bases, pairs, refusals, inspectors] = await Promise.all([
    listEvidenceBases(ctx.db, study.id),
    listPairs(ctx.db, study.id),
    listRefusals(ctx.db, study.id),
    listUsers(ctx.db, { role: 'inspector' }),
  ]);
  const places = await listInspectedPlaces(
    ctx.db,
    inspectors.map((u) => u.id),
  );
  const out: StudySetup['bases'] = [];
  for (const b of bases) {
    const a = await findActivity(ctx.db, b.activityId);
    const links = await listLaLinks(ctx.db, b.activityId, a?.laId ?? '');
    const facts = {
      laId: a?.laId ?? '',
      laRegion: a?.laRegion ?? null,
      teamUserIds: links.teamUserIds,
    };
    out.push({
      id: b.id,
      label: b.label,
      activityId: b.activityId,
      activityTitle: a?.title ?? '',
      laName: a?.laName ?? '',
      activityType: b.activityType,
      records: b.records.length,
      redaction: b.redaction,
      pairs: pairs.filter((p) => p.evidenceBaseId === b.id),
      refusals: refusals.filter((r) => r.evidenceBaseId === b.id),
      candidates: inspectors
        .filter((u) => !u.disabled)
        .map((u) => ({
          userId: u.id,
          email: u.email,
          displayName: u.displayName,
          conflict: reviewerConflict(
            {
              ...u,
              userId: u.id,
              inspectedLaIds: places.get(u.id)?.laIds ?? [],
              inspectedRegions: places.get(u.id)?.regions ?? [],
            },
            facts,
          ),
        })),
    });
  }
  return { study, bases: out };
}
