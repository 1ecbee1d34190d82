// Keyset paging of the evidence list (issue 19): one group's records page by (day, E-number)
// with a token, forwards and back, every record once, the total counted on the first page and
// carried by the token; the overview's groups say how many they hold and give the token for the
// rest; a token from elsewhere is refused by field. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/domain/access/actor.js';
import { listEvidence } from '../../src/usecases/evidence/list-evidence.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);
/** The list order: day, then E-number. */
let expected: string[] = [];
const days = ['2025-06-04', '2025-06-02', '2025-06-03'];

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'evp');
  const made: Array<{ ref: number; day: string }> = [];
  for (let i = 0; i < 23; i++) {
    const r = await recordEvidence(as(team.member), {
      activityId: team.activity.id,
      text: `Record ${i}: the plan was reviewed on time.`,
      method: 'case_file_reading',
      observedOn: days[i % 3]!,
      judgementAreas: i % 2 === 0 ? ['children_in_care'] : [],
    });
    made.push({ ref: r.refNo, day: r.observedOn });
  }
  expected = made
    .sort((a, b) => (a.day === b.day ? a.ref - b.ref : a.day < b.day ? -1 : 1))
    .map((m) => `E${m.ref}`);
});
afterAll(async () => t.destroy());

const list = (after?: string, extra: Record<string, unknown> = {}) =>
  listEvidence(as(team.lead), {
    activityId: team.activity.id,
    by: 'none',
    group: '',
    pageSize: 5,
    ...(after ? { after } : {}),
    ...extra,
  });

describe('paging one group of evidence by key', () => {
  it('walks every record once in list order, saying where each page sits', async () => {
    let page = await list();
    expect(page.page).toMatchObject({ total: 23, start: 0, returned: 5, previous: null });
    const seen = page.groups[0]!.records.map((r) => r.reference);
    const starts = [page.page!.start];
    while (page.page!.next) {
      page = await list(page.page!.next);
      seen.push(...page.groups[0]!.records.map((r) => r.reference));
      starts.push(page.page!.start);
    }
    expect(seen).toEqual(expected);
    expect(starts).toEqual([0, 5, 10, 15, 20]);
    expect(page.page).toMatchObject({ total: 23, returned: 3, next: null });
    expect(page.groups[0]!.nextCursor).toBeNull();

    // ...and back from the last page to the first.
    const back: string[][] = [];
    let prev = page.page!.previous;
    while (prev) {
      const p = await list(prev);
      back.unshift(p.groups[0]!.records.map((r) => r.reference));
      prev = p.page!.previous;
      if (!prev) expect(p.page!.start).toBe(0);
    }
    expect(back.flat()).toEqual(expected.slice(0, 20));
  });

  it('keeps its place when a record is added before the page: nothing repeated or skipped', async () => {
    const first = await list();
    const r = await recordEvidence(as(team.member), {
      activityId: team.activity.id,
      text: 'Added while someone was reading page one.',
      method: 'case_file_reading',
      observedOn: '2025-06-01',
    });
    const second = await list(first.page!.next!);
    expect(second.groups[0]!.records.map((x) => x.reference)).toEqual(expected.slice(5, 10));
    expect(second.page!.total).toBe(23); // the total as counted on page one
    expect((await list()).page!.total).toBe(24);
    expected = [r.reference, ...expected];
  });

  it('pages a heading of the default view, and the overview gives the token for the rest', async () => {
    const overview = await listEvidence(as(team.lead), {
      activityId: team.activity.id,
      limitPerGroup: 4,
    });
    const cic = overview.groups.find((g) => g.key === 'children_in_care')!;
    expect(cic.count).toBe(12);
    expect(cic.records).toHaveLength(4);
    expect(overview.page).toBeNull();
    const rest = await listEvidence(as(team.lead), {
      activityId: team.activity.id,
      group: 'children_in_care',
      after: cic.nextCursor!,
      pageSize: 50,
    });
    expect(rest.page).toMatchObject({ total: 12, start: 4, returned: 8, next: null });
    const all = [...cic.records, ...rest.groups[0]!.records].map((r) => r.reference);
    expect(new Set(all).size).toBe(12);
    expect(rest.groups[0]!.label).toBe(cic.label);
  });

  it('refuses a token that is not one of this list, naming the field', async () => {
    const bad = Buffer.from(JSON.stringify(['a', ['not a day', 1], 3, 0])).toString('base64url');
    for (const after of ['nonsense', bad])
      await expect(list(after)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'after' })],
      });
  });

  it('answers NOT_FOUND to someone who may not read the evidence, token or not', async () => {
    const first = await list();
    await expect(
      listEvidence(as(team.outsider), {
        activityId: team.activity.id,
        group: '',
        by: 'none',
        after: first.page!.next!,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
