// The first published demo inspection's "data used" statement and burden (issue 16): a small
// Annex A imported at the start of fieldwork, the team looking at the data profile on the first
// days (the view log), one line of enquiry raised from an indicator, a drawn sample, evidence on
// two sampled children (one on that line, with the minutes it took) that a judgement cites; and
// the effort the LA recorded after publication. Small on purpose (the demo starts in a minute).
import type { UserActor } from '../domain/access/actor.js';
import { addDays } from '../clock.js';
import { annexAToXlsx, generateAnnexA } from '../synthetic/annex-a.js';
import { importAnnexA } from '../usecases/annex-a/import-annex-a.js';
import { decideCandidate } from '../usecases/annex-a-profile/decide-candidate.js';
import { getAnnexAProfile } from '../usecases/annex-a-profile/get-annex-a-profile.js';
import type { UseCaseContext } from '../usecases/context.js';
import { seedIndicatorViews } from '../usecases/data-used/seed-indicator-views.js';
import { recordEvidence } from '../usecases/evidence/record-evidence.js';
import { drawSample } from '../usecases/sampling/draw-sample.js';
import { getSample } from '../usecases/sampling/get-sample.js';
import { recordLaEffort } from '../usecases/burden/record-la-effort.js';

/** The lists the team looked at most in the profile (front door, assessments, plans, care). */
const LOOKED_AT = [1, 3, 4, 5, 7, 8];

/**
 * Fieldwork steps, while the activity is on site. Returns the evidence ids a judgement should
 * cite (the caller sets the judgements).
 */
export async function seedDemoDataUsedFieldwork(
  sys: UseCaseContext,
  as: (a: UserActor) => UseCaseContext,
  activityId: string,
  team: { lead: UserActor; inspector: UserActor },
  start: string,
): Promise<string[]> {
  const lead = as(team.lead);
  const g = generateAnnexA({
    rows: 600,
    seed: 2025,
    mess: 0.2,
    referenceDate: start,
    errorRate: 0,
  });
  await importAnnexA(lead, {
    activityId,
    fileName: 'southmere-annex-a.xlsx',
    bytes: annexAToXlsx(g),
    acceptFlagged: true,
  });
  // Read as the operator: the view log holds the team's dated views below, not the seeding day's.
  const profile = await getAnnexAProfile(sys, activityId);
  const keys = profile.indicators
    .filter((i) => i.value !== null && LOOKED_AT.includes(i.list))
    .map((i) => i.key);
  await seedIndicatorViews(sys, {
    activityId,
    views: [
      { userId: team.lead.userId, day: addDays(start, -3), indicatorKeys: keys },
      { userId: team.lead.userId, day: start, indicatorKeys: keys.slice(0, 8) },
      { userId: team.inspector.userId, day: addDays(start, -2), indicatorKeys: keys.slice(4) },
    ],
  });
  const candidate = profile.candidates[0];
  const line = candidate
    ? await decideCandidate(sys, {
        activityId,
        indicatorKey: candidate.indicatorKey,
        decision: 'accept',
      })
    : null;
  await drawSample(lead, { activityId, seed: 2025 });
  const sample = await getSample(lead, { activityId });
  const picked = sample.cases.slice(0, 2);
  const ids: string[] = [];
  for (const [n, c] of picked.entries()) {
    const e = await recordEvidence(as(n === 0 ? team.lead : team.inspector), {
      activityId,
      text:
        n === 0
          ? 'Case file and discussion with the social worker: the strategy discussion was held the day after the referral; the plan names what must change for the child.'
          : 'Case file reading: assessment completed within timescales; the child was seen alone and their wishes are recorded.',
      method: n === 0 ? 'social_worker_discussion' : 'case_file_reading',
      caseRef: c.childRef,
      lineOfEnquiryId: n === 0 ? (line?.lineOfEnquiryId ?? null) : null,
      minutesSpent: n === 0 ? 75 : 50,
      direction: 'strength',
      observedOn: addDays(start, 1),
    });
    ids.push(e.id);
  }
  return ids;
}

/** After publication: the LA records what the inspection cost it. */
export async function seedDemoLaEffort(la: UseCaseContext, activityId: string): Promise<void> {
  await recordLaEffort(la, {
    activityId,
    lines: [
      { kind: 'data_preparation', linkPersonHours: 46, staffDays: 21, note: 'Annex A, audits' },
      { kind: 'meetings', linkPersonHours: 58, staffDays: 9.5 },
      { kind: 'case_discussions', linkPersonHours: 31, staffDays: 24 },
      { kind: 'factual_accuracy', linkPersonHours: 14, staffDays: 3 },
      { kind: 'other', linkPersonHours: 29, staffDays: 7.5, note: 'Logistics, rooms, IT access' },
    ],
  });
}
