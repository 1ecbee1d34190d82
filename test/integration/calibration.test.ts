// Calibration with vignettes and blind double coding, through the use cases on the demo database:
// the bank's reference grades stay hidden until an inspector submits; national figures come in
// groups of three or more; double codings stay blind until every coder has finished, and the
// reconciled coding lands in the evidence base with who decided.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { actAsAccount } from '../../src/usecases/auth/act-as-account.js';
import { addVignette } from '../../src/usecases/calibration/add-vignette.js';
import { createExercise } from '../../src/usecases/calibration/create-exercise.js';
import { getExercise } from '../../src/usecases/calibration/get-exercise.js';
import { getMyCalibration } from '../../src/usecases/calibration/get-my-calibration.js';
import { getNationalCalibration } from '../../src/usecases/calibration/get-national-calibration.js';
import { listVignettes } from '../../src/usecases/calibration/list-vignettes.js';
import { rateVignette } from '../../src/usecases/calibration/rate-vignette.js';
import { submitRatings } from '../../src/usecases/calibration/submit-ratings.js';
import { addCalibrationNote } from '../../src/usecases/calibration/add-calibration-note.js';
import { listCodes } from '../../src/usecases/coding/list-codes.js';
import { listCodings } from '../../src/usecases/coding/list-codings.js';
import { assignDoubleCoding } from '../../src/usecases/double-coding/assign-double-coding.js';
import { codeDoubleCoding } from '../../src/usecases/double-coding/code-double-coding.js';
import { finishDoubleCoding } from '../../src/usecases/double-coding/finish-double-coding.js';
import { getDoubleCoding } from '../../src/usecases/double-coding/get-double-coding.js';
import { getDoubleCodingAgreement } from '../../src/usecases/double-coding/get-double-coding-agreement.js';
import { reconcileDoubleCoding } from '../../src/usecases/double-coding/reconcile-double-coding.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createTestApp, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const as = async (key: string) => {
  const sys = { db: t.database.db, actor: systemActor('test') };
  return { db: t.database.db, actor: await actAsAccount(sys, { email: demoEmail(key) }) };
};

describe('calibration with vignettes', () => {
  it('keeps ratings blind until submitted, then shows the spread and own agreement', async () => {
    const national = await as('national');
    const inspectors = await Promise.all(['lead', 'inspector', 'qam'].map(as));
    const grades = ['good', 'requires_improvement', 'good'];
    const vignettes = [];
    for (const [i, g] of grades.entries())
      vignettes.push(
        await addVignette(national, {
          title: `Vignette ${i + 1}`,
          body: 'Social workers visit the child regularly and see them alone.',
          frameworkId: 'ilacs-2023',
          judgementKey: 'help_and_protection',
          criteria: ['help_and_protection.assessments'],
          referenceGrade: g,
        }),
      );
    await expect(listVignettes(inspectors[0]!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      addVignette(inspectors[0]!, {
        title: 'x',
        body: 'x',
        frameworkId: 'ilacs-2023',
        judgementKey: 'help_and_protection',
        referenceGrade: 'good',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await createExercise(national, {
      title: 'East Midlands calibration',
      region: 'East Midlands',
      vignetteIds: vignettes.map((v) => v.id),
      inspectors: ['lead', 'inspector', 'qam'].map((k) => ({ user: demoEmail(k) })),
    });
    const first = inspectors[0]!;
    const blind = await getExercise(first, { exerciseId: id });
    expect(blind.revealed).toBe(false);
    expect(blind.vignettes.every((v) => v.referenceGrade === null && v.spread === null)).toBe(true);
    await expect(
      addCalibrationNote(first, { exerciseId: id, vignetteId: vignettes[0]!.id, note: 'hm' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitRatings(first, { exerciseId: id })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    for (const [n, who] of inspectors.entries()) {
      for (const v of vignettes)
        await rateVignette(who, {
          exerciseId: id,
          vignetteId: v.id,
          grade: n === 2 ? 'inadequate' : 'good',
        });
      if (n < 2) await submitRatings(who, { exerciseId: id });
    }
    // The third has rated but not submitted: still blind, and not counted in the spread.
    const third = await getExercise(inspectors[2]!, { exerciseId: id });
    expect(third.revealed).toBe(false);
    const seen = await getExercise(first, { exerciseId: id });
    expect(seen.revealed).toBe(true);
    expect(seen.participants).toBeNull();
    expect(seen.vignettes[0]!.referenceGrade?.key).toBe('good');
    expect(seen.vignettes[0]!.spread!.find((s) => s.grade === 'good')!.count).toBe(2);
    expect(seen.vignettes[0]!.spread!.find((s) => s.grade === 'inadequate')!.count).toBe(0);
    expect(seen.myAgreement!.exact.value).toBeCloseTo(2 / 3);
    await rateVignette(first, { exerciseId: id, vignetteId: vignettes[0]!.id, grade: 'good' }).then(
      () => expect.unreachable(),
      (e: { code: string }) => expect(e.code).toBe('CONFLICT'),
    );
    await addCalibrationNote(first, {
      exerciseId: id,
      vignetteId: vignettes[1]!.id,
      note: 'I read the drift as less serious.',
    });
    expect((await getExercise(first, { exerciseId: id })).vignettes[1]!.notes).toHaveLength(1);
    const mine = await getMyCalibration(first);
    // The demo’s exercises are there too; this one is counted once.
    expect(mine.exercises.filter((e) => e.exerciseId === id)).toHaveLength(1);
    // Two inspectors submitted: fewer than three, so the national view withholds the figures.
    const region = (n: Awaited<ReturnType<typeof getNationalCalibration>>) =>
      n.byRegion.find((g) => g.group === 'East Midlands');
    let nat = await getNationalCalibration(national);
    expect(region(nat)).toMatchObject({ inspectors: 2, agreement: null });
    await submitRatings(inspectors[2]!, { exerciseId: id });
    nat = await getNationalCalibration(national);
    expect(region(nat)!.agreement!.ratings).toBe(9);
    expect(region(nat)!.agreement!.exact.value).toBeCloseTo(4 / 9);
    await expect(getNationalCalibration(first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('blind double coding', () => {
  it('keeps each coder to their own codings until all finish, then reconciles', async () => {
    const lead = await as('lead');
    const inspector = await as('inspector');
    const activityId = t.demo.activityId;
    const text = 'The plan was reviewed late. The child was not seen alone. Managers noticed.';
    const record = await recordEvidence(lead, { activityId, text, method: 'case_file_reading' });
    const { codes } = await listCodes(lead, { activityId });
    const code = codes.find((c) => c.isCodable)!;
    await expect(
      assignDoubleCoding(inspector, {
        activityId,
        title: 'x',
        records: [record.id],
        coders: [demoEmail('lead'), demoEmail('inspector')],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await assignDoubleCoding(lead, {
      activityId,
      title: 'Case files, day one',
      records: [record.id],
      coders: [demoEmail('lead'), demoEmail('inspector')],
    });
    const base = { activityId, assignmentId: id, evidenceId: record.id, codeId: code.id };
    await codeDoubleCoding(lead, { ...base, passage: 'The plan was reviewed late.' });
    await codeDoubleCoding(inspector, { ...base, passage: 'The plan was reviewed late.' });
    await codeDoubleCoding(inspector, { ...base, passage: 'The child was not seen alone.' });
    const blind = await getDoubleCoding(inspector, { activityId, assignmentId: id });
    expect(blind.blind).toBe(true);
    expect(blind.records[0]!.mine).toHaveLength(2);
    expect(blind.records[0]!.candidates).toBeNull();
    expect(
      (await getDoubleCoding(lead, { activityId, assignmentId: id })).records[0]!.mine,
    ).toHaveLength(1);
    await expect(
      getDoubleCodingAgreement(lead, { activityId, assignmentId: id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // Nothing reached the evidence base's codings.
    expect((await listCodings(lead, { activityId, evidenceId: record.id })).codings).toHaveLength(
      0,
    );
    await finishDoubleCoding(lead, { activityId, assignmentId: id });
    await finishDoubleCoding(inspector, { activityId, assignmentId: id });
    const open = await getDoubleCoding(lead, { activityId, assignmentId: id });
    const candidates = open.records[0]!.candidates!;
    expect(candidates).toHaveLength(2);
    expect(candidates.filter((c) => c.unanimous)).toHaveLength(1);
    const agreement = await getDoubleCodingAgreement(lead, {
      activityId,
      assignmentId: id,
      resamples: 50,
    });
    expect(agreement.uncodedText).toBe('excluded');
    expect(agreement.records[0]!.codes[0]!.segmentLevel.results.length).toBeGreaterThan(0);
    await expect(
      reconcileDoubleCoding(inspector, {
        activityId,
        assignmentId: id,
        evidenceId: record.id,
        agreed: [],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const done = await reconcileDoubleCoding(lead, {
      activityId,
      assignmentId: id,
      evidenceId: record.id,
      agreed: candidates.map((c) => c.key),
    });
    expect(done.written).toBe(2);
    const after = await getDoubleCoding(lead, { activityId, assignmentId: id });
    expect(after.records[0]!.reconciledBy).toMatch(/Lena Marsh/);
    expect((await listCodings(lead, { activityId, evidenceId: record.id })).codings).toHaveLength(
      2,
    );
  });
});
