import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBalanceViews } from '../../src/usecases/analysis/get-balance-views.js';
import { getSample } from '../../src/usecases/sampling/get-sample.js';
import { createWorld, type World } from '../helpers/analysis.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
  // Four more help and protection case-file readings from Team East: three on the first day.
  for (const day of ['2026-12-07', '2026-12-07', '2026-12-07', '2026-12-09'])
    await w.record(w.lead, {
      text: `Case file for C1 read on ${day}: the plan was not updated after the conference.`,
      method: 'case_file_reading',
      observedOn: day,
      caseRef: 'C1',
      newCase: true,
      teamRef: 'Team East',
      judgementAreas: ['help_and_protection'],
      direction: 'area_for_improvement',
    });
});
afterAll(async () => w.t.destroy());

describe('balance and bias views', () => {
  it('gives numbers and plain words for help and protection', async () => {
    const v = await getBalanceViews(w.as(w.member), { activityId: w.activityId });
    expect(v.firstDay).toBe('2026-12-07');
    const hp = v.areas.find((a) => a.area.key === 'help_and_protection')!;
    expect(hp.records).toBe(6);
    expect(hp.direction).toMatchObject({ strength: 1, areaForImprovement: 5 });
    expect(hp.direction.statement).toEqual({
      text: 'Only 17% of evaluative help and protection evidence (1 of 6) records strengths: check that good practice seen is being recorded.',
      level: 'concern',
    });
    expect(hp.methods.byMethod).toEqual({ case_file_reading: 5, social_worker_discussion: 1 });
    expect(hp.methods.statement.text).toBe(
      '83% of help and protection evidence comes from case records; no observation of practice yet and no conversations with children or families yet.',
    );
    expect(hp.coverage.teams).toEqual({
      covered: 2,
      known: 2,
      top: { label: 'Team East', records: 5 },
    });
    expect(hp.coverage.statement.text).toBe(
      "Help and protection evidence covers 2 of 2 teams, 2 of 2 localities and 2 of 2 practitioners; 83% of it concerns one team (Team East). 2 of 4 sampled children's cases have no evidence here yet.",
    );
    expect(hp.voice.statement.text).toBe(
      "The child's voice is evidenced in 17% of help and protection records (1 of 6); no direct conversations with children yet.",
    );
    expect(hp.voice.byServiceArea).toEqual([
      { key: 'child_protection', label: 'Child protection', records: 6, childVoice: 1 },
    ]);
    expect(hp.arrival.days).toEqual([
      { date: '2026-12-07', records: 5 },
      { date: '2026-12-09', records: 1 },
    ]);
    expect(hp.arrival.statement).toEqual({
      text: '83% of help and protection evidence was gathered on the first day (7 December 2026): first impressions may weigh heavily; test them against later evidence.',
      level: 'concern',
    });
  });

  it('says when an area has too little evidence, and is NOT_FOUND outside the team', async () => {
    const v = await getBalanceViews(w.as(w.lead), { activityId: w.activityId });
    const cic = v.areas.find((a) => a.area.key === 'children_in_care')!;
    expect(cic.records).toBe(2);
    expect(cic.methods.statement).toEqual({
      text: 'Only 2 records for children in care so far: too few to judge.',
      level: 'note',
    });
    expect(v.areas.find((a) => a.area.key === 'care_leavers')?.records).toBe(0);
    for (const actor of [w.outsider, w.laUser, w.researcher])
      await expect(
        getBalanceViews(w.as(actor), { activityId: w.activityId }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts sampled cases as the sample page does, not every child case with evidence', async () => {
    // Evidence on a child outside the sample creates a child case but does not join the sample.
    await w.record(w.lead, {
      text: 'Case file for C7 read: a child seen at the front door, not in the sample.',
      method: 'case_file_reading',
      observedOn: '2026-12-08',
      caseRef: 'C7',
      newCase: true,
      teamRef: 'Team East',
      judgementAreas: ['help_and_protection'],
      direction: 'area_for_improvement',
    });
    const sample = await getSample(w.as(w.lead), { activityId: w.activityId });
    expect(sample.cases).toHaveLength(4);
    const v = await getBalanceViews(w.as(w.lead), { activityId: w.activityId });
    const hp = v.areas.find((a) => a.area.key === 'help_and_protection')!;
    expect(hp.coverage.sampledCases).toEqual({ withEvidence: 2, sampled: sample.cases.length });
    expect(hp.coverage.statement.text).toContain(
      "2 of 4 sampled children's cases have no evidence here yet.",
    );
  });
});
