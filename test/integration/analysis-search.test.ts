import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAllEvidence as searchAllEvidenceRows } from '../../src/data/repositories/evidence-search.js';
import { parseTextQuery } from '../../src/domain/analysis/text-query.js';
import { searchAllEvidence } from '../../src/usecases/analysis/search-all-evidence.js';
import { searchEvidence } from '../../src/usecases/analysis/search-evidence.js';
import { createWorld, TEXTS, type World } from '../helpers/analysis.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.t.destroy());

const refs = async (query: string, extra: Record<string, unknown> = {}) =>
  (await searchEvidence(w.as(w.member), { activityId: w.activityId, query, ...extra })).hits
    .map((h) => h.reference)
    .sort();

describe('text search across an activity', () => {
  it('stems words: "plan" finds plans and planning', async () => {
    expect(await refs('plan')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
    expect(await refs('drifting')).toEqual(['E1', 'E3', 'E5']);
  });

  it('matches phrases only in order', async () => {
    expect(await refs('"child protection plan"')).toEqual(['E1']);
  });

  it('combines with AND, OR, NOT, minus and brackets', async () => {
    expect(await refs('protection NOT drift')).toEqual(['E4']);
    expect(await refs('protection -drift')).toEqual(['E4']);
    expect(await refs('visit* OR permanence')).toEqual(['E1', 'E2', 'E3']);
    expect(await refs('(visits OR harm) AND plan')).toEqual(['E1', 'E2', 'E4']);
  });

  it('highlights matches by code points, phrases as a whole, and pages results', async () => {
    const r = await searchEvidence(w.as(w.lead), {
      activityId: w.activityId,
      query: '"child protection plan" OR wishes',
      limit: 1,
    });
    expect(r.understood).toBe('"child protection plan" OR wishes');
    expect(r.total).toBe(2);
    expect(r.hits).toHaveLength(1);
    const all = await searchEvidence(w.as(w.lead), {
      activityId: w.activityId,
      query: '"child protection plan" OR wishes',
    });
    const e2 = all.hits.find((h) => h.reference === 'E2')!;
    const cps = Array.from(TEXTS.E2);
    expect(e2.highlights.map(([s, e]) => cps.slice(s, e).join(''))).toEqual(['wishes']);
    // After "Amélie 👩‍👧" the code-point offset is 2 less than the UTF-16 index.
    expect(e2.highlights[0]![0]).toBe(TEXTS.E2.indexOf('wishes') - 2);
    const e1 = all.hits.find((h) => h.reference === 'E1')!;
    expect(e1.highlights).toEqual([[4, 25]]);
    expect(e1.snippets[0]?.text).toContain('child protection plan');
    const page2 = await searchEvidence(w.as(w.lead), {
      activityId: w.activityId,
      query: '"child protection plan" OR wishes',
      limit: 1,
      offset: 1,
    });
    expect(page2.hits.map((h) => h.reference)).not.toEqual(r.hits.map((h) => h.reference));
  });

  it('filters by method, area and direction, and explains stop-word-only queries', async () => {
    expect(
      await refs('plan', { filter: { methods: ['case_file_reading', 'child_conversation'] } }),
    ).toEqual(['E1', 'E4']);
    expect(await refs('plan', { filter: { judgementAreas: ['children_in_care'] } })).toEqual([
      'E3',
      'E4',
    ]);
    expect(await refs('plan', { filter: { directions: ['strength'] } })).toEqual(['E2', 'E3']);
    const r = await searchEvidence(w.as(w.lead), { activityId: w.activityId, query: 'the and' });
    expect(r.total).toBe(0);
    expect(r.note).toMatch(/common words/);
    await expect(
      searchEvidence(w.as(w.lead), { activityId: w.activityId, query: '  ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      refs('plan', { filter: { judgementAreas: ['leadership'] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is for the team, admins and the national team only: others get NOT_FOUND', async () => {
    for (const actor of [w.outsider, w.laUser, w.researcher])
      await expect(
        searchEvidence(w.as(actor), { activityId: w.activityId, query: 'plan' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await searchEvidence(w.as(w.national), { activityId: w.activityId, query: 'plan' })).total,
    ).toBe(5);
  });
});

describe('search across activities', () => {
  it('searches every activity for the national team and only their own for inspectors', async () => {
    const national = await searchAllEvidence(w.as(w.national), { query: 'protection' });
    expect(national.total).toBe(3);
    expect(national.hits[0]).toMatchObject({ laId: 'north-la', activityId: w.activityId });
    expect((await searchAllEvidence(w.as(w.member), { query: 'protection' })).total).toBe(3);
    expect((await searchAllEvidence(w.as(w.outsider), { query: 'protection' })).total).toBe(0);
    for (const actor of [w.laUser, w.researcher])
      await expect(searchAllEvidence(w.as(actor), { query: 'protection' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    await expect(
      searchAllEvidence(w.as(w.national), { query: 'NOT protection' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('ranks by relevance up to the count cap and puts the newest first beyond it', async () => {
    const query = parseTextQuery('plan')!;
    const ranked = await searchAllEvidenceRows(w.t.db, {
      scope: { kind: 'all' },
      query,
      limit: 10,
      offset: 0,
    });
    expect(ranked).toMatchObject({ total: 5, capped: false, orderedBy: 'relevance' });
    const newest = await searchAllEvidenceRows(w.t.db, {
      scope: { kind: 'all' },
      query,
      limit: 3,
      offset: 0,
      countCap: 2,
    });
    expect(newest).toMatchObject({ total: 2, capped: true, orderedBy: 'recency' });
    expect(newest.rows.map((r) => r.reference)).toEqual(['E5', 'E4', 'E3']);
  });
});
