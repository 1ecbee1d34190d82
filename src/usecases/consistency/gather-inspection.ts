// One inspection as a consistency panel sees it beside the others: each judgement's grade,
// position in the band, nearness narrative, key strengths and weaknesses with their evidence, the
// spread of case-level ratings, and how the grade sits in the national distribution. A step of
// this area's use cases (the caller has checked the actor may read the panel).
import type { Kysely } from 'kysely';
import type { Activity } from '../../data/repositories/activities.js';
import { listEvidenceOptions } from '../../data/repositories/judgement-evidence.js';
import { findJudgementSet, listJudgements } from '../../data/repositories/judgements.js';
import type { DB } from '../../data/schema.js';
import {
  distributionPosition,
  type DistributionPosition,
} from '../../domain/consistency/distribution.js';
import { gradeLabel } from '../../domain/frameworks/index.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';
import type { AreaSpread } from '../../domain/judgements/case-rating-spread.js';
import { judgementsFor, positionLabels } from '../../domain/judgements/judgement-rules.js';
import { stageLabels, type JudgementStage } from '../../domain/judgements/stages.js';
import { caseRatingSpreads } from '../shared/case-rating-spreads.js';

export interface CitedEvidence {
  label: string;
  /** Where the evidence can be read, for those who may read the evidence base; else null. */
  href: string | null;
}

export interface PanelJudgement {
  key: string;
  title: string;
  headline: boolean;
  grade: string | null;
  gradeLabel: string | null;
  positionLabel: string | null;
  nearness: string;
  strengths: CitedEvidence[];
  weaknesses: CitedEvidence[];
  /** Null for a headline judgement (cases are rated per area). */
  spread: AreaSpread | null;
  national: DistributionPosition;
}

export interface PanelInspectionCore {
  activityId: string;
  title: string;
  laName: string;
  region: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  stage: JudgementStage;
  stageLabel: string;
  judgements: PanelJudgement[];
}

/** Each authority's latest published grade per judgement key (the national distribution). */
export type NationalGrades = Map<string, string[]>;

const LINK_PATH = { coding: 'evidence', evidence: 'evidence', line_of_enquiry: 'enquiries' };

export async function gatherInspection(
  db: Kysely<DB>,
  activity: Activity,
  national: NationalGrades,
  mayReadEvidence: boolean,
): Promise<PanelInspectionCore> {
  const fw = frameworkOf(activity);
  const judgements = judgementsFor(fw, activity.activityType);
  const [set, records] = await Promise.all([
    findJudgementSet(db, activity.id),
    listJudgements(db, activity.id),
  ]);
  const linkIds = [...records.values()].flatMap((r) => r.links.map((l) => l.id));
  const [options, spreads] = await Promise.all([
    listEvidenceOptions(db, activity.id, { ids: linkIds }),
    caseRatingSpreads(
      db,
      activity.id,
      fw,
      judgements.filter((j) => j.kind !== 'headline').map((j) => j.key),
    ),
  ]);
  const labelOf = new Map(options.map((o) => [`${o.kind}:${o.id}`, o.label]));
  const scale = fw.grades.map((g) => ({ key: g.key, label: g.label }));
  const cite = (l: { kind: keyof typeof LINK_PATH; id: string }): CitedEvidence => ({
    label: labelOf.get(`${l.kind}:${l.id}`) ?? 'Evidence no longer in the evidence base',
    href: mayReadEvidence
      ? l.kind === 'line_of_enquiry'
        ? `/activities/${activity.id}/enquiries/${l.id}`
        : `/activities/${activity.id}/${LINK_PATH[l.kind]}`
      : null,
  });
  return {
    activityId: activity.id,
    title: activity.title,
    laName: activity.laName,
    region: activity.laRegion,
    plannedStart: activity.plannedStart,
    plannedEnd: activity.plannedEnd,
    stage: set.stage,
    stageLabel: stageLabels[set.stage],
    judgements: judgements.map((j): PanelJudgement => {
      const rec = records.get(j.key);
      const grade = rec?.grade ?? null;
      return {
        key: j.key,
        title: j.shortTitle,
        headline: j.kind === 'headline',
        grade,
        gradeLabel: grade ? gradeLabel(fw, grade) : null,
        positionLabel: rec?.position ? positionLabels[rec.position] : null,
        nearness: rec?.nearness ?? '',
        strengths: (rec?.links ?? []).filter((l) => l.direction === 'strength').map(cite),
        weaknesses: (rec?.links ?? []).filter((l) => l.direction === 'weakness').map(cite),
        spread: spreads.get(j.key) ?? null,
        national: distributionPosition(scale, national.get(j.key) ?? [], grade),
      };
    }),
  };
}
