// A child's case on evidence is picked from the cases the activity knows (sampled, or recorded
// before); an unknown reference is refused naming `caseRef`, and a new case is made only when the
// caller says so (`newCase`; on the form, its own field). Use case, form and JSON API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { AppError } from '../../src/errors.js';
import { createCase } from '../../src/usecases/cases/create-case.js';
import { listCases } from '../../src/usecases/cases/list-cases.js';
import { editEvidence } from '../../src/usecases/evidence/edit-evidence.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import {
  createTestApp,
  decodeHtml,
  DEMO_PASSWORD,
  demoEmail,
  errorSummary,
  signInAs,
  type TestApp,
} from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'pick');
  await createCase(as(team.lead), {
    activityId: team.activity.id,
    kind: 'child',
    reference: 'C-104',
    attributes: {},
  });
});
afterAll(async () => t?.destroy());

const base = () => ({
  activityId: team.activity.id,
  method: 'case_file_reading' as const,
  text: 'The plan names the child’s wishes.',
  judgementAreas: ['help_and_protection'],
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('picking the child’s case', () => {
  it('takes a known case (any letter case) without a flag and refuses a typo, naming caseRef', async () => {
    const known = await recordEvidence(as(team.member), { ...base(), caseRef: 'c-104' });
    expect(known.childCase?.reference).toBe('C-104');

    const err = await refusal(recordEvidence(as(team.member), { ...base(), caseRef: 'C-1O4' }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([expect.objectContaining({ field: 'caseRef', value: 'C-1O4' })]);
    const cases = await listCases(as(team.lead), { activityId: team.activity.id, kind: 'child' });
    expect(cases.cases.map((c) => c.reference)).toEqual(['C-104']);
  });

  it('makes a new case only when asked, and audits it', async () => {
    const r = await recordEvidence(as(team.member), {
      ...base(),
      caseRef: 'C-200',
      newCase: true,
    });
    expect(r.childCase?.reference).toBe('C-200');
    const events = await listAuditEvents(t.db, {
      action: 'case.created',
      entityId: r.childCase!.id,
    });
    expect(events).toHaveLength(1);
  });

  it('editing to an unknown case is refused too, and nothing changes', async () => {
    const r = await recordEvidence(as(team.member), { ...base(), caseRef: 'C-104' });
    const err = await refusal(
      editEvidence(as(team.member), {
        activityId: team.activity.id,
        evidenceId: r.id,
        expectedVersion: 1,
        caseRef: 'C-999',
      }),
    );
    expect(err.details[0]?.field).toBe('caseRef');
    const moved = await editEvidence(as(team.member), {
      activityId: team.activity.id,
      evidenceId: r.id,
      expectedVersion: 1,
      caseRef: 'C-999',
      newCase: true,
    });
    expect(moved.record.childCase?.reference).toBe('C-999');
    expect(moved.record.version).toBe(2);
  });
});

describe('the capture form and the API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  const form = {
    text: 'The child’s plan was reviewed on time.',
    method: 'case_file_reading',
    'observedOn-day': '24',
    'observedOn-month': '11',
    'observedOn-year': '2026',
    judgementAreas: ['help_and_protection'],
    direction: 'strength',
  };

  it('offers the sampled cases to pick, refuses an unknown one and takes a deliberate new one', async () => {
    const lead = await signInAs(app, 'lead');
    const evidence = `/activities/${app.demo.activityId}/evidence`;
    const page = decodeHtml((await lead.get(`${evidence}/new`)).body);
    const sampled = /<option value="([^"]+)">\1 \(sampled: /.exec(page)?.[1];
    if (!sampled) throw new Error('No sampled case offered');
    expect(page).toContain('Or a new case, not in the list');

    const picked = await lead.post(evidence, { ...form, caseRef: sampled });
    expect(picked.statusCode, JSON.stringify(errorSummary(picked.body))).toBe(303);

    const typo = await lead.post(evidence, { ...form, caseRef: `${sampled}X` });
    expect(typo.statusCode).toBe(400);
    expect(errorSummary(typo.body)).toEqual([expect.objectContaining({ href: '#caseRef' })]);

    const both = await lead.post(evidence, { ...form, caseRef: sampled, newCaseRef: 'NEW-1' });
    expect(both.statusCode).toBe(400);
    expect(errorSummary(both.body)[0]?.href).toBe('#newCaseRef');

    const fresh = await lead.post(evidence, { ...form, newCaseRef: 'NEW-1' });
    expect(fresh.statusCode, JSON.stringify(errorSummary(fresh.body))).toBe(303);
    const again = decodeHtml((await lead.get(`${evidence}/new`)).body);
    expect(again).toContain('<option value="NEW-1">NEW-1 (not in the sample)</option>');
  });

  it('the JSON API refuses an unknown case without newCase, naming caseRef', async () => {
    const login = await app.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: demoEmail('lead'), password: DEMO_PASSWORD },
    });
    const token = login.json<{ token: string }>().token;
    const url = `/api/v1/activities/${app.demo.activityId}/evidence`;
    const body = {
      text: 'Read on the API.',
      method: 'case_file_reading',
      judgementAreas: ['help_and_protection'],
      caseRef: 'API-NEW',
    };
    const headers = { authorization: `Bearer ${token}` };
    const refused = await app.app.inject({ method: 'POST', url, headers, payload: body });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'caseRef', value: 'API-NEW' });
    const made = await app.app.inject({
      method: 'POST',
      url,
      headers,
      payload: { ...body, newCase: true },
    });
    expect(made.statusCode).toBe(201);
  });
});
