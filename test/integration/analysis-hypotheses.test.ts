import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { AppError } from '../../src/errors.js';
import { changeEnquiryStatus } from '../../src/usecases/analysis/change-enquiry-status.js';
import { getEnquiryChallenges } from '../../src/usecases/analysis/get-enquiry-challenges.js';
import { linkEnquiryEvidence } from '../../src/usecases/analysis/link-enquiry-evidence.js';
import { reviewChallenges } from '../../src/usecases/analysis/review-challenges.js';
import { setEnquiryFocus } from '../../src/usecases/analysis/set-enquiry-focus.js';
import { unlinkEnquiryEvidence } from '../../src/usecases/analysis/unlink-enquiry-evidence.js';
import { editEvidence } from '../../src/usecases/evidence/edit-evidence.js';
import { createLineOfEnquiry } from '../../src/usecases/analysis/create-line-of-enquiry.js';
import { updateLineOfEnquiry } from '../../src/usecases/analysis/update-line-of-enquiry.js';
import { createWorld, spanOf, TEXTS, type World } from '../helpers/analysis.js';

let w: World;
let lineId: string;
beforeAll(async () => {
  w = await createWorld();
  const line = await createLineOfEnquiry(w.as(w.lead), {
    activityId: w.activityId,
    title: 'Help and protection plans drift',
    judgementAreas: ['help_and_protection'],
  });
  lineId = line.id;
});
afterAll(async () => w.t.destroy());

/** The AppError a promise rejects with (fails the test if it resolves). */
const failure = (p: Promise<unknown>): Promise<AppError> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );
const view = (actor = w.lead) => getEnquiryChallenges(w.as(actor), { lineOfEnquiryId: lineId });

describe('hypotheses and challenging evidence', () => {
  it('links supporting evidence and infers the direction from it', async () => {
    await setEnquiryFocus(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      kind: 'hypothesis',
      codeIds: [w.codes.frontDoor],
      searchTerms: 'drift',
    });
    const span = spanOf(TEXTS.E1, 'plan drifted for months');
    const link = await linkEnquiryEvidence(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      evidenceId: w.e.E1,
      ...span,
      stance: 'supports',
      note: 'Drift in a CP plan',
    });
    await expect(
      linkEnquiryEvidence(w.as(w.lead), {
        lineOfEnquiryId: lineId,
        evidenceId: w.e.E1,
        ...span,
        stance: 'supports',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const v = await view();
    expect(v.links.map((l) => [l.reference, l.text, l.stance])).toEqual([
      ['E1', 'plan drifted for months', 'supports'],
    ]);
    expect(v.direction).toBe('area_for_improvement');
    expect(v.directionSource).toBe('inferred');
    expect(link.id).toBeTruthy();
  });

  it('finds what a person might miss: the other direction, uncoded matches, unseen sampled cases', async () => {
    const v = await view();
    expect(v.challenges.map((c) => [c.kind, c.reference])).toEqual([
      ['opposite_direction', 'E2'],
      ['uncoded_match', 'E3'],
      ['uncoded_match', 'E5'],
      ['unseen_case', 'C3'],
      ['unseen_case', 'C9'],
    ]);
    expect(v.challenges[0]?.reason).toBe('E2 is coded to Front door and recorded as a strength');
    expect(v.challenges[0]?.excerpts[0]?.text).toBe('visits are purposeful');
    const e5 = v.challenges.find((c) => c.reference === 'E5')!;
    expect(e5.excerpts[0]?.text).toContain('drift');
    expect(e5.excerpts[0]?.highlights.length).toBe(1);
    expect(v.challenges[4]?.reason).toBe('Sampled case C9 has no help and protection evidence yet');
    expect(v.unreviewed).toBe(5);
    expect(v.canClose).toBe(false);
  });

  it('cannot close before every challenge is reviewed, and says which are not', async () => {
    const attempt = changeEnquiryStatus(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      status: 'closed',
      conclusion: 'Plans drift in help and protection.',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message:
        'Look at the challenging evidence before closing: 5 items have not been reviewed (E2, E3, E5, C3, C9).',
    });
    const err = await failure(attempt);
    expect(err.details.map((d) => d.reason)).toContain(
      'E2 is coded to Front door and recorded as a strength: not yet reviewed',
    );
    // The other way of closing (the line of enquiry's own update) is held up the same way.
    await expect(
      updateLineOfEnquiry(w.as(w.lead), {
        lineOfEnquiryId: lineId,
        expectedVersion: 1,
        status: 'closed',
        conclusion: 'Plans drift.',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('records reviews (who, when, note); a record edited since asks for a fresh look', async () => {
    const v = await view();
    await reviewChallenges(w.as(w.member), {
      lineOfEnquiryId: lineId,
      items: v.challenges
        .filter((c) => c.kind !== 'unseen_case')
        .map((c) => ({ kind: c.kind, id: c.id })),
      outcome: 'challenges',
      note: 'Good practice in E2; drift seen in care and leadership too',
    });
    await reviewChallenges(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      items: [
        { kind: 'unseen_case', id: w.cases.C3! },
        { kind: 'unseen_case', id: w.cases.C9! },
      ],
      outcome: 'not_relevant',
      note: 'C3 is a child in care; C9 to be seen tomorrow',
    });
    await expect(
      reviewChallenges(w.as(w.lead), {
        lineOfEnquiryId: lineId,
        items: [{ kind: 'unseen_case', id: w.cases.C1! }],
        outcome: 'not_relevant',
        note: 'x',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const after = await view();
    expect(after.unreviewed).toBe(0);
    expect(after.challenges[0]?.review).toMatchObject({
      outcome: 'challenges',
      reviewedBy: { label: 'member' },
    });
    await editEvidence(w.as(w.member), {
      evidenceId: w.e.E3,
      expectedVersion: 1,
      text: `${TEXTS.E3} The drift was escalated.`,
    });
    const changed = await view();
    expect(changed.challenges.filter((c) => c.needsReview).map((c) => c.reference)).toEqual(['E3']);
    const attempt = changeEnquiryStatus(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      status: 'closed',
      conclusion: 'x',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const err = await failure(attempt);
    expect(err.details[0]?.reason).toMatch(/not yet reviewed since it was changed$/);
    await reviewChallenges(w.as(w.member), {
      lineOfEnquiryId: lineId,
      items: [{ kind: 'uncoded_match', id: w.e.E3 }],
      outcome: 'challenges',
      note: 'Still drift, now escalated',
    });
  });

  it('closes with a conclusion once everything is reviewed, audited; reopening needs a reason', async () => {
    await expect(
      changeEnquiryStatus(w.as(w.lead), { lineOfEnquiryId: lineId, status: 'closed' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const closed = await changeEnquiryStatus(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      status: 'closed',
      conclusion: 'Drift is found in help and protection, but not everywhere (see E2).',
    });
    expect(closed).toMatchObject({ status: 'closed', conclusion: expect.stringMatching(/^Drift/) });
    await expect(
      changeEnquiryStatus(w.as(w.lead), { lineOfEnquiryId: lineId, status: 'open' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      changeEnquiryStatus(w.as(w.lead), { lineOfEnquiryId: lineId, status: 'exploring' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const reopened = await changeEnquiryStatus(w.as(w.lead), {
      lineOfEnquiryId: lineId,
      status: 'exploring',
      reason: 'New evidence from the front door',
    });
    expect(reopened.status).toBe('exploring');
    const events = await listAuditEvents(w.t.db, { activityId: w.activityId, limit: 200 });
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === 'line_of_enquiry.challenge_reviewed')).toHaveLength(6);
    expect(actions).toContain('line_of_enquiry.focus_set');
    expect(actions).toContain('line_of_enquiry.evidence_linked');
    const statusEvents = events.filter((e) => e.action === 'line_of_enquiry.status_changed');
    expect(statusEvents.map((e) => e.after?.status)).toEqual(['exploring', 'closed']);
    expect(statusEvents[1]?.after).toMatchObject({ challengesReviewed: 5 });
  });

  it('needs a direction for a hypothesis with criteria, and keeps others out', async () => {
    const other = await createLineOfEnquiry(w.as(w.lead), {
      activityId: w.activityId,
      title: 'Leaders know their services',
      judgementAreas: ['impact_of_leaders'],
    });
    await setEnquiryFocus(w.as(w.lead), {
      lineOfEnquiryId: other.id,
      kind: 'hypothesis',
      codeIds: [w.codes.harm],
    });
    await expect(
      changeEnquiryStatus(w.as(w.lead), {
        lineOfEnquiryId: other.id,
        status: 'closed',
        conclusion: 'They do',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/^Say which way the hypothesis points/),
    });
    for (const actor of [w.outsider, w.laUser, w.researcher])
      await expect(
        getEnquiryChallenges(w.as(actor), { lineOfEnquiryId: other.id }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const links = (await view()).links;
    await unlinkEnquiryEvidence(w.as(w.lead), { linkId: links[0]!.id });
    expect((await view()).links).toEqual([]);
  });
});
