// The side-by-side of issue 19 as a benchmark anyone can run: the seeded Taguette-sized corpus
// (6,000 documents, 250 codes, 30,000 codings; bench/synthetic-evidence.ts) loaded through the
// real REFI-QDA import (exported as .qdpx from a scratch database, then imported into a fresh
// one), then the operations of the comparison timed through the use cases, at 1x and 4x. Figures
// are printed for BENCHMARKS.md with the load average beside them: the machine is shared, so
// ratios (4x against 1x) say more than absolute times.
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { refreshStatistics, EVIDENCE_BASE_TABLES } from '../src/data/repositories/statistics.js';
import { systemActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../src/usecases/activities/add-team-member.js';
import { toActor } from '../src/domain/access/actor.js';
import { codeSpan } from '../src/usecases/coding/code-span.js';
import { listCodings } from '../src/usecases/coding/list-codings.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import { exportAllPassages } from '../src/usecases/analysis/export-all-passages.js';
import { exportCodingQuery } from '../src/usecases/analysis/export-coding-query.js';
import { collectFile } from '../src/usecases/analysis/export-file.js';
import { runCodingQuery } from '../src/usecases/analysis/run-coding-query.js';
import { getEvidence } from '../src/usecases/evidence/get-evidence.js';
import { exportProject } from '../src/usecases/refi/export-project.js';
import { importRefi } from '../src/usecases/refi/import-refi.js';
import { createUser } from '../src/usecases/users/create-user.js';
import { summarise, type Summary } from './stats.js';
import { evidenceScale, seedSyntheticEvidence, type EvidenceScale } from './synthetic-evidence.js';
import { measure, openBenchDatabase, sampleTimes, type Engine } from './support.js';

const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

interface Figures {
  label: string;
  rows: Array<[string, Summary]>;
  notes: string[];
  rss: { start: number; loaded: number; end: number };
}

/** Loads the corpus (through a QDPX round trip when `viaQdpx`) and times the operations. */
async function runScale(
  engine: Engine,
  factor: number,
  viaQdpx: boolean,
  adminUrl?: string,
): Promise<Figures> {
  const scale: EvidenceScale = {
    ...evidenceScale,
    records: evidenceScale.records * factor,
    codings: evidenceScale.codings * factor,
    cases: evidenceScale.cases * factor,
  };
  const notes: string[] = [`load average before: ${load()}`];
  const note = notes.push.bind(notes);
  notes.push = (...items) => {
    for (const n of items) process.stderr.write(`${factor}x | ${n}\n`);
    return note(...items);
  };
  const target = await openBenchDatabase(engine, `cc${factor}`, adminUrl);
  const rssStart = mb();
  try {
    const db = target.database.db;
    await migrateToLatest(db);
    const catalog = loadActivityTypeCatalog();
    const system: UseCaseContext = { db, actor: systemActor('bench'), catalog };
    let activityId: string;
    if (viaQdpx) {
      // The corpus is generated in a scratch database and exported: the file a user would bring.
      const scratch = await openBenchDatabase(engine, `ccsrc${factor}`, adminUrl);
      let bytes: Uint8Array;
      try {
        await migrateToLatest(scratch.database.db);
        const syn = await seedSyntheticEvidence(scratch.database.db, scale);
        bytes = (
          await exportProject(
            { db: scratch.database.db, actor: systemActor('bench'), catalog },
            { activityId: syn.activityId },
          )
        ).bytes;
      } finally {
        await scratch.cleanup();
      }
      await db
        .insertInto('local_authorities')
        .values({ id: 'cc-la', name: 'Corpus council', gss_code: 'E06999998' })
        .execute();
      const imported = await measure(() =>
        importRefi(system, {
          fileName: 'corpus.qdpx',
          bytes,
          newActivity: { laId: 'cc-la', plannedStart: '2025-07-07' },
        }),
      );
      activityId = imported.value.activityId;
      notes.push(
        `QDPX import (${(bytes.length / 1048576).toFixed(1)} MB, ${imported.value.counts.evidence} records, ${imported.value.counts.codings} codings): ${(imported.ms / 1000).toFixed(1)} s wall, ${(imported.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${Math.round(imported.peakRssMb)} MiB`,
      );
    } else {
      const seeded = await measure(() => seedSyntheticEvidence(db, scale));
      activityId = seeded.value.activityId;
      notes.push(
        `loaded by the synthetic seeder (batched inserts; a ${scale.records}-record QDPX exceeds the importer's 20,000-entry limit until it is raised): ${(seeded.ms / 1000).toFixed(1)} s`,
      );
    }
    const admin = await createUser(system, {
      email: `bench-inspector-${factor}@example.org`,
      displayName: 'Bench inspector',
      role: 'inspector',
      region: null,
      laId: null,
      password: 'bench password 1234',
    });
    // On the team, as the people who code would be.
    await addTeamMember(system, { activityId, userId: admin.id, teamRole: 'team_inspector' });
    const ctx: UseCaseContext = { db, actor: toActor(admin), catalog };
    const top = await sql<{ code_id: string; n: number }>`
      select code_id, count(*)::int as n from codings where activity_id = ${activityId}
      group by code_id order by n desc, code_id limit 1`.execute(db);
    const heavy = top.rows[0]!.code_id;
    const query = { activityId, expression: { code: heavy }, includeSubcodes: false };
    const rows: Array<[string, Summary]> = [];
    // Each figure is shown as it is measured, so a long run that fails later keeps what it had.
    const push = rows.push.bind(rows);
    rows.push = (...items) => {
      for (const [l, s] of items) process.stderr.write(`${factor}x | ${l} | ${s.p50} | ${s.p95}\n`);
      return push(...items);
    };
    const firstPage = () => runCodingQuery(ctx, { ...query, limit: 50 });
    if (viaQdpx) {
      // As the import leaves it today (statistics are refreshed by bulk loads this branch owns;
      // the REFI import gets the same call when its rework lands).
      rows.push(['first page of the heaviest code, right after import', await one(firstPage)]);
      await refreshStatistics(db, EVIDENCE_BASE_TABLES);
    } else await refreshStatistics(db, EVIDENCE_BASE_TABLES);
    const p1 = await firstPage();
    notes.push(`heaviest code: ${top.rows[0]!.n} codings, ${p1.totalPassages} passages`);
    rows.push(['first page (50) of the heaviest code’s passages', await timed(20, firstPage)]);
    rows.push([
      `all ${p1.totalPassages} passages, page by page (keyset, 50 a page)`,
      await timed(3, async () => {
        let r = p1;
        while (r.next) r = await runCodingQuery(ctx, { ...query, limit: 50, after: r.next });
      }),
    ]);
    rows.push([
      'one later page (keyset cursor from the middle)',
      await timed(20, async () => {
        const mid = await runCodingQuery(ctx, { ...query, limit: 200, offset: 0 });
        return mid.next ? runCodingQuery(ctx, { ...query, limit: 50, after: mid.next }) : mid;
      }),
    ]);
    rows.push([
      'export one code’s passages as CSV (streamed)',
      await timed(5, async () => collectFile(await exportCodingQuery(ctx, { ...query }))),
    ]);
    let passages = 0;
    rows.push([
      'export all passages as CSV (streamed)',
      await timed(3, async () => {
        const f = await exportAllPassages(ctx, { activityId });
        passages = f.passages;
        return collectFile(f);
      }),
    ]);
    rows.push([
      'export all passages as XLSX',
      await timed(3, async () =>
        collectFile(await exportAllPassages(ctx, { activityId, format: 'xlsx' })),
      ),
    ]);
    notes.push(`all passages: ${passages}`);
    rows.push([
      'GET codings of the heaviest code, first page of 500 (with total)',
      await timed(20, () => listCodings(ctx, { activityId, codeIds: [heavy], limit: 500 })),
    ]);
    const records = await db
      .selectFrom('evidence_records')
      .select(['id', 'version', 'text'])
      .where('activity_id', '=', activityId)
      .orderBy('ref_no')
      .limit(400)
      .execute();
    const codes = await db
      .selectFrom('codes')
      .select('id')
      .where('activity_id', '=', activityId)
      .where('is_codable', '=', true)
      .orderBy('id')
      .execute();
    if (codes.length === 0)
      notes.push('no codable code in the imported codebook: coding not timed');
    else
      rows.push([
        'code a span (use case)',
        await timed(100, (i) => {
          const k = i + 1_000;
          const r = records[(k + 200) % records.length]!;
          const stop = Array.from(r.text).indexOf('.');
          return codeSpan(ctx, {
            evidenceId: r.id,
            codeIds: [codes[(k * 7 + 11) % codes.length]!.id],
            start: 0,
            end: stop > 0 ? stop + 1 : 10,
            evidenceVersion: r.version,
          }).catch((err: { code?: string }) => {
            if (err.code !== 'ALREADY_EXISTS') throw err;
          });
        }),
      ]);
    rows.push([
      'open one document (record, codings, memos)',
      await timed(50, (i) =>
        getEvidence(ctx, { evidenceId: records[(i + 1_000) % records.length]!.id }),
      ),
    ]);
    const loaded = mb();
    notes.push(`load average after: ${load()}`);
    return {
      label: `${engine}, ${factor}x (${scale.records} records, ${scale.codings} codings, ${scale.codes} codes)`,
      rows,
      notes,
      rss: { start: rssStart, loaded, end: mb() },
    };
  } finally {
    await target.cleanup();
  }
}

async function one(fn: () => Promise<unknown>): Promise<Summary> {
  return summarise(await sampleTimes(1, fn, { warmUp: 0 }));
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<Summary> {
  return summarise(await sampleTimes(n, fn, { warmUp: Math.min(3, n) }));
}

function table(f: Figures): string[] {
  return [
    `### ${f.label}`,
    '',
    ...f.notes.map((n) => `- ${n}`),
    `- process RSS (this process runs the embedded engine too): ${f.rss.start} MiB with the database open, ${f.rss.loaded} MiB after the operations`,
    '',
    '| operation | n | p50 ms | p95 ms | max ms |',
    '| --- | --- | --- | --- | --- |',
    ...f.rows.map(([l, s]) => `| ${l} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`),
    '',
  ];
}

export async function benchCorpusCompare(o: {
  engine: Engine;
  adminUrl?: string;
  factors?: number[];
}): Promise<string[]> {
  const out: string[] = [`## Corpus comparison (issue 19), ${o.engine}`, ''];
  const results: Figures[] = [];
  for (const factor of o.factors ?? [1, 4]) {
    const f = await runScale(o.engine, factor, true, o.adminUrl);
    results.push(f);
    out.push(...table(f));
    process.stderr.write(`${table(f).join('\n')}\n`); // a long run shows each scale as it ends
  }
  if (results.length === 2) {
    const [a, b] = results as [Figures, Figures];
    out.push(
      '### Growth (4x against 1x, p50)',
      '',
      '| operation | 1x | 4x | ratio |',
      '| --- | --- | --- | --- |',
    );
    for (const [label, s] of b.rows) {
      const base = a.rows.find(
        ([l]) => l.replace(/\d[\d,]*/g, '#') === label.replace(/\d[\d,]*/g, '#'),
      );
      if (base)
        out.push(`| ${label} | ${base[1].p50} | ${s.p50} | ${(s.p50 / base[1].p50).toFixed(2)} |`);
    }
    out.push('');
  }
  return out;
}
