// Lists that hold at most so many rows say so (issue 19): the team meeting view summarises the
// first 2,000 records recorded since the last meeting, and then gives the true total, that it is
// limited, and where every record is (the evidence list). PGlite, and PostgreSQL with
// TEST_DATABASE_URL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { getTeamMeetingView } from '../../src/usecases/analysis/get-team-meeting-view.js';
import { createWorld, type World } from '../helpers/analysis.js';
import { WebClient } from '../helpers/app.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 120_000);
afterAll(async () => w.t.destroy());

/** `n` copies of record E1 (new ids and numbers), written in one statement. */
async function copiesOfE1(n: number): Promise<void> {
  const cols = (
    await sql<{ c: string }>`
      select column_name as c from information_schema.columns
      where table_schema = current_schema() and table_name = 'evidence_records'
        and is_generated = 'NEVER' and column_name not in ('id', 'ref_no', 'guid')
      order by ordinal_position`.execute(w.t.db)
  ).rows.map((r) => r.c);
  await sql`
    insert into evidence_records (id, guid, ref_no, ${sql.join(cols.map((c) => sql.ref(c)))})
    select gen_random_uuid(), gen_random_uuid(), e.ref_no + 10 * g, ${sql.join(cols.map((c) => sql.ref(`e.${c}`)))}
    from evidence_records e, generate_series(1, ${n}) g
    where e.id = ${w.e.E1}`.execute(w.t.db);
}

describe('team meeting view', () => {
  it('gives every record when they fit, and the total, "limited" and the way to the rest when not', async () => {
    const small = await getTeamMeetingView(w.as(w.member), { activityId: w.activityId });
    expect(small).toMatchObject({ total: 5, shown: 5, limited: false });

    await copiesOfE1(2_010);
    const big = await getTeamMeetingView(w.as(w.member), { activityId: w.activityId });
    expect(big).toMatchObject({ total: 2_015, shown: 2_000, limited: true });

    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database: w.t,
      catalog: loadActivityTypeCatalog(),
    });
    await app.ready();
    try {
      const web = await new WebClient(app).signIn(w.member.email, 'fixture password 123');
      const page = await web.get(`/activities/${w.activityId}/analysis/meetings`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Only the first 2,000 of these 2,015 records');
      expect(page.body).toContain(`href="/activities/${w.activityId}/evidence"`);
      const api = await web.get(`/api/v1/activities/${w.activityId}/meetings/view`);
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ total: 2_015, shown: 2_000, limited: true });
    } finally {
      await app.close();
    }
  });
});
