// Offline sync at the size of a long day without network (issue 17): one inspector's device
// brings back 500 records and 2,000 codings of them (four each, at sentence spans, by the
// record's client id). The browser module posts everything queued for an activity in one request
// (src/client/offline.ts), so each sync is one POST of 2,500 operations to
// /api/v1/activities/:id/offline/sync on the real app (inject), into the 6,000-record activity of
// bench/synthetic-evidence.ts. Each repetition is a fresh batch (new client ids); then the same
// batch again (the answer was lost on the way back): everything answers duplicate and no row is
// added. Wall time, CPU time of this process (the server's share; PostgreSQL's own work is in
// the wall time only) and peak RSS.
//   npm run bench -- --only offline-sync [--n 5] [--engine postgres|pglite|both]
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { cpLength } from '../src/domain/evidence/offsets.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { createRandom, type Random } from '../src/domain/sampling/seeded-random.js';
import { CONCERN, CONTEXT, NAMES, STRENGTH, TEAMS, WORKERS } from './evidence-templates.js';
import { summarise, type Summary } from './stats.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import {
  measure,
  openBenchDatabase,
  signedInApp,
  type BenchDatabase,
  type Measured,
} from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  /** Timed repetitions (after one untimed warm-up batch). */
  reps: number;
  records?: number;
  codingsPerRecord?: number;
  adminUrl?: string;
}

type Op = Record<string, unknown> & { clientId: string };

const METHODS = [
  'case_file_reading',
  'social_worker_discussion',
  'practice_observation',
  'child_conversation',
  'parent_carer_conversation',
  'meeting_observed',
] as const;

function sentence(rnd: Random, child: string): string {
  return rnd
    .pick(rnd.pick([STRENGTH, CONCERN, CONTEXT]))
    .replaceAll('{c}', child)
    .replaceAll('{w}', rnd.pick(WORKERS))
    .replaceAll('{t}', rnd.pick(TEAMS))
    .replaceAll('{n}', String(rnd.int(2, 18)));
}

/** One device's day: records typed offline, each followed by its codings, in the order typed. */
function offlineBatch(
  rnd: Random,
  tag: string,
  n: { records: number; codingsPerRecord: number },
  known: { childRefs: string[]; areas: string[]; codeIds: string[] },
): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < n.records; i++) {
    const child = rnd.pick(NAMES);
    const sentences = Array.from({ length: rnd.int(n.codingsPerRecord, 8) }, () =>
      sentence(rnd, child),
    );
    const method = rnd.pick(METHODS);
    const talk = method === 'child_conversation' || method === 'parent_carer_conversation';
    const writtenAt = new Date(Date.UTC(2025, 5, 4, 8) + i * 60_000).toISOString();
    const clientId = `${tag}-record-${i}`;
    ops.push({
      kind: 'record',
      clientId,
      writtenAt,
      text: sentences.join(' '),
      fields: {
        method,
        observedOn: '2025-06-04',
        caseRef: rnd.pick(known.childRefs),
        judgementAreas: [rnd.pick(known.areas)],
        minutesSpent: rnd.int(10, 90),
        childVoice: talk || rnd.chance(0.3),
        livedExperience: rnd.chance(0.3),
        direction: rnd.pick(['strength', 'area_for_improvement', 'mixed', 'context']),
        ...(talk
          ? {
              consent: {
                infoSheetGiven: true,
                consentGiven: true,
                givenBy: method === 'child_conversation' ? 'child' : 'parent',
              },
            }
          : {}),
      },
    });
    // Codings at distinct sentences, offsets in code points, with the words they cover.
    let at = 0;
    const spans = sentences.map((s) => {
      const span = { start: at, end: at + cpLength(s), text: s };
      at = span.end + 1;
      return span;
    });
    for (let k = 0; k < n.codingsPerRecord; k++) {
      const span = spans[k]!;
      ops.push({
        kind: 'coding',
        clientId: `${tag}-coding-${i}-${k}`,
        writtenAt,
        recordClientId: clientId,
        evidenceVersion: 1,
        codeId: rnd.pick(known.codeIds),
        start: span.start,
        end: span.end,
        spanText: span.text,
      });
    }
  }
  return ops;
}

const fmt = (m: Summary) => `${m.p50} | ${m.p95} | ${m.max}`;

export async function benchOfflineSync(o: Options): Promise<string[]> {
  process.env.TRIANGULATE_DEMO_PASSWORD = 'bench-password-1';
  const records = o.records ?? 500;
  const codingsPerRecord = o.codingsPerRecord ?? 4;
  const title = `### Offline sync: ${o.engine}, ${records} records and ${records * codingsPerRecord} codings in one request`;
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'offsync', o.adminUrl);
  } catch (err) {
    return [title, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  try {
    await migrateToLatest(db);
    const syn = await seedSyntheticEvidence(db);
    await sql`analyze`.execute(db);
    const a = syn.activityId;
    const inspectorId = syn.inspectorIds[2]!;
    const coder = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', inspectorId)
      .executeTakeFirstOrThrow();
    const { app, headers } = await signedInApp(database, loadActivityTypeCatalog(), {
      email: coder.email,
      password: 'synthetic-not-for-sign-in',
    });
    const childRefs = (
      await db
        .selectFrom('cases')
        .select('reference')
        .where('activity_id', '=', a)
        .where('kind', '=', 'child')
        .execute()
    ).map((r) => r.reference);
    const areas = (
      await sql<{ area: string }>`select distinct unnest(judgement_areas) as area
        from evidence_records where activity_id = ${a} order by 1`.execute(db)
    ).rows.map((r) => r.area);
    const codeIds = (
      await db
        .selectFrom('codes')
        .select('id')
        .where('activity_id', '=', a)
        .where('is_codable', '=', true)
        .execute()
    ).map((r) => r.id);
    const rnd = createRandom(17);
    const known = { childRefs, areas, codeIds };
    const n = { records, codingsPerRecord };
    const counts = async () => {
      const r = await sql<{ e: number; k: number; s: number; au: number }>`
        select (select count(*) from evidence_records where activity_id = ${a})::int as e,
               (select count(*) from codings where activity_id = ${a})::int as k,
               (select count(*) from offline_sync_operations where activity_id = ${a})::int as s,
               (select count(*) from audit_events where activity_id = ${a})::int as au`.execute(db);
      return r.rows[0]!;
    };
    const post = async (ops: Op[], expect: 'applied' | 'duplicate') => {
      const r = await app.inject({
        method: 'POST',
        url: `/api/v1/activities/${a}/offline/sync`,
        headers,
        payload: { operations: ops },
      });
      if (r.statusCode !== 200) throw new Error(`sync answered ${r.statusCode}: ${r.body}`);
      const results = r.json<{ results: Array<{ status: string }> }>().results;
      const wrong = results.filter((x) => x.status !== expect);
      if (results.length !== ops.length || wrong.length)
        throw new Error(
          `${wrong.length} of ${results.length} not ${expect}: ${r.body.slice(0, 400)}`,
        );
    };
    const first: Measured<void>[] = [];
    const replay: Measured<void>[] = [];
    let bytes = 0;
    for (let rep = -1; rep < o.reps; rep++) {
      const ops = offlineBatch(rnd, `bench-${rep + 1}-${Date.now()}`, n, known);
      bytes = JSON.stringify({ operations: ops }).length;
      const before = await counts();
      const m = await measure(() => post(ops, 'applied'));
      const mid = await counts();
      if (mid.e - before.e !== records || mid.k - before.k !== records * codingsPerRecord)
        throw new Error(
          `expected ${records} records and their codings, got ${JSON.stringify(mid)}`,
        );
      const again = await measure(() => post(ops, 'duplicate'));
      const after = await counts();
      if (JSON.stringify(after) !== JSON.stringify(mid))
        throw new Error(`the replay changed rows: ${JSON.stringify([mid, after])}`);
      if (rep >= 0) {
        first.push(m);
        replay.push(again);
      }
    }
    await app.close();
    const pick = (list: Measured<void>[], f: (m: Measured<void>) => number) =>
      summarise(list.map(f));
    const end = await counts();
    return [
      `${title} (${(bytes / 1024).toFixed(0)} KiB of JSON), into the synthetic activity (${evidenceScale.records.toLocaleString('en-GB')} records, ${evidenceScale.codings.toLocaleString('en-GB')} codings before; ${end.e.toLocaleString('en-GB')} after), n=${o.reps} repetitions after one warm-up, each a fresh batch`,
      '',
      '| what | p50 | p95 | max |',
      '|---|---|---|---|',
      `| POST sync, new batch: wall ms | ${fmt(pick(first, (m) => m.ms))} |`,
      `| POST sync, new batch: CPU ms (Node process) | ${fmt(pick(first, (m) => m.cpuMs))} |`,
      `| POST sync, new batch: peak RSS MB | ${fmt(pick(first, (m) => m.peakRssMb))} |`,
      `| POST the same batch again (all duplicate, no row added): wall ms | ${fmt(pick(replay, (m) => m.ms))} |`,
      `| replay: CPU ms (Node process) | ${fmt(pick(replay, (m) => m.cpuMs))} |`,
      '',
    ];
  } finally {
    await cleanup();
  }
}
