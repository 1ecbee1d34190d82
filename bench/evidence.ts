// Evidence capture and coding latency on the synthetic activity (bench/synthetic-evidence.ts):
// p50/p95 for saving an evidence record and coding a span through the use cases (access check,
// validation, transaction, version row, audit event), with the raw SQL time of the same insert
// in the same engine beside each. Also listing the evidence base and opening the codebook.
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { findUserById } from '../src/data/repositories/users.js';
import { toActor } from '../src/domain/access/actor.js';
import { codeSpan } from '../src/usecases/coding/code-span.js';
import { listCodes } from '../src/usecases/coding/list-codes.js';
import { getEvidence } from '../src/usecases/evidence/get-evidence.js';
import { listEvidence } from '../src/usecases/evidence/list-evidence.js';
import { recordEvidence } from '../src/usecases/evidence/record-evidence.js';
import { createRandom } from '../src/domain/sampling/seeded-random.js';
import { time, type Summary } from './stats.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, sample, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
}

const TEXT =
  'Zoë 👩‍👧 told inspectors that her social worker visits every week and listens to her. The plan is reviewed at each core group; actions are specific and timely.';

const row = (label: string, s: Summary) => `| ${label} | ${s.p50} | ${s.p95} | ${s.max} |`;

export async function benchEvidence(o: Options): Promise<string[]> {
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'ev', o.adminUrl);
  } catch (err) {
    return [
      `## Evidence capture and coding (${o.engine})`,
      '',
      `Skipped: ${(err as Error).message}`,
      '',
    ];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  try {
    await migrateToLatest(db);
    const [seedMs, synthetic] = await time(() => seedSyntheticEvidence(db));
    const user = await findUserById(db, synthetic.inspectorIds[2]!);
    const ctx = { db, actor: toActor(user!) };
    const activityId = synthetic.activityId;
    const rnd = createRandom(7);

    const save = await sample(o.n, () =>
      recordEvidence(ctx, {
        activityId,
        text: TEXT,
        method: 'social_worker_discussion',
        caseRef: `C-${1000 + rnd.int(0, 249)}`,
        // Some of these references are not seeded child cases: as before, they make new ones.
        newCase: true,
        judgementAreas: ['children_in_care'],
        direction: 'strength',
        childVoice: true,
        minutesSpent: 40,
      }),
    );
    let refNo = 100_000;
    const rawSave = await sample(o.n, () =>
      db.transaction().execute(async (trx) => {
        const r = await sql<{ id: string }>`
          insert into evidence_records (activity_id, ref_no, text, method, observed_on, judgement_areas,
            direction, child_voice, minutes_spent, recorded_by, recorded_by_label, updated_by, updated_by_label)
          values (${activityId}, ${refNo++}, ${TEXT}, 'social_worker_discussion', '2025-06-05',
            array['children_in_care'], 'strength', true, 40, ${user!.id}, 'bench', ${user!.id}, 'bench')
          returning id`.execute(trx);
        await sql`insert into evidence_versions (evidence_id, version, text, fields, created_by, created_by_label)
          values (${r.rows[0]!.id}, 1, ${TEXT}, '{}'::jsonb, ${user!.id}, 'bench')`.execute(trx);
      }),
    );

    // Coding: a different (record, code) pair each time, at a sentence span.
    const codable = await db
      .selectFrom('codes')
      .select('id')
      .where('activity_id', '=', activityId)
      .where('is_codable', '=', true)
      .execute();
    const records = await db
      .selectFrom('evidence_records')
      .select(['id', 'version', 'text'])
      .where('activity_id', '=', activityId)
      .limit(2_000)
      .execute();
    const pick = (i: number) => {
      const r = records[(i + 1_000) % records.length]!;
      const firstStop = Array.from(r.text).indexOf('.');
      return {
        r,
        code: codable[(i * 7 + 1_000) % codable.length]!.id,
        end: firstStop > 0 ? firstStop + 1 : 10,
      };
    };
    const code = await sample(o.n, (i) => {
      const p = pick(i);
      return codeSpan(ctx, {
        evidenceId: p.r.id,
        codeIds: [p.code],
        start: 0,
        end: p.end,
        evidenceVersion: p.r.version,
      }).catch((err: { code?: string }) => {
        if (err.code !== 'ALREADY_EXISTS') throw err;
      });
    });
    const rawCode = await sample(o.n, (i) => {
      const p = pick(i + 5_000);
      return sql`insert into codings (activity_id, evidence_id, evidence_version, code_id, start_pos,
          end_pos, span_text, coder_id, coder_label)
        values (${activityId}, ${p.r.id}, ${p.r.version}, ${p.code}, 0, ${p.end + 1}, 'x', ${user!.id}, 'bench')
        on conflict do nothing`.execute(db);
    });

    const listPage = await sample(Math.min(o.n, 50), () =>
      listEvidence(ctx, { activityId, limitPerGroup: 50 }),
    );
    const rawList = await sample(Math.min(o.n, 50), () =>
      sql`with m as (select id, observed_on, ref_no, judgement_areas from evidence_records
            where activity_id = ${activityId} and deleted_at is null)
          select a.key, count(*)::int, (array_agg(m.id::text order by m.observed_on, m.ref_no))[1:50]
          from m cross join lateral unnest(case when cardinality(m.judgement_areas) = 0
            then array['']::text[] else m.judgement_areas end) as a(key)
          group by a.key`.execute(db),
    );
    const book = await sample(Math.min(o.n, 50), () => listCodes(ctx, { activityId }));
    const view = await sample(Math.min(o.n, 100), (i) =>
      getEvidence(ctx, { evidenceId: records[(i + 100) % records.length]!.id }),
    );
    const counts = await sql<{ e: number; k: number; c: number; cs: number }>`
      select (select count(*) from evidence_records) as e, (select count(*) from codings) as k,
             (select count(*) from codes) as c, (select count(*) from cases) as cs`.execute(db);
    const c = counts.rows[0]!;
    return [
      `## Evidence capture and coding: ${o.engine} (synthetic activity: ${evidenceScale.inspectors} inspectors, ${evidenceScale.days} fieldwork days, ${c.e} evidence records, ${c.c} codes, ${c.k} codings, ${c.cs} cases; seeded in ${(seedMs / 1000).toFixed(1)} s), n=${o.n} sequential operations`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      row(
        'save an evidence record (use case: access, validation, case lookup, E-number, version, audit)',
        save,
      ),
      row('raw SQL: insert the record and its version row (one transaction)', rawSave),
      row('code a span (use case: access, version check, code-point validation, audit)', code),
      row('raw SQL: insert one coding', rawCode),
      row(
        'list the evidence base under the judgement headings (50 per heading, counts for all)',
        listPage,
      ),
      row('raw SQL: the grouping query alone (counts and first 50 ids per heading)', rawList),
      row('open the codebook (250 codes with coding counts)', book),
      row('open one evidence record with its codings and memos', view),
      '',
    ];
  } finally {
    await cleanup();
  }
}
